// The live board over Socket.IO: lines and waits per service. Only the app shell calls this.
import type { BoardSnapshot, PublicOffice } from '../../../server/realtime/contract.js';
import { openLiveSocket } from '../../../ui/realtime/live-socket.js';
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
  // The auth function is called on every attempt, so a reconnection tells the server what we saw last.
  const auth = (send: (data: object) => void) => {
    const token = deviceToken();
    send({ screen: 'kiosk', ...(token ? { token } : {}), ...(lastSeq === undefined ? {} : { lastSeq }) });
  };
  // An unknown kiosk is reported (to be paired) and the connection keeps trying.
  const { socket, close } = openLiveSocket(auth, { onConnection: handlers.onConnection, onUnauthorized: handlers.onUnpaired });
  socket.on('print:result', (result) => handlers.onPrint(result));
  socket.on('config:changed', (office) => handlers.onConfig(office));
  socket.on('board:snapshot', (board) => {
    lastSeq = board.seq;
    handlers.onBoard(board);
  });
  return close;
}
