// A screen's live connection over Socket.IO, the one lifecycle every screen uses: websocket only,
// reconnecting by itself, also after the server dropped it on purpose (a restart, a limit). A refused
// token either ends it for good (a signed-in screen: its session is over) or is only reported (a
// kiosk to be paired), and a screen that must come back whatever happens (a TV) retries a refused
// handshake too.
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/contract.js';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectionHandlers {
  /** true once (re)connected, false as soon as the link drops. */
  onConnection(connected: boolean): void;
  /** The server does not accept the token. */
  onUnauthorized?(): void;
}

export interface LiveSocketOptions {
  /** A refused token ends the connection for good (default: it is reported and retried). */
  stopWhenUnauthorized?: boolean;
  /** Once a refused handshake has stopped the client's own retries, try again after this long (ms). */
  retryRefusedAfterMs?: number;
  /** The longest wait between the client's own reconnection attempts (ms). */
  reconnectionDelayMax?: number;
}

/** Opens the socket; `close` disconnects it for good. */
export function openLiveSocket(auth: SocketOptions['auth'], handlers: ConnectionHandlers, options: LiveSocketOptions = {}): { socket: LiveSocket; close(): void } {
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const reconnectAfter = (ms: number) => {
    clearTimeout(retry);
    retry = setTimeout(() => closed || socket.connect(), ms);
  };
  const settings: Partial<ManagerOptions & SocketOptions> = { auth, transports: ['websocket'], reconnectionDelay: 500, reconnectionDelayMax: options.reconnectionDelayMax ?? 3000 };
  const socket: LiveSocket = io(settings);
  socket.on('connect', () => handlers.onConnection(true));
  socket.on('disconnect', (reason) => {
    handlers.onConnection(false);
    // A server that drops us on purpose is not retried by the client itself.
    if (reason === 'io server disconnect') reconnectAfter(1000);
  });
  socket.on('connect_error', (error) => {
    const unauthorized = error.message === 'unauthorized';
    if (unauthorized && options.stopWhenUnauthorized) {
      closed = true;
      socket.disconnect();
      handlers.onUnauthorized?.();
      return;
    }
    handlers.onConnection(false);
    if (unauthorized) handlers.onUnauthorized?.();
    // A refused handshake (server starting, token not yet valid) also stops the client's own retries.
    if (options.retryRefusedAfterMs !== undefined && !socket.active) reconnectAfter(options.retryRefusedAfterMs);
  });
  return {
    socket,
    close() {
      closed = true;
      clearTimeout(retry);
      socket.disconnect();
    },
  };
}

/** A signed-in screen must hear of a refused token: its session is over. */
export type StaffConnectionHandlers = Required<ConnectionHandlers>;

/** A signed-in screen's socket (desk, manager): a refused token ends it, and the screen signs in again. */
export function openStaffSocket(auth: SocketOptions['auth'], handlers: StaffConnectionHandlers): { socket: LiveSocket; close(): void } {
  return openLiveSocket(auth, handlers, { stopWhenUnauthorized: true });
}
