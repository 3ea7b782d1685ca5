// `npm start` (and test/run.sh) run this first: builds the browser screens with Vite when any page
// in vite.config.ts's `screens` (kiosk/index.html, desk/index.html, …) is missing from dist/, so a
// fresh checkout starts with one command. An existing build is left alone (`npm run build` refreshes).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// Read as text: plain Node cannot import the TypeScript config.
const pages = [...readFileSync(resolve(root, 'vite.config.ts'), 'utf8').matchAll(/'([\w/-]+\/index\.html)'/g)].map((m) => m[1]);
if (pages.length === 0 || pages.some((page) => !existsSync(resolve(root, 'dist', page)))) {
  console.log('nobat: building the screens (a page is missing from dist/)…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
