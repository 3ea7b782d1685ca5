// /api/v1/admin/users and /api/v1/admin/devices: staff accounts (create, rename, change role,
// disable, reset password) and paired devices (a one-time code to pair, last contact, revoke). Admins only.
import { Hono } from 'hono';
import { z } from 'zod';
import { userSeedSchema } from '../../config/schema.js';
import { persianProblems } from '../../config/problems-fa.js';
import { ApiError } from '../errors.js';
import type { AppDeps, AppEnv } from '../env.js';
import { requireRole } from '../auth.js';
import { validate } from '../validate.js';
import { closeIdleDesks } from '../../office/close-idle-desks.js';
import { actorOf } from './admin-config.js';

const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });
const role = z.enum(['staff', 'manager', 'admin']);
const userUpdate = z.object({ version: z.number().int().min(0), name: z.string(), role, disabled: z.boolean() });
const deviceBody = z.object({
  kind: z.enum(['kiosk', 'display', 'keypad', 'printer', 'desk']),
  name: z.string().trim().min(1).max(80),
  deskId: z.string().max(32).nullish().transform((v) => v || null),
});

export function adminAccountRoutes(deps: AppDeps) {
  const { accountAdmin } = deps;
  const admins = requireRole('admin');

  /** The office schema's rules for an account, with its Persian messages. */
  const checkedUser = (input: unknown) => {
    const result = userSeedSchema.safeParse(input);
    if (result.success) return result.data;
    const problems = persianProblems(result.error.issues).map((p) => ({ ...p, field: p.path }));
    throw new ApiError(400, 'invalid_user', problems.map((p) => p.message).join('؛ '), problems);
  };

  return new Hono<AppEnv>()
    .get('/users', admins, (c) => c.json({ users: accountAdmin.users() }))
    .post('/users', admins, async (c) => {
      const user = checkedUser(await c.req.json().catch(() => null));
      return c.json({ user: await accountAdmin.createUser(actorOf(c), user) }, 201);
    })
    .put('/users/:id', admins, validate('param', idParam), validate('json', userUpdate), async (c) => {
      const { version, name, role: newRole, disabled } = c.req.valid('json');
      const current = deps.accounts.user(c.req.valid('param').id);
      if (!current) throw new ApiError(404, 'unknown_user', 'این حساب کاربری پیدا نشد.');
      // The name follows the same rule as in the office file; username and password are checked as they are.
      checkedUser({ username: current.username, name, role: newRole, password: 'unchanged-here' });
      const actor = actorOf(c);
      const { user, deskIds } = accountAdmin.updateUser(actor, current.id, version, { name: name.trim(), role: newRole, disabled });
      await closeIdleDesks(deps.office, deskIds, { id: actor.id, staffId: null });
      return c.json({ user });
    })
    .post('/users/:id/password', admins, validate('param', idParam), async (c) => {
      const body = (await c.req.json().catch(() => null)) as { password?: unknown } | null;
      const current = deps.accounts.user(c.req.valid('param').id);
      if (!current) throw new ApiError(404, 'unknown_user', 'این حساب کاربری پیدا نشد.');
      const { password } = checkedUser({ username: current.username, name: current.name, role: current.role, password: body?.password });
      const actor = actorOf(c);
      await closeIdleDesks(deps.office, await accountAdmin.resetPassword(actor, current.id, password), { id: actor.id, staffId: null });
      return c.json({ ok: true });
    })
    .get('/devices', admins, (c) => c.json({ devices: accountAdmin.devices() }))
    .post('/devices', admins, validate('json', deviceBody), (c) => {
      const device = c.req.valid('json');
      if (device.kind === 'desk' && !device.deskId) throw new ApiError(400, 'desk_required', 'رایانهٔ باجه به یک باجه بسته است؛ باجه را انتخاب کنید.');
      if (device.deskId && !deps.config.desks.some((d) => d.id === device.deskId)) throw new ApiError(404, 'unknown_desk', 'این باجه وجود ندارد.');
      return c.json(accountAdmin.addDevice(actorOf(c), device), 201);
    })
    .post('/devices/:id/revoke', admins, validate('param', idParam), (c) => c.json({ device: accountAdmin.revokeDevice(actorOf(c), c.req.valid('param').id) }));
}
