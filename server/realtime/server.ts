// Socket.IO on the HTTP server's port, one area per kind of screen: the handshake gives each socket
// its role; rooms are per role, per desk and per tracked ticket, and managers (and admins) have their
// own. Snapshots are coalesced to one per room per tick (tick.ts); calls go out at once for the
// chime. What a socket sends is rate-limited per socket (socket-guards.ts).
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { registerBoard } from './board-area.js';
import { registerDesks } from './desk-area.js';
import { registerDevicePresence } from './device-presence.js';
import { registerHandshake, sameOrigin } from './handshake.js';
import { registerKiosk } from './kiosk-area.js';
import { registerManagers } from './manager-area.js';
import { SocketGuards } from './socket-guards.js';
import { SnapshotTick } from './tick.js';
import { registerTracking } from './tracking.js';
import type { Area, NobatServer, NobatSocket, RealtimeDeps } from './types.js';

export type { RealtimeDeps } from './types.js';
export { MAX_TRACKED } from './tracking.js';

export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): { io: NobatServer; close(): void } {
  const io: NobatServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 4096,
    allowRequest: (req, callback) => callback(null, sameOrigin(req.headers.origin, req.headers.host)),
  });
  const guards = new SocketGuards(deps.log, { ...(deps.socketRate ? { rate: deps.socketRate } : {}), ...(deps.socketWriteBufferBytes ? { writeBufferBytes: deps.socketWriteBufferBytes } : {}) });
  const tick = new SnapshotTick();
  const board = registerBoard(io, deps, tick);
  // In the order a new socket hears from them: the board first, a desk's or manager's view after.
  const areas: Area[] = [
    registerHandshake(io, deps),
    board,
    registerKiosk(io, deps),
    registerDesks(io, deps, tick),
    registerManagers(io, deps, board),
    registerDevicePresence(deps),
    registerTracking(io, deps, tick),
  ];
  io.on('connection', (socket: NobatSocket) => {
    guards.guard(socket);
    for (const area of areas) area.register(socket);
  });
  return {
    io,
    close() {
      for (const area of areas) area.close();
      tick.close();
      void io.close();
    },
  };
}
