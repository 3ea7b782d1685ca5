// /api/v1/desks: the list for staff and managers; call next, call a ticket, pause and resume for
// the staff member signed in at that desk, each answered with the desk's new view (`view`), so the
// desk needs no second request.
import { Hono } from 'hono';
import { actorId } from '../../auth/principal.js';
import { ApiError, apiErrors } from '../errors.js';
import type { AppDeps, AppEnv } from '../env.js';
import { requireRole, staffAt } from '../auth.js';
import { validate } from '../validate.js';
import { callBody, deskIdParam, pauseBody } from '../schemas.js';
import { deskRequestKey } from './tickets.js';

export function deskRoutes(deps: AppDeps) {
  const { office, read } = deps;

  const deskSummary = (deskId: string) => {
    const desk = office.state.desks.get(deskId);
    const configured = deps.config.desks.find((d) => d.id === deskId);
    if (!desk || !configured) throw apiErrors.notFound();
    return { id: desk.id, name: configured.name, number: configured.number, services: desk.services, open: desk.open, paused: desk.pause !== null, pause: desk.pause };
  };

  return new Hono<AppEnv>()
    .get('/', requireRole('staff', 'manager', 'admin'), (c) => c.json(deps.config.desks.map((d) => deskSummary(d.id))))
    .get('/:deskId', validate('param', deskIdParam), (c) => {
      const { deskId } = c.req.valid('param');
      const principal = c.get('principal');
      const isManager = principal?.kind === 'user' && principal.role !== 'staff';
      if (!isManager) staffAt(c, deskId);
      const view = read.desk(deskId);
      if (!view) throw apiErrors.notFound();
      return c.json(view);
    })
    .post('/:deskId/next', validate('param', deskIdParam), async (c) => {
      const { deskId } = c.req.valid('param');
      const staff = staffAt(c, deskId);
      const result = await office.execute({ type: 'callNext', deskId }, { id: actorId(staff), staffId: staff.userId }, deskRequestKey(c, staff.userId));
      const calledId = result.replayedTicketId !== undefined ? result.replayedTicketId : calledTicketId(result.events.map((e) => e.event));
      if (!calledId) return c.body(null, 204);
      return c.json({ ticket: read.ticket(calledId), view: read.desk(deskId) ?? null }, 200);
    })
    .post('/:deskId/call', validate('param', deskIdParam), validate('json', callBody), async (c) => {
      const { deskId } = c.req.valid('param');
      const staff = staffAt(c, deskId);
      const { ticketId } = c.req.valid('json');
      await office.execute({ type: 'callTicket', deskId, ticketId }, { id: actorId(staff), staffId: staff.userId }, deskRequestKey(c, staff.userId));
      return c.json({ ticket: read.ticket(ticketId), view: read.desk(deskId) ?? null }, 200);
    })
    .post('/:deskId/pause', validate('param', deskIdParam), validate('json', pauseBody), async (c) => {
      const { deskId } = c.req.valid('param');
      const staff = staffAt(c, deskId);
      const { reason, note } = c.req.valid('json');
      // A clerk's pause must not leave a called or served visitor standing at the desk. Only here, at
      // the edge: the domain lets a replayed trace's desk go on break mid-service.
      if (office.state.desks.get(deskId)?.currentTicketId) throw deskHoldsTicket();
      await office.execute({ type: 'pauseDesk', deskId, reason, note }, { id: actorId(staff), staffId: staff.userId });
      return c.json({ desk: deskSummary(deskId), view: read.desk(deskId) ?? null });
    })
    .post('/:deskId/resume', validate('param', deskIdParam), async (c) => {
      const { deskId } = c.req.valid('param');
      const staff = staffAt(c, deskId);
      await office.execute({ type: 'resumeDesk', deskId }, { id: actorId(staff), staffId: staff.userId });
      return c.json({ desk: deskSummary(deskId), view: read.desk(deskId) ?? null });
    });
}

function deskHoldsTicket(): ApiError {
  return new ApiError(409, 'desk_busy', 'پیش از توقف، تکلیف نوبت فعلی را روشن کنید: خدمت را تمام کنید، یا عدم حضور، پارک یا ارجاع آن را ثبت کنید.');
}

function calledTicketId(events: Array<{ type: string; ticketId?: string }>): string | null {
  const called = events.find((e) => e.type === 'ticket.called');
  return called?.ticketId ?? null;
}
