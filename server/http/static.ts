// The browser screens built by Vite into dist/: the kiosk at /kiosk, the staff desk at /desk, the
// manager's screen at /manager, one ticket's tracking page at /t/<id>, the public booking page at
// /book, the public feedback page at /feedback and a follow-up code's at /feedback/<code>, and their
// hashed assets, cached for good. Without a build, a page that says how to make one.
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import { publicOffice } from '../config/public.js';
import type { OfficeConfig } from '../config/schema.js';
import type { AppEnv } from './env.js';

export const DEFAULT_DIST = resolve(import.meta.dirname, '../../dist');
/** The display's default voice clips (scripts/make-voice-clips.ts). */
const DEFAULT_VOICE = resolve(import.meta.dirname, '../../display/voice');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.mp3': 'audio/mpeg',
  '.json': 'application/json',
};

export const NOT_BUILT = `<!doctype html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>نوبت — ساخت لازم است</title></head>
<body><h1>صفحه‌های نوبت هنوز ساخته نشده‌اند</h1>
<p>در پوشهٔ برنامه فرمان <code>npm run build</code> را اجرا کنید و این صفحه را دوباره باز کنید.</p>
<hr><p lang="en" dir="ltr">The nobat screens have not been built yet. Run <code>npm run build</code> in the nobat folder, then reload this page.</p>
</body></html>`;

export interface StaticOptions {
  /** The configuration at the time of each request. */
  config: () => OfficeConfig;
  /** Where phones reach the server, for the kiosk's QR code (the slip's too). */
  publicUrl: () => string;
  /** Where Vite wrote the build; the repository's dist/ by default. */
  distDir?: string;
  /**
   * Where an office keeps its own recordings of the display's words; a clip found there replaces the
   * default one of the same name. NOBAT_VOICE_DIR by default.
   */
  voiceDir?: string;
}

/** What the kiosk and display show before any request: the office's name, charter, voice, … */
function officeScript(config: OfficeConfig, publicUrl: string): string {
  const office = publicOffice(config, publicUrl);
  // `<` escaped so that no text in the office file can close the script element.
  const json = JSON.stringify(office).replace(/</g, '\\u003c');
  return `<script type="application/json" id="nb-office">${json}</script>`;
}

export function staticRoutes({ config, publicUrl, distDir = DEFAULT_DIST, voiceDir = process.env.NOBAT_VOICE_DIR }: StaticOptions) {
  const assetsDir = join(distDir, 'assets');

  const page = async (c: Context<AppEnv>, file: string, inject = '') => {
    let html: string;
    try {
      html = await readFile(join(distDir, file), 'utf8');
    } catch {
      return c.html(NOT_BUILT, 503, { 'Cache-Control': 'no-store' });
    }
    if (inject) html = html.replace('</head>', `${inject}</head>`);
    return c.html(html, 200, { 'Cache-Control': 'no-cache' });
  };

  return new Hono<AppEnv>()
    .get('/kiosk', (c) => page(c, 'kiosk/index.html', officeScript(config(), publicUrl())))
    .get('/kiosk/', (c) => c.redirect('/kiosk', 301))
    .get('/desk', (c) => page(c, 'desk/index.html'))
    .get('/desk/', (c) => c.redirect('/desk', 301))
    .get('/manager', (c) => page(c, 'manager/index.html'))
    .get('/manager/', (c) => c.redirect('/manager', 301))
    .get('/display', (c) => page(c, 'display/index.html', officeScript(config(), publicUrl())))
    .get('/display/', (c) => c.redirect('/display', 301))
    .get('/display/voice/:file{[a-z0-9-]{1,40}\\.wav}', async (c) => {
      const file = c.req.param('file');
      // The clip set an admin chose is a folder of the voice folder; a clip it lacks comes from the next.
      const set = config().audio?.clipSet ?? 'default';
      const sets = voiceDir && set !== 'default' ? [join(voiceDir, set)] : [];
      for (const dir of [...sets, ...(voiceDir ? [voiceDir] : []), DEFAULT_VOICE]) {
        try {
          const body = await readFile(join(dir, file));
          // Revalidated, not cached for good: an office may swap in its own recording at any time.
          return c.body(body, 200, { 'Content-Type': 'audio/wav', 'Cache-Control': 'no-cache' });
        } catch {
          // not in this folder; try the next
        }
      }
      return c.notFound();
    })
    .get('/t/:id{[A-Za-z0-9_-]{8,64}}', (c) => page(c, 't/index.html'))
    .get('/book', (c) => page(c, 'book/index.html'))
    .get('/feedback', (c) => page(c, 'feedback/index.html', officeScript(config(), publicUrl())))
    .get('/feedback/', (c) => c.redirect('/feedback', 301))
    .get('/feedback/:code{[0-9]{10}}', (c) => page(c, 'feedback/index.html', officeScript(config(), publicUrl())))
    .get('/book/', (c) => c.redirect('/book', 301))
    .get('/assets/:file', (c) => asset(c, assetsDir));
}

/** One hashed file of dist/assets, cached for good; central serves the same ones. */
export async function asset(c: Context, assetsDir: string): Promise<Response> {
  const path = resolve(assetsDir, c.req.param('file') ?? '');
  const type = CONTENT_TYPES[extname(path)];
  if (!path.startsWith(assetsDir + sep) || !type) return c.notFound();
  try {
    const body = await readFile(path);
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=31536000, immutable' });
  } catch {
    return c.notFound();
  }
}
