// /api/v1/tickets: kiosks issue, anyone holding an id reads, staff at the ticket's desk act on it.
import { Hono, type Context } from 'hono';
import { actorId } from '../../auth/principal.js';
import type { CommandInput } from '../../office/office.js';
import { publicTicket } from '../../office/read-model.js';
import { apiErrors, ApiError } from '../errors.js';
import type { AppDeps, AppEnv } from '../env.js';
import { requireDevice, requireRole, staffAt } from '../auth.js';
import { validate } from '../validate.js';
import { issueTicket } from '../issue-ticket.js';
import { finishBody, issueBody, positionBody, requestKey, ticketIdParam, transferBody } from '../schemas.js';

export function ticketRoutes(deps: AppDeps) {
  const { office, read } = deps;

  /** Runs a staff command on one ticket at the caller's desk and answers with the ticket and the desk's new view. */
  const act = async (c: Context<AppEnv>, build: (deskId: string, ticketId: string) => CommandInput) => {
    const staff = staffAt(c);
    const ticketId = c.req.param('id')!;
    await office.execute(build(staff.deskId!, ticketId), { id: actorId(staff), staffId: staff.userId }, deskRequestKey(c, staff.userId));
    const ticket = read.ticket(ticketId);
    if (!ticket) throw apiErrors.ticketNotFound();
    return c.json({ ticket, view: read.desk(staff.deskId!) ?? null }, 200);
  };

  return new Hono<AppEnv>()
    .post('/', requireDevice('kiosk'), validate('json', issueBody), async (c) => {
      const principal = c.get('principal')!;
      const body = c.req.valid('json');
      const key = c.req.header('idempotency-key');
      if (key !== undefined && !requestKey.safeParse(key).success) {
        throw new ApiError(400, 'invalid_request', 'کلید تکرار درخواست (Idempotency-Key) نادرست است.');
      }
      const issued = await issueTicket(deps, principal, body, key ? `issue:${actorId(principal)}:${key}` : undefined);
      if (issued.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(issued.answer, 201);
    })
    .get('/:id', validate('param', ticketIdParam), (c) => {
      const ticket = read.ticket(c.req.valid('param').id);
      if (!ticket) throw apiErrors.ticketNotFound();
      return c.json(publicTicket(ticket));
    })
    .post('/:id/recall', validate('param', ticketIdParam), (c) => act(c, (deskId, ticketId) => ({ type: 'recall', deskId, ticketId })))
    .post('/:id/no-show', validate('param', ticketIdParam), (c) => act(c, (deskId, ticketId) => ({ type: 'markNoShow', deskId, ticketId })))
    .post('/:id/start', validate('param', ticketIdParam), (c) => act(c, (deskId, ticketId) => ({ type: 'startService', deskId, ticketId })))
    .post('/:id/park', validate('param', ticketIdParam), (c) => act(c, (deskId, ticketId) => ({ type: 'park', deskId, ticketId })))
    .post('/:id/cancel', validate('param', ticketIdParam), (c) => act(c, (deskId, ticketId) => ({ type: 'cancel', deskId, ticketId })))
    .post('/:id/finish', validate('param', ticketIdParam), validate('json', finishBody), (c) => {
      const { outcome, note } = c.req.valid('json');
      return act(c, (deskId, ticketId) => ({ type: 'finishService', deskId, ticketId, outcome, note }));
    })
    .post('/:id/transfer', validate('param', ticketIdParam), validate('json', transferBody), (c) => {
      const body = c.req.valid('json');
      const to = 'serviceId' in body ? { serviceId: body.serviceId } : { deskId: body.deskId };
      return act(c, (deskId, ticketId) => ({ type: 'transfer', deskId, ticketId, to, position: body.position }));
    })
    .post('/:id/reinstate', requireRole('staff', 'manager', 'admin'), validate('param', ticketIdParam), validate('json', positionBody), async (c) => {
      const principal = c.get('principal');
      if (principal?.kind !== 'user') throw apiErrors.unauthenticated();
      const ticketId = c.req.valid('param').id;
      const { position } = c.req.valid('json');
      await office.execute({ type: 'reinstate', ticketId, position }, { id: actorId(principal), staffId: principal.userId }, deskRequestKey(c, principal.userId));
      // A manager may reinstate from no desk; a clerk at a desk sees the desk's new view.
      return c.json({ ticket: read.ticket(ticketId), view: principal.deskId ? (read.desk(principal.deskId) ?? null) : null }, 200);
    });
}

/** Desks send a unique request id with each command so that a retried click is applied once. */
export function deskRequestKey(c: Context, userId: string): string | undefined {
  const id = c.req.header('x-request-id');
  if (id === undefined) return undefined;
  if (!requestKey.safeParse(id).success) throw new ApiError(400, 'invalid_request', 'شناسهٔ درخواست (X-Request-Id) نادرست است.');
  return `desk:${userId}:${id}`;
}
