// GET /: the home page that names and links the screens (server/http/home/), and its style sheet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env.js';
import { HOME_CSS_PATH, homePage } from '../home/home-page.js';

const css = readFileSync(join(import.meta.dirname, '../home/home.css'));

export function homeRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.html(homePage(deps.config), 200, { 'Cache-Control': 'no-cache' }))
    .get(HOME_CSS_PATH, (c) => c.body(new Uint8Array(css), 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }));
}
