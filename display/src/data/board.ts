// The live board over Socket.IO: a fresh snapshot on every (re)connection and after changes, and each
// call at once for the chime. Only the app shell calls this.
import { io, type Socket } from 'socket.io-client';
import type { BoardSnapshot, ClientToServerEvents, HandshakeAuth, PublicCall, PublicOffice, ServerToClientEvents } from '../../../server/realtime/contract.js';

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
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    // Called on every attempt, so a reconnection tells the server what we saw last.
    auth: (send) => {
      const auth: HandshakeAuth = { screen: 'display', ...(token ? { token } : {}), ...(lastSeq === undefined ? {} : { lastSeq }) };
      send(auth as Record<string, unknown>);
    },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  let retry: ReturnType<typeof setTimeout> | undefined;
  socket.on('connect', () => handlers.onConnection(true));
  socket.on('disconnect', (reason) => {
    handlers.onConnection(false);
    // A server that drops us on purpose is not retried by the client itself; a TV must come back.
    if (reason === 'io server disconnect') retry = setTimeout(() => socket.connect(), 1000);
  });
  socket.on('connect_error', () => {
    handlers.onConnection(false);
    // A refused handshake (server starting, token not yet valid) also stops the client's own retries.
    if (!socket.active) retry = setTimeout(() => socket.connect(), 5000);
  });
  socket.on('board:snapshot', (board) => {
    lastSeq = board.seq;
    handlers.onBoard(board);
  });
  socket.on('call:announced', (call) => handlers.onCall(call));
  socket.on('config:changed', (office) => handlers.onConfig(office));
  return () => {
    clearTimeout(retry);
    socket.disconnect();
  };
}
