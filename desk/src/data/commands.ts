// The desk's actions as HTTP commands (../shared/api.md). Each press is sent with its own request id,
// kept across retries: a double click is stopped by the screen, a lost answer by the server.
import type { DeskCommandAnswer } from '../../../server/office/desk-view.js';
import type { DeskAction, DeskView } from '../state.js';
import { newRequestId, send } from '../../../ui/http/api.js';

interface Route {
  path: string;
  body?: unknown;
}

/** The route for an action at `deskId`, whose current ticket (if any) is `currentId`. */
function routeFor(action: DeskAction, deskId: string, currentId: string | null): Route {
  const desk = `/desks/${encodeURIComponent(deskId)}`;
  const ticket = (id: string | null) => {
    if (!id) throw new Error(`${action.kind} needs a ticket`);
    return `/tickets/${encodeURIComponent(id)}`;
  };
  switch (action.kind) {
    case 'next':
      return { path: `${desk}/next` };
    case 'call':
      return { path: `${desk}/call`, body: { ticketId: action.ticketId } };
    case 'pause':
      return { path: `${desk}/pause`, body: { reason: action.reason, note: action.note || null } };
    case 'resume':
      return { path: `${desk}/resume` };
    case 'recall':
    case 'start':
    case 'park':
      return { path: `${ticket(currentId)}/${action.kind}` };
    case 'no-show':
      return { path: `${ticket(currentId)}/no-show` };
    case 'finish':
      return { path: `${ticket(currentId)}/finish`, body: { outcome: action.outcome, note: action.note || null } };
    case 'transfer':
      return { path: `${ticket(currentId)}/transfer`, body: { ...action.to, position: action.position } };
    case 'reinstate':
      return { path: `${ticket(action.ticketId)}/reinstate`, body: { position: 'first' } };
    case 'cancel':
      return { path: `${ticket(action.ticketId)}/cancel` };
  }
}

/** What an action changed: nothing (call-next answers 204 when nobody waits), or the desk's new view. */
export type ActionResult = { changed: false } | { changed: true; view: DeskView | null };

/**
 * Sends one action; the answer carries the desk's new view, so no second request is needed.
 * Rejects with Refused, SessionExpired or Unreachable (see api.ts).
 */
export async function runAction(action: DeskAction, token: string, deskId: string, currentId: string | null, onRetry: () => void): Promise<ActionResult> {
  const { path, body } = routeFor(action, deskId, currentId);
  const answer = await send<DeskCommandAnswer | null>('POST', path, { token, body, requestId: newRequestId('desk'), onRetry });
  return answer === null ? { changed: false } : { changed: true, view: answer.view };
}
