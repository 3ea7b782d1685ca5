// The live board over Socket.IO: lines and waits per service. Only the app shell calls this.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { BoardSnapshot, ClientToServerEvents, PublicOffice, ServerToClientEvents } from '../../../server/realtime/contract.js';
import { deviceToken } from './device.js';

export type { BoardSnapshot };

export interface BoardHandlers {
  onBoard(board: BoardSnapshot): void;
  /** true once (re)connected, false as soon as the link drops. */
  onConnection(connected: boolean): void;
  /** The server does not know this kiosk: it must be paired. */
  onUnpaired(): void;
  /** An admin changed the office's texts or services: re-read them, without reloading. */
  onConfig(office: PublicOffice): void;
  /** Whether the slip of a ticket issued here was printed. */
  onPrint(result: { ticketId: string; ok: boolean; fault?: string; message?: string }): void;
}

/** Connects and keeps reconnecting; returns the function that disconnects for good. */
export function connectBoard(handlers: BoardHandlers): () => void {
  let lastSeq: number | undefined;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    // The function is called on every attempt, so a reconnection tells the server what we saw last.
    auth: (send) => {
      const token = deviceToken();
      send({ screen: 'kiosk', ...(token ? { token } : {}), ...(lastSeq === undefined ? {} : { lastSeq }) });
    },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  });
  socket.on('connect', () => handlers.onConnection(true));
  socket.on('disconnect', (reason) => {
    handlers.onConnection(false);
    // A server that drops us on purpose (restart, new token) is not retried by the client itself.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1000);
  });
  socket.on('connect_error', (error) => {
    handlers.onConnection(false);
    if (error.message === 'unauthorized') handlers.onUnpaired();
  });
  socket.on('print:result', (result) => handlers.onPrint(result));
  socket.on('config:changed', (office) => handlers.onConfig(office));
  socket.on('board:snapshot', (board) => {
    lastSeq = board.seq;
    handlers.onBoard(board);
  });
  return () => socket.disconnect();
}
