// Who a socket is: the handshake checks its own token (Hono's middleware never sees socket traffic)
// and gives it a role. A socket whose session or device no longer holds (sign-out, revocation,
// expiry) is disconnected at once, not at its next reconnect.
import { isLoopbackAddress } from '../auth/loopback.js';
import type { Principal } from '../auth/principal.js';
import { ID_SHAPE } from '../auth/secrets.js';
import type { HandshakeAuth, SocketData } from './contract.js';
import type { Area, NobatServer, NobatSocket, RealtimeDeps } from './types.js';

export function registerHandshake(io: NobatServer, deps: Pick<RealtimeDeps, 'accounts' | 'log' | 'demo' | 'office'>): Area {
  io.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as HandshakeAuth;
    let principal: Principal | null;
    let sessionExpiresAt: number | undefined;
    try {
      principal = typeof auth.token === 'string' ? deps.accounts.resolve(auth.token) : null;
      if (principal?.kind === 'user') sessionExpiresAt = deps.accounts.sessionExpiry(principal.tokenDigest) ?? undefined;
    } catch (error) {
      // Socket.IO does not catch a throwing middleware: the whole server would go down with it.
      deps.log.error('socket handshake failed', { error: (error as Error).message });
      return next(new Error('unavailable'));
    }
    // A token that no longer holds is refused even where the demo lets a local screen in without
    // one: the ended session must learn it, not carry on as a display.
    const staleToken = typeof auth.token === 'string' && auth.token !== '' && !principal;
    const demoScreen = deps.demo && !staleToken && isLoopbackAddress(socket.handshake.address) ? (auth.screen === 'kiosk' ? 'kiosk' : 'display') : null;
    const role = roleOf(principal, demoScreen, typeof auth.ticketId === 'string' && ID_SHAPE.test(auth.ticketId));
    if (!role) return next(new Error('unauthorized'));
    socket.data = {
      role,
      deskId: principal?.kind === 'user' ? principal.deskId : null,
      credential: principal?.kind === 'user' ? `session:${principal.tokenDigest}` : principal?.kind === 'device' ? `device:${principal.deviceId}` : null,
      sessionExpiresAt,
      deviceId: principal?.kind === 'device' && (role === 'kiosk' || role === 'display') ? principal.deviceId : null,
    };
    next();
  });

  const disconnectHolders = (credentials: Set<string>) => {
    for (const socket of io.sockets.sockets.values()) {
      if (socket.data.credential && credentials.has(socket.data.credential)) socket.disconnect(true);
    }
  };
  const onSessionsEnded = (digests: string[]) => disconnectHolders(new Set(digests.map((d) => `session:${d}`)));
  const onDeviceRevoked = (deviceId: string) => disconnectHolders(new Set([`device:${deviceId}`]));
  deps.accounts.on('sessions-ended', onSessionsEnded);
  deps.accounts.on('device-revoked', onDeviceRevoked);

  return {
    register(socket: NobatSocket) {
      const expiresAt = socket.data.sessionExpiresAt;
      if (expiresAt === undefined) return;
      // Session expiry is wall-clock time; a timer past a day would overflow, and sessions last hours.
      const timer = setTimeout(() => socket.disconnect(true), Math.min(Math.max(0, expiresAt - deps.office.now()), 2 ** 31 - 1)).unref();
      socket.on('disconnect', () => clearTimeout(timer));
    },
    close() {
      deps.accounts.off('sessions-ended', onSessionsEnded);
      deps.accounts.off('device-revoked', onDeviceRevoked);
    },
  };
}

function roleOf(principal: Principal | null, demoScreen: 'kiosk' | 'display' | null, tracking: boolean): SocketData['role'] | null {
  if (principal?.kind === 'user') return principal.role === 'staff' ? 'staff' : 'manager';
  if (principal?.kind === 'device') return principal.deviceKind === 'display' ? 'display' : principal.deviceKind === 'kiosk' ? 'kiosk' : null;
  if (demoScreen) return demoScreen;
  if (tracking) return 'tracker';
  return null;
}

/** Whether a browser's Origin is the server's own (allowRequest); a client without one is not a browser. */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true; // not a browser (or same-origin navigation without the header)
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
