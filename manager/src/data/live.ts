// The manager's live connection over Socket.IO: the office snapshot, the alerts and their changes.
// Only the app shell calls this. On every (re)connection the server sends fresh snapshots first, so a
// screen that was cut off resynchronises by itself.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../server/realtime/contract.js';
import type { AlertView, ManagerSnapshot } from '../state.js';

export interface LiveHandlers {
  onSnapshot(snapshot: ManagerSnapshot): void;
  onAlerts(alerts: AlertView[]): void;
  /** One alert raised, cleared or acknowledged. */
  onAlert(alert: AlertView): void;
  /** true once (re)connected, false as soon as the link drops. */
  onConnection(connected: boolean): void;
  /** The server no longer accepts the token. */
  onUnauthorized(): void;
}

/** Connects and keeps reconnecting; returns the function that disconnects for good. */
export function connectManager(token: string, handlers: LiveHandlers): () => void {
  let closed = false;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    auth: { token },
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
  socket.on('manager:snapshot', (snapshot) => handlers.onSnapshot(snapshot));
  socket.on('alerts:snapshot', ({ alerts }) => handlers.onAlerts(alerts));
  socket.on('alert:raised', (alert) => handlers.onAlert(alert));
  socket.on('alert:cleared', (alert) => handlers.onAlert(alert));
  socket.on('alert:acknowledged', (alert) => handlers.onAlert(alert));
  return () => {
    closed = true;
    socket.disconnect();
  };
}
