#!/usr/bin/env bash
# npm test: checks the system tools the suite drives for real (Debian's chromium, socat, faketime),
# installs them when it can (root with apt), then runs every test file with Node's test runner.
# The browser, session, time and statistics tests run with the wall clock moved years ahead
# (faketime), so a test that only passes near the day it was written fails at once, not on a later CI.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v socat >/dev/null 2>&1 || need+=(socat)
command -v faketime >/dev/null 2>&1 || need+=(faketime)
# central's tests start their own throwaway PostgreSQL cluster (initdb, pg_ctl)
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${need[*]} from Debian's packages" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "The tests need ${need[*]}. Install with:" >&2
    echo "  sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi

[ ! -f vite.config.ts ] || node scripts/build-if-stale.mjs

# The whole suite also type-checks (strict) and lints the layering (eslint.config.js), so either fails CI like a failing test.
[ $# -gt 0 ] || { npx tsc --noEmit -p . && npx eslint .; }

node_test=(node --import tsx --test --test-reporter=spec --test-concurrency=2 --test-timeout=600000)

if [ $# -gt 0 ]; then exec "${node_test[@]}" "$@"; fi

# About three years ahead of the real date: far enough that no fixed date in a test or fixture is still "now".
shift_clock=(faketime -f +1100d)
mapfile -t shifted < <(find test/e2e test/security test/time test/stats -name '*.test.ts' | sort)
mapfile -t plain < <(find test -name '*.test.ts' -not -path '*/node_modules/*' | sort | grep -vxF -f <(printf '%s\n' "${shifted[@]}"))
status=0
"${node_test[@]}" "${plain[@]}" || status=$?
echo "--- the browser, session, time and statistics tests, with the wall clock moved ahead (${shift_clock[*]})"
"${shift_clock[@]}" "${node_test[@]}" "${shifted[@]}" || status=$?
exit $status
