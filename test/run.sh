#!/usr/bin/env bash
# npm test: checks the system tools the suite drives for real (Debian's chromium, socat, and faketime for
# the runs under a shifted clock), installs them when it can (root with apt), then runs every test file
# with Node's test runner.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v socat >/dev/null 2>&1 || need+=(socat)
command -v faketime >/dev/null 2>&1 || need+=(faketime)
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

# The whole suite also type-checks (strict), so a type error fails CI like a failing test.
[ $# -gt 0 ] || npx tsc --noEmit -p .

if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(find test -name '*.test.ts' -not -path '*/node_modules/*' | sort); fi
exec node --import tsx --test --test-reporter=spec --test-concurrency=2 --test-timeout=180000 "${files[@]}"
