// The live connection of a signed-in screen (desk, manager) over Socket.IO: websocket only, and it
// keeps reconnecting by itself, also after the server dropped it on purpose (a restart, a limit),
// until the server refuses the token: then it stops for good and says so.
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/contract.js';

export type StaffSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectionHandlers {
  /** true once (re)connected, false as soon as the link drops. */
  onConnection(connected: boolean): void;
  /** The server no longer accepts the token. */
  onUnauthorized(): void;
}

/** Opens the socket; `close` disconnects it for good. */
export function openStaffSocket(auth: SocketOptions['auth'], handlers: ConnectionHandlers): { socket: StaffSocket; close(): void } {
  let closed = false;
  const options: Partial<ManagerOptions & SocketOptions> = { auth, transports: ['websocket'], reconnectionDelay: 500, reconnectionDelayMax: 3000 };
  const socket: StaffSocket = io(options);
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
  return {
    socket,
    close() {
      closed = true;
      socket.disconnect();
    },
  };
}
