// Issuing a ticket as the kiosk is answered: the estimate and promise at issue, the command (with
// the kiosk's language: the slip prints once it is committed, devices/issued-slips.ts), and the
// answer of POST /tickets. Shared by a walk-in's ticket and a booking's check-in.
import type { Principal } from '../auth/principal.js';
import { actorId } from '../auth/principal.js';
import { newId } from '../auth/secrets.js';
import { keptPromise } from '../estimate/promise.js';
import type { AppointmentRef, PriorityGroup } from '../queue/index.js';
import { refuse } from '../queue/errors.js';
import { apiErrors } from './errors.js';
import type { AppDeps } from './env.js';

export interface IssueRequest {
  serviceId: string;
  priorityGroup: PriorityGroup | null;
  language: 'fa' | 'en';
  appointment?: AppointmentRef;
}

/** Issues the ticket (once per request key) and returns the kiosk's answer and whether it was a replay. */
export async function issueTicket(deps: AppDeps, principal: Principal, request: IssueRequest, requestKey: string | undefined) {
  const { office, read } = deps;
  // Whether the service is open (active, within its hours) is decided with the command, in its batch.
  const service = deps.config.services.find((s) => s.id === request.serviceId);
  if (!service) throw refuse.unknownService(request.serviceId);
  const ticketId = newId();
  const estimate = read.newTicketEstimate(service.id, request.priorityGroup);
  const promised = read.newTicketPromise(service.id, request.priorityGroup);
  const result = await office.execute(
    { type: 'issueTicket', ticketId, serviceId: request.serviceId, priorityGroup: request.priorityGroup, promise: keptPromise(promised), language: request.language, ...(request.appointment ? { appointment: request.appointment } : {}) },
    { id: actorId(principal), staffId: null },
    requestKey,
  );
  const issuedId = result.replayedTicketId ?? ticketId;
  if (!result.replayedTicketId) read.promise(issuedId, estimate);
  const ticket = read.ticket(issuedId);
  if (!ticket) throw apiErrors.ticketNotFound();
  const { id, number, serviceId, issuedAt, ahead, estimatedWaitSeconds, estimatedWait, waitNote, opensAt, promised: kept, priorityGroup, status } = ticket;
  return {
    replayed: Boolean(result.replayedTicketId),
    answer: { id, number, serviceId, issuedAt, ahead, estimatedWaitSeconds, estimatedWait, waitNote, opensAt, promised: kept, priorityGroup, status, ...(ticket.appointment ? { appointment: ticket.appointment } : {}) },
  };
}
