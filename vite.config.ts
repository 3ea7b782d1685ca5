// One Vite build for every browser screen the server serves: each screen is an HTML entry, and all
// share `dist/assets/` (hashed names, so the server may cache them for good).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const screens = {
  kiosk: 'kiosk/index.html',
  desk: 'desk/index.html',
  display: 'display/index.html',
  manager: 'manager/index.html',
  track: 't/index.html',
  book: 'book/index.html',
  feedback: 'feedback/index.html',
  org: 'org/index.html',
};

export default defineConfig({
  root: '.',
  base: '/',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    rollupOptions: {
      input: Object.fromEntries(Object.entries(screens).map(([name, path]) => [name, resolve(import.meta.dirname, path)])),
    },
  },
});
