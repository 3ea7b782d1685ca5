// The live board over Socket.IO: a fresh snapshot on every (re)connection and after changes, and each
// call at once for the chime. Only the app shell calls this.
import type { BoardSnapshot, HandshakeAuth, PublicCall, PublicOffice } from '../../../server/realtime/contract.js';
import { openLiveSocket } from '../../../ui/realtime/live-socket.js';

export type { BoardSnapshot, PublicCall, PublicOffice };

export interface BoardHandlers {
  onBoard(board: BoardSnapshot): void;
  onCall(call: PublicCall): void;
  /** An admin changed the office's texts or settings. */
  onConfig(office: PublicOffice): void;
  /** true once (re)connected, false as soon as the link drops. */
  onConnection(connected: boolean): void;
}

/** Connects and keeps reconnecting for as long as the TV is on; returns the function that stops. */
export function connectBoard(token: string | null, handlers: BoardHandlers): () => void {
  let lastSeq: number | undefined;
  // Called on every attempt, so a reconnection tells the server what we saw last.
  const auth = (send: (data: object) => void) => {
    const auth: HandshakeAuth = { screen: 'display', ...(token ? { token } : {}), ...(lastSeq === undefined ? {} : { lastSeq }) };
    send(auth);
  };
  // A TV must come back: a refused handshake is tried again too.
  const { socket, close } = openLiveSocket(auth, { onConnection: handlers.onConnection }, { retryRefusedAfterMs: 5000, reconnectionDelayMax: 5000 });
  socket.on('board:snapshot', (board) => {
    lastSeq = board.seq;
    handlers.onBoard(board);
  });
  socket.on('call:announced', (call) => handlers.onCall(call));
  socket.on('config:changed', (office) => handlers.onConfig(office));
  return close;
}
