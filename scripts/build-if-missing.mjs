// `npm start` runs this first: builds the browser screens with Vite when dist/ has none, so a fresh
// checkout starts with one command. An existing build is left alone (run `npm run build` to refresh).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(resolve(root, 'dist/kiosk/index.html'))) {
  console.log('nobat: building the screens (dist/ is missing)…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
