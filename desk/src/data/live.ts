// The desk's live connection over Socket.IO: the desk's whole view on every change (desk:snapshot)
// and alerts for staff. Only the app shell calls this. On every (re)connection the server sends a
// fresh snapshot first, so a desk that was cut off resynchronises by itself.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../server/realtime/contract.js';
import type { DeskView } from '../state.js';

export interface LiveHandlers {
  onView(view: DeskView, seq: number): void;
  /** true once (re)connected, false as soon as the link drops. */
  onConnection(connected: boolean): void;
  /** The server no longer accepts the token. */
  onUnauthorized(): void;
  onAlert(message: string): void;
  /** An admin changed the configuration: service and desk names may differ now. */
  onConfig(): void;
}

/** Connects and keeps reconnecting; returns the function that disconnects for good. */
export function connectDesk(token: string, handlers: LiveHandlers): () => void {
  let lastSeq: number | undefined;
  let closed = false;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    auth: (send) => send(lastSeq === undefined ? { token } : { token, lastSeq }),
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  });
  socket.on('connect', () => handlers.onConnection(true));
  socket.on('disconnect', (reason) => {
    handlers.onConnection(false);
    // A server that drops us on purpose is not retried by the client itself.
    if (reason === 'io server disconnect') setTimeout(() => closed || socket.connect(), 1000);
  });
  socket.on('connect_error', (error) => {
    if (error.message === 'unauthorized') {
      closed = true;
      socket.disconnect();
      handlers.onUnauthorized();
      return;
    }
    handlers.onConnection(false);
  });
  socket.on('desk:snapshot', ({ seq, ...view }) => {
    // Snapshots of a room arrive in order; the guard only keeps a replayed old one from winning.
    if (lastSeq !== undefined && seq < lastSeq) return;
    lastSeq = seq;
    handlers.onView(view as unknown as DeskView, seq);
  });
  socket.on('alert:raised', (alert) => handlers.onAlert(alert.message));
  socket.on('config:changed', () => handlers.onConfig());
  return () => {
    closed = true;
    socket.disconnect();
  };
}
