// `npm start` (and test/run.sh) run this first: builds the browser screens with Vite when a page in
// vite.config.ts's `screens` (kiosk/index.html, desk/index.html, …) is missing from dist/, or when a
// file of the screens' folders, of ui/ (the code they share) or the Vite config is newer than the
// build, so a fresh checkout starts with one command and a pulled change is never served stale.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// Read as text: plain Node cannot import the TypeScript config.
const config = resolve(root, 'vite.config.ts');
const pages = [...readFileSync(config, 'utf8').matchAll(/'([\w/-]+\/index\.html)'/g)].map((m) => m[1]);
const why = staleness();
if (why) {
  console.log(`nobat: building the screens (${why})…`);
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

function staleness() {
  if (pages.length === 0) return 'no screens found in vite.config.ts';
  const built = pages.map((page) => resolve(root, 'dist', page));
  if (built.some((page) => !existsSync(page))) return 'a page is missing from dist/';
  const builtAt = Math.min(...built.map((page) => statSync(page).mtimeMs));
  const sources = [config, resolve(root, 'ui'), ...new Set(pages.map((page) => resolve(root, dirname(page))))].flatMap(filesUnder);
  const newer = sources.find((file) => statSync(file).mtimeMs > builtAt);
  return newer ? `${newer.slice(root.length + 1)} changed since the last build` : null;
}

function filesUnder(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}
