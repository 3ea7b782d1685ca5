// The desk's live connection over Socket.IO: the desk's whole view on every change (desk:snapshot)
// and alerts for staff. Only the app shell calls this. On every (re)connection the server sends a
// fresh snapshot first, so a desk that was cut off resynchronises by itself.
import type { DeskView } from '../state.js';
import { openStaffSocket, type StaffConnectionHandlers } from '../../../ui/realtime/live-socket.js';

export interface LiveHandlers extends StaffConnectionHandlers {
  onView(view: DeskView, seq: number): void;
  onAlert(message: string): void;
  /** An admin changed the configuration: service and desk names may differ now. */
  onConfig(): void;
}

/** Connects and keeps reconnecting; returns the function that disconnects for good. */
export function connectDesk(token: string, handlers: LiveHandlers): () => void {
  let lastSeq: number | undefined;
  const { socket, close } = openStaffSocket((send) => send(lastSeq === undefined ? { token } : { token, lastSeq }), handlers);
  socket.on('desk:snapshot', ({ seq, ...view }) => {
    // Snapshots of a room arrive in order; the guard only keeps a replayed old one from winning.
    if (lastSeq !== undefined && seq < lastSeq) return;
    lastSeq = seq;
    handlers.onView(view, seq);
  });
  socket.on('alert:raised', (alert) => handlers.onAlert(alert.message));
  socket.on('config:changed', () => handlers.onConfig());
  return close;
}
