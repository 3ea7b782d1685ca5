// /api/v1/admin/printer/logo: the office's logo on the ticket, sent by admins as the image file
// itself (not JSON), so it has its own body limit in place of the API's 16 KB. The preview shows the
// ticket header as it will print and saves nothing; saving and removing are printer changes like any
// other (the printer's version, the audit trail, applied live), recorded by hash and size.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { printerView } from '../../config/logo.js';
import type { OfficeConfig } from '../../config/schema.js';
import { slipHeaderText } from '../../devices/printing.js';
import { requireRole } from '../auth.js';
import { errorBody } from '../errors.js';
import type { AppDeps, AppEnv } from '../env.js';
import { validate } from '../validate.js';
import { actorOf } from './admin-config.js';

/** The largest logo file an admin may send; it is scaled down to a few KB before it is kept. */
export const MAX_LOGO_UPLOAD_BYTES = 512 * 1024;
/** Paths under /api/v1 that take an image body, exempt from the JSON body limit. */
export const LOGO_UPLOAD_PATH = /^\/api\/v1\/admin\/printer\/logo(\/preview)?$/;

const versionQuery = z.object({ version: z.coerce.number().int().min(0) });

export function adminLogoRoutes(deps: AppDeps) {
  const { configs, configEditor: editor } = deps;
  const admins = requireRole('admin');
  const limit = bodyLimit({
    maxSize: MAX_LOGO_UPLOAD_BYTES,
    onError: (c) => c.json(errorBody('logo_file_too_large', 'فایل نشان بزرگ‌تر از ۵۱۲ کیلوبایت است؛ تصویر کوچک‌تری برگزینید.'), 413, { Connection: 'close' }),
  });
  const paperWidth = () => configs.current().printer?.widthDots ?? 576;
  const normalised = async (c: Context<AppEnv>) => {
    const { normaliseLogo } = await import('../../admin/logo-upload.js');
    return normaliseLogo(new Uint8Array(await c.req.arrayBuffer()), paperWidth());
  };
  const saveLogo = (c: Context<AppEnv>, version: number, logo: string | undefined) => {
    const result = editor.apply({
      actor: actorOf(c),
      entity: 'printer',
      entityId: null,
      action: 'update',
      expectedVersion: version,
      view: printerView,
      focus: 'printer',
      change: (draft) => {
        const { logo: _previous, ...printer } = draft.printer ?? {};
        return { ...draft, printer: { ...printer, ...(logo === undefined ? {} : { logo }) } as OfficeConfig['printer'] };
      },
    });
    return c.json({ printer: printerView(result.config), version: result.version, revision: configs.revision() });
  };

  return new Hono<AppEnv>()
    .post('/printer/logo/preview', admins, limit, async (c) => {
      const logo = await normalised(c);
      const { headerPreview } = await import('../../admin/logo-upload.js');
      return c.json({ logo: logo.summary, preview: await headerPreview(slipHeaderText(configs.current()), logo, paperWidth()), widthDots: paperWidth() });
    })
    .put('/printer/logo', admins, validate('query', versionQuery), limit, async (c) => saveLogo(c, c.req.valid('query').version, (await normalised(c)).dataUrl))
    .delete('/printer/logo', admins, validate('query', versionQuery), (c) => saveLogo(c, c.req.valid('query').version, undefined));
}
