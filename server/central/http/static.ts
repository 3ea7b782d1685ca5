// The organisation's screens at central: /org (built by Vite into the same dist/ as the office's
// screens) and its hashed assets; / leads there. Without a build, the page that says how to make one.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { DEFAULT_DIST, NOT_BUILT, asset } from '../../http/static.js';
import type { CentralEnv } from './env.js';

export function centralStaticRoutes(distDir = DEFAULT_DIST) {
  const assetsDir = join(distDir, 'assets');
  return new Hono<CentralEnv>()
    .get('/', (c) => c.redirect('/org', 302))
    .get('/org/', (c) => c.redirect('/org', 301))
    .get('/org', async (c) => {
      try {
        return c.html(await readFile(join(distDir, 'org/index.html'), 'utf8'), 200, { 'Cache-Control': 'no-cache' });
      } catch {
        return c.html(NOT_BUILT, 503, { 'Cache-Control': 'no-store' });
      }
    })
    .get('/assets/:file', (c) => asset(c, assetsDir));
}
