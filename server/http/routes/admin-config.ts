// /api/v1/admin: the office's configuration, edited from the browser by admins (managers may read
// it, its audit trail and its export; staff may not). Each change names the version it was made
// from; see server/admin/config-editor.ts for what happens to it.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { listAudit } from '../../admin/audit.js';
import { refuseDeletingUsedService, refuseRemovingDeskInUse, refuseStrandedTickets } from '../../admin/checks.js';
import type { AdminActor } from '../../admin/config-editor.js';
import { versionKey } from '../../admin/config-editor.js';
import { officeFileYaml } from '../../admin/export.js';
import type { ConfigEntity } from '../../config/holder.js';
import { printerView } from '../../config/logo.js';
import type { OfficeConfig } from '../../config/schema.js';
import { ApiError, apiErrors } from '../errors.js';
import type { AppDeps, AppEnv } from '../env.js';
import { requireRole } from '../auth.js';
import { validate } from '../validate.js';

const version = z.number().int().min(0);
const entityBody = z.object({ version: version.optional() }).catchall(z.unknown());
const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/) });
const auditQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  entity: z.enum(['office', 'board', 'printer', 'audio', 'voice', 'service', 'desk', 'user', 'device']).optional(),
  entityId: z.string().max(64).optional(),
});

/** The parts of the office edited as one form each, and what of the document each one covers. */
const SECTIONS = {
  office: ['name', 'nameEn', 'hours', 'publicUrl', 'policy'],
  board: ['charter', 'announcements'],
  /** The feedback topics, the target answer time per kind and how long mobile numbers are kept. */
  voice: ['voice'],
} as const satisfies Record<string, ReadonlyArray<keyof OfficeConfig>>;

export function adminConfigRoutes(deps: AppDeps) {
  const { configs, configEditor: editor } = deps;
  const readers = requireRole('manager', 'admin');
  const admins = requireRole('admin');

  const serviceView = (id: string) => (config: OfficeConfig) => config.services.find((s) => s.id === id) ?? null;
  const deskView = (id: string) => (config: OfficeConfig) => config.desks.find((d) => d.id === id) ?? null;
  const sectionView = (keys: ReadonlyArray<keyof OfficeConfig>) => (config: OfficeConfig) => Object.fromEntries(keys.map((k) => [k, config[k] ?? null]));
  const answer = (c: Context<AppEnv>, entity: ConfigEntity, id: string | null, value: unknown, status: 200 | 201 = 200) =>
    c.json({ [entity]: value, version: configs.version(versionKey(entity, id)), revision: configs.revision() }, status);

  const editSection = (entity: keyof typeof SECTIONS) => async (c: Context<AppEnv>) => {
    const body = await readBody(c);
    const keys = SECTIONS[entity];
    const view = sectionView(keys);
    const result = editor.apply({
      actor: actorOf(c),
      entity,
      entityId: null,
      action: 'update',
      expectedVersion: requireVersion(body),
      view,
      focus: '',
      change: (draft) => {
        const next: Record<string, unknown> = { ...draft };
        // A field left empty in the form is absent from the office file, as if never written.
        for (const key of keys) {
          const value = body[key];
          if (value === undefined || value === null || value === '') delete next[key];
          else next[key] = value;
        }
        return next as OfficeConfig;
      },
    });
    return answer(c, entity, null, view(result.config));
  };

  return new Hono<AppEnv>()
    .get('/config', readers, (c) => {
      const config = configs.current();
      const versions: Record<string, number> = { office: configs.version('office'), board: configs.version('board'), printer: configs.version('printer'), audio: configs.version('audio'), voice: configs.version('voice') };
      for (const s of config.services) versions[`service:${s.id}`] = configs.version(`service:${s.id}`);
      for (const d of config.desks) versions[`desk:${d.id}`] = configs.version(`desk:${d.id}`);
      return c.json({ config: { ...config, users: [] }, versions, revision: configs.revision() });
    })
    .get('/config/export', readers, (c) => {
      const config = configs.current();
      const date = new Date(deps.office.now()).toISOString().slice(0, 10);
      return c.body(officeFileYaml(config, new Date(deps.office.now())), 200, {
        'Content-Type': 'application/yaml; charset=utf-8',
        'Content-Disposition': `attachment; filename="nobat-office-${date}.yaml"`,
      });
    })
    .get('/audit', readers, validate('query', auditQuery), (c) => {
      const { before, limit, entity, entityId } = c.req.valid('query');
      return c.json({ entries: listAudit(deps.db, { limit, ...(before ? { beforeSeq: before } : {}), ...(entity ? { entity } : {}), ...(entityId ? { entityId } : {}) }) });
    })
    .put('/office', admins, editSection('office'))
    .put('/board', admins, editSection('board'))
    .put('/voice', admins, editSection('voice'))
    .put('/printer', admins, async (c) => {
      const body = await readBody(c);
      // The transport (which file, port or host) is the machine's, set only by the office file: from
      // the browser it would let an admin make the server write any file or connect to any host.
      if ('transport' in body) throw new ApiError(400, 'printer_transport_fixed', 'درگاه چاپگر (پرونده، درگاه سریال یا نشانی شبکه) فقط در پروندهٔ پیکربندی اداره تعیین می‌شود و از اینجا تغییر نمی‌کند.');
      const { version: _version, logo: _logo, ...settings } = body;
      const result = editor.apply({
        actor: actorOf(c),
        entity: 'printer',
        entityId: null,
        action: 'update',
        expectedVersion: requireVersion(body),
        view: printerView,
        focus: 'printer',
        // The transport stays as the office file set it (or absent: the virtual printer); the logo as
        // its own route (admin-logo.ts) set it.
        change: (draft) => ({ ...draft, printer: { ...settings, ...(draft.printer?.transport ? { transport: draft.printer.transport } : {}), ...(draft.printer?.logo ? { logo: draft.printer.logo } : {}) } as OfficeConfig['printer'] }),
      });
      return answer(c, 'printer', null, printerView(result.config));
    })
    .put('/audio', admins, async (c) => {
      const body = await readBody(c);
      const { version: _version, ...audio } = body;
      const result = editor.apply({
        actor: actorOf(c),
        entity: 'audio',
        entityId: null,
        action: 'update',
        expectedVersion: requireVersion(body),
        view: (config) => config.audio ?? null,
        focus: 'audio',
        change: (draft) => ({ ...draft, audio: audio as OfficeConfig['audio'] }),
      });
      return answer(c, 'audio', null, result.config.audio ?? null);
    })
    .post('/services', admins, async (c) => {
      const service = await readBody(c);
      const id = typeof service.id === 'string' ? service.id : '';
      const current = configs.current();
      if (current.services.some((s) => s.id === id)) throw new ApiError(409, 'service_exists', `خدمتی با شناسهٔ «${id}» هست؛ شناسهٔ دیگری برگزینید.`);
      // `deskIds`: the desks that serve the new service, added to their workprofiles in the same change,
      // since an open service that no desk calls is refused.
      const { version: _version, deskIds: chosen, ...fields } = service;
      const deskIds = Array.isArray(chosen) ? chosen.map(String) : [];
      const unknown = deskIds.find((deskId) => !current.desks.some((d) => d.id === deskId));
      if (unknown !== undefined) throw new ApiError(400, 'unknown_desk', `باجهٔ «${unknown}» وجود ندارد.`);
      const result = editor.apply({
        actor: actorOf(c),
        entity: 'service',
        entityId: id,
        action: 'create',
        view: serviceView(id),
        focus: `services.${current.services.length}`,
        change: (draft) => ({
          ...draft,
          services: [...draft.services, fields as OfficeConfig['services'][number]],
          desks: draft.desks.map((d) => (deskIds.includes(d.id) && !d.services.includes(id) ? { ...d, services: [...d.services, id] } : d)),
        }),
      });
      return answer(c, 'service', id, serviceView(id)(result.config), 201);
    })
    .put('/services/:id', admins, validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      const body = await readBody(c);
      const index = indexOf(configs.current().services, id, 'خدمت');
      const { version: _version, ...fields } = body;
      const result = editor.apply({
        actor: actorOf(c),
        entity: 'service',
        entityId: id,
        action: 'update',
        expectedVersion: requireVersion(body),
        view: serviceView(id),
        focus: `services.${index}`,
        // The id stays: tickets and statistics refer to it.
        change: (draft) => ({ ...draft, services: draft.services.map((s) => (s.id === id ? ({ ...fields, id } as typeof s) : s)) }),
        check: (next) => refuseStrandedTickets(deps.office.state, next),
      });
      return answer(c, 'service', id, serviceView(id)(result.config));
    })
    .delete('/services/:id', admins, validate('param', idParam), validate('query', z.object({ version: z.coerce.number().int().min(0) })), (c) => {
      const { id } = c.req.valid('param');
      const current = configs.current();
      const service = current.services[indexOf(current.services, id, 'خدمت')]!;
      refuseDeletingUsedService(deps.db, id, service.name);
      const inDesks = current.desks.filter((d) => d.services.includes(id));
      if (inDesks.length > 0) throw new ApiError(409, 'service_in_workprofile', `خدمت «${service.name}» در فهرست کار ${inDesks.map((d) => `«${d.name}»`).join('، ')} است؛ نخست آن را از فهرست کار این باجه‌ها بردارید.`);
      editor.apply({
        actor: actorOf(c),
        entity: 'service',
        entityId: id,
        action: 'delete',
        expectedVersion: c.req.valid('query').version,
        view: serviceView(id),
        change: (draft) => ({ ...draft, services: draft.services.filter((s) => s.id !== id) }),
      });
      return c.json({ ok: true, revision: configs.revision() });
    })
    .post('/desks', admins, async (c) => {
      const desk = await readBody(c);
      const id = typeof desk.id === 'string' ? desk.id : '';
      const current = configs.current();
      if (current.desks.some((d) => d.id === id)) throw new ApiError(409, 'desk_exists', `باجه‌ای با شناسهٔ «${id}» هست؛ شناسهٔ دیگری برگزینید.`);
      const { version: _version, ...fields } = desk;
      const result = editor.apply({
        actor: actorOf(c),
        entity: 'desk',
        entityId: id,
        action: 'create',
        view: deskView(id),
        focus: `desks.${current.desks.length}`,
        change: (draft) => ({ ...draft, desks: [...draft.desks, fields as OfficeConfig['desks'][number]] }),
      });
      return answer(c, 'desk', id, deskView(id)(result.config), 201);
    })
    .put('/desks/:id', admins, validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      const body = await readBody(c);
      const index = indexOf(configs.current().desks, id, 'باجه');
      const { version: _version, ...fields } = body;
      const result = editor.apply({
        actor: actorOf(c),
        entity: 'desk',
        entityId: id,
        action: 'update',
        expectedVersion: requireVersion(body),
        view: deskView(id),
        focus: `desks.${index}`,
        change: (draft) => ({ ...draft, desks: draft.desks.map((d) => (d.id === id ? ({ ...fields, id } as typeof d) : d)) }),
        check: (next) => refuseStrandedTickets(deps.office.state, next),
      });
      return answer(c, 'desk', id, deskView(id)(result.config));
    })
    .delete('/desks/:id', admins, validate('param', idParam), validate('query', z.object({ version: z.coerce.number().int().min(0) })), (c) => {
      const { id } = c.req.valid('param');
      const current = configs.current();
      const desk = current.desks[indexOf(current.desks, id, 'باجه')]!;
      refuseRemovingDeskInUse(deps.office.state, id, desk.name);
      editor.apply({
        actor: actorOf(c),
        entity: 'desk',
        entityId: id,
        action: 'delete',
        expectedVersion: c.req.valid('query').version,
        view: deskView(id),
        change: (draft) => ({ ...draft, desks: draft.desks.filter((d) => d.id !== id) }),
        check: (next) => refuseStrandedTickets(deps.office.state, next),
      });
      return c.json({ ok: true, revision: configs.revision() });
    });
}

/** The signed-in admin, as the audit trail names them. */
export function actorOf(c: Context<AppEnv>): AdminActor {
  const principal = c.get('principal');
  if (principal?.kind !== 'user') throw apiErrors.unauthenticated();
  return { id: `user:${principal.userId}`, name: principal.name };
}

/** A JSON object body, kept as sent: the office schema checks its fields, with Persian messages. */
async function readBody(c: Context<AppEnv>): Promise<z.infer<typeof entityBody>> {
  let parsed: unknown;
  try {
    parsed = await c.req.json();
  } catch {
    throw new ApiError(400, 'malformed_request', 'درخواست قابل خواندن نیست (JSON نادرست).');
  }
  const result = entityBody.safeParse(parsed);
  if (!result.success) throw new ApiError(400, 'invalid_request', 'درخواست باید یک شیء JSON با شمارهٔ نسخهٔ درست باشد.');
  return result.data;
}

function requireVersion(body: { version?: number | undefined }): number {
  if (body.version === undefined) throw new ApiError(400, 'version_required', 'شمارهٔ نسخه‌ای که ویرایش از آن آغاز شد (version) لازم است.');
  return body.version;
}

function indexOf(list: ReadonlyArray<{ id: string }>, id: string, what: string): number {
  const index = list.findIndex((item) => item.id === id);
  if (index < 0) throw new ApiError(404, 'not_found', `${what} «${id}» پیدا نشد.`);
  return index;
}
