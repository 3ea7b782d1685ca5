// Socket.IO on the HTTP server's port. The handshake checks its own token and Origin (Hono's
// middleware never sees socket traffic); rooms are per role, per desk and per tracked ticket, and
// managers (and admins) have their own. Snapshots are coalesced to one per room per tick; calls go
// out at once for the chime. A socket's session or device ending (sign-out, revocation, expiry)
// disconnects it at once; what a socket sends is rate-limited per socket. Paired kiosks and
// displays are followed here for the offline alert.
import type { Server as HttpServer } from 'node:http';
import type { AlertMonitor } from '../alerts/monitor.js';
import { Server, type Socket } from 'socket.io';
import type { Accounts } from '../auth/accounts.js';
import { isLoopbackAddress } from '../auth/loopback.js';
import type { Principal } from '../auth/principal.js';
import type { ConfigHolder } from '../config/holder.js';
import { publicOffice } from '../config/public.js';
import type { Logger } from '../log.js';
import type { Office } from '../office/office.js';
import type { ReadModel } from '../office/read-model.js';
import type { Db } from '../store/open.js';
import type { StoredEvent } from '../store/event-store.js';
import type { QueueEvent } from '../queue/types.js';
import type { BucketLimits } from '../limits/token-bucket.js';
import { ID_SHAPE } from '../auth/secrets.js';
import { faDigits } from '../time/digits.js';
import { isOpenAt } from '../time/hours.js';
import { RecentCalls } from './board.js';
import { publicTicket, type PublicTicketView } from '../office/read-model.js';
import { managerSnapshot } from './manager-view.js';
import { SocketGuards } from './socket-guards.js';
import type { PrintOutcome, TicketPrinting } from '../devices/printing.js';
import type { AlertView, BoardSnapshot, ClientToServerEvents, HandshakeAuth, ServerToClientEvents, SocketData } from './contract.js';

type NobatServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type NobatSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const SNAPSHOT_DELAY_MS = 30;
/**
 * A ticket whose own state changed (called, say) is told at once; tickets that only moved up a line
 * hear at most this often: in a busy office every commit moves hundreds of tracked tickets.
 */
const MOVED_TICKETS_EVERY_MS = 1000;
const BOARD_REUSE_MS = 1000;
/** How often opening hours are looked at: a service opening or closing reaches the kiosks within a second. */
const HOURS_CHECK_MS = 500;
/** Tickets one socket may follow: a phone follows its own, a family a few. */
export const MAX_TRACKED = 5;

export interface RealtimeDeps {
  office: Office;
  read: ReadModel;
  accounts: Accounts;
  configs: ConfigHolder;
  log: Logger;
  demo: boolean;
  recentCalls: RecentCalls;
  socketRate?: BucketLimits;
  /** Bytes that may wait unsent for one socket before it is disconnected (WRITE_BUFFER_BYTES by default). */
  socketWriteBufferBytes?: number;
  db: Db;
  alerts: AlertMonitor;
  /** How often managers get a fresh snapshot without any change (ratings, estimates that age). */
  managerRefreshMs?: number;
  /** Where phones reach the server, for the kiosk's QR code. */
  publicUrl: () => string;
  /** The ticket printer, whose results go to the kiosks; null when there is none. */
  printing?: TicketPrinting | null;
}

export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): { io: NobatServer; close(): void } {
  const { office, read, configs, recentCalls } = deps;
  const io: NobatServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 4096,
    allowRequest: (req, callback) => callback(null, sameOrigin(req.headers.origin, req.headers.host)),
  });

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

  // A socket whose session or device no longer holds is disconnected at once, not at its next reconnect.
  const disconnectHolders = (credentials: Set<string>) => {
    for (const socket of io.sockets.sockets.values()) {
      if (socket.data.credential && credentials.has(socket.data.credential)) socket.disconnect(true);
    }
  };
  const onSessionsEnded = (digests: string[]) => disconnectHolders(new Set(digests.map((d) => `session:${d}`)));
  const onDeviceRevoked = (deviceId: string) => disconnectHolders(new Set([`device:${deviceId}`]));
  deps.accounts.on('sessions-ended', onSessionsEnded);
  deps.accounts.on('device-revoked', onDeviceRevoked);

  const guards = new SocketGuards(deps.log, { ...(deps.socketRate ? { rate: deps.socketRate } : {}), ...(deps.socketWriteBufferBytes ? { writeBufferBytes: deps.socketWriteBufferBytes } : {}) });

  // The lines' estimates cost milliseconds per board; after a restart hundreds of screens reconnect
  // at once and each wants one, so a board is reused for the same seq within a second.
  let lastBoard: { board: BoardSnapshot; at: number } | null = null;
  const board = (): BoardSnapshot => {
    const seq = office.lastSeq();
    const now = office.now();
    if (lastBoard && lastBoard.board.seq === seq && now >= lastBoard.at && now - lastBoard.at < BOARD_REUSE_MS) return { ...lastBoard.board, now };
    const config = configs.current();
    const fresh: BoardSnapshot = {
      seq,
      office: { name: config.name, ...(config.nameEn ? { nameEn: config.nameEn } : {}), timeZone: config.timeZone },
      services: read.services().map(({ id, code, name, nameEn, active, open, waiting, desksOpen, estimatedWaitSeconds, estimatedWait, waitNote, opensAt }) => ({ id, code, name, nameEn, active, open, waiting, desksOpen, estimatedWaitSeconds, estimatedWait, waitNote, ...(opensAt ? { opensAt } : {}) })),
      calls: recentCalls.list(),
      announcements: config.announcements,
      now,
    };
    lastBoard = { board: fresh, at: now };
    return fresh;
  };
  const deskSnapshot = (deskId: string) => ({ seq: office.lastSeq(), ...read.desk(deskId) });
  const ticketSnapshot = (ticketId: string) => {
    const view = read.ticket(ticketId);
    return view ? { ...publicTicket(view), seq: office.lastSeq() } : undefined;
  };

  /** What each tracked ticket's room was last sent, without the sequence number. */
  const lastShown = new Map<string, string>();
  // A recall changes no field of the view, but the phone must ring again: the calls count too.
  const shownKey = (view: PublicTicketView) => {
    const live = office.state.tickets.get(view.id);
    return `${live?.recalls ?? ''} ${live?.lastCalledAt ?? ''} ${JSON.stringify(view)}`;
  };

  io.on('connection', (socket: NobatSocket) => {
    const { role, deskId } = socket.data;
    guards.guard(socket);
    const expiresAt = socket.data.sessionExpiresAt;
    if (expiresAt !== undefined) {
      // Session expiry is wall-clock time; a timer past a day would overflow, and sessions last hours.
      const timer = setTimeout(() => socket.disconnect(true), Math.min(Math.max(0, expiresAt - office.now()), 2 ** 31 - 1)).unref();
      socket.on('disconnect', () => clearTimeout(timer));
    }
    if (role === 'display' || role === 'kiosk' || role === 'staff' || role === 'manager') {
      void socket.join('board');
      socket.emit('board:snapshot', board());
    }
    if (role === 'kiosk') void socket.join('kiosk');
    if (role === 'staff' || role === 'manager') {
      void socket.join('staff');
      const lastSeq = (socket.handshake.auth as HandshakeAuth | undefined)?.lastSeq;
      if (typeof lastSeq === 'number' && Number.isInteger(lastSeq) && lastSeq >= 0) {
        for (const { seq, event } of office.missedSince(lastSeq) ?? []) socket.emit('queue:event', { seq, event: withoutNote(event) });
      }
    }
    if (role === 'manager') {
      void socket.join('managers');
      socket.emit('manager:snapshot', managerSnapshot(office, read, configs.current(), deps.db));
      socket.emit('alerts:snapshot', { alerts: deps.alerts.list() });
    }
    const { deviceId } = socket.data;
    if (deviceId) {
      deps.alerts.deviceConnected(deviceId);
      socket.on('disconnect', () => deps.alerts.deviceDisconnected(deviceId));
    }
    if (role === 'staff' && deskId) {
      void socket.join(`desk:${deskId}`);
      socket.emit('desk:snapshot', deskSnapshot(deskId));
    }
    const track = (ticketId: unknown) => {
      if (typeof ticketId !== 'string' || !ID_SHAPE.test(ticketId)) return socket.emit('error:refused', { code: 'invalid_request', message: 'شناسهٔ نوبت نادرست است.' });
      const room = `ticket:${ticketId}`;
      if (!socket.rooms.has(room) && [...socket.rooms].filter((r) => r.startsWith('ticket:')).length >= MAX_TRACKED) {
        return socket.emit('error:refused', { code: 'too_many_tracked', message: `از یک صفحه حداکثر ${faDigits(MAX_TRACKED)} نوبت را می‌توان دنبال کرد.` });
      }
      const view = ticketSnapshot(ticketId);
      if (!view) return socket.emit('error:refused', { code: 'unknown_ticket', message: 'این نوبت پیدا نشد.' });
      // The first to track a ticket sets what its room has been shown; a later one may join while
      // a change is still on its way to the others, so it does not.
      if (!io.sockets.adapter.rooms.has(room)) lastShown.set(ticketId, shownKey(withoutSeq(view)));
      void socket.join(room);
      socket.emit('ticket:snapshot', view);
    };
    const auth = (socket.handshake.auth ?? {}) as HandshakeAuth;
    if (auth.ticketId) track(auth.ticketId);
    socket.on('ticket:track', (message) => track(message?.ticketId));
  });

  /** The services open now (active, within their hours), as one comparable string. */
  const openServices = () => {
    const config = configs.current();
    const now = office.now();
    return config.services.filter((s) => s.active && isOpenAt(s.hours ?? config.hours, now, config.timeZone)).map((s) => s.id).join(' ');
  };
  let openSent = openServices();
  /** What the lines promise now (time alone moves a promise: a visit runs long, a break ends). */
  const promises = () => JSON.stringify(read.services().map((s) => [s.estimatedWait, s.waitNote, s.opensAt?.at]));
  let promisesSent = '';

  // Coalesce: many commits within a tick produce one snapshot per affected room.
  const dirtyDesks = new Set<string>();
  const dirtyTickets = new Set<string>();
  let boardDirty = false;
  let timer: NodeJS.Timeout | null = null;
  /** When tickets that only moved up their line were last told, and the timer that will tell them next. */
  let lastMovedAt = -Infinity;
  let movedTimer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    // A snapshot nobody is there to receive is not computed (its estimates cost the most).
    const rooms = io.sockets.adapter.rooms;
    if (boardDirty) openSent = openServices();
    if (boardDirty) promisesSent = promises();
    if (boardDirty && rooms.has('board')) io.to('board').emit('board:snapshot', board());
    if (boardDirty) emitManagerSnapshot();
    for (const deskId of dirtyDesks) if (rooms.has(`desk:${deskId}`)) io.to(`desk:${deskId}`).emit('desk:snapshot', deskSnapshot(deskId));
    const sinceMoved = performance.now() - lastMovedAt;
    const movedToo = sinceMoved >= MOVED_TICKETS_EVERY_MS;
    if (movedToo) lastMovedAt = performance.now();
    else movedTimer ??= setTimeout(() => {
      movedTimer = null;
      timer ??= setTimeout(flush, 0);
    }, MOVED_TICKETS_EVERY_MS - sinceMoved);
    for (const ticketId of movedToo ? trackedTickets(io, dirtyTickets, office) : trackedOnly(io, dirtyTickets)) {
      const found = read.ticket(ticketId);
      if (!found) continue;
      const view = publicTicket(found);
      // A view the phone already has (most of them, most of the time) is not sent again.
      const shown = shownKey(view);
      if (lastShown.get(ticketId) === shown) continue;
      lastShown.set(ticketId, shown);
      io.to(`ticket:${ticketId}`).emit('ticket:snapshot', { ...view, seq: office.lastSeq() });
    }
    for (const ticketId of lastShown.keys()) if (!rooms.has(`ticket:${ticketId}`)) lastShown.delete(ticketId);
    boardDirty = false;
    dirtyDesks.clear();
    dirtyTickets.clear();
  };

  const onCommitted = (stored: StoredEvent[]) => {
    for (const call of recentCalls.observe(stored, (id) => office.state.tickets.get(id))) io.to('board').emit('call:announced', call);
    for (const { seq, event } of stored) {
      io.to('staff').emit('queue:event', { seq, event: withoutNote(event) });
      if ('ticketId' in event) dirtyTickets.add(event.ticketId);
    }
    boardDirty = true;
    // Any change can move another desk's line (shared services), so every open desk refreshes.
    for (const desk of office.state.desks.values()) if (desk.open) dirtyDesks.add(desk.id);
    for (const { event } of stored) if ('deskId' in event && event.deskId) dirtyDesks.add(event.deskId);
    timer ??= setTimeout(flush, SNAPSHOT_DELAY_MS);
  };
  office.on('committed', onCommitted);

  function emitManagerSnapshot() {
    if (io.sockets.adapter.rooms.get('managers')?.size) io.to('managers').emit('manager:snapshot', managerSnapshot(office, read, configs.current(), deps.db));
  }
  const managerTimer = setInterval(emitManagerSnapshot, deps.managerRefreshMs ?? 5000);
  managerTimer.unref();

  // Printer faults concern the staff too (a visitor may come with no slip); the rest is for managers.
  const onRaised = (alert: AlertView) => void io.to(alert.kind === 'printer' ? ['staff', 'managers'] : 'managers').emit('alert:raised', alert);
  const onCleared = (alert: AlertView) => void io.to('managers').emit('alert:cleared', alert);
  const onAcknowledged = (alert: AlertView) => void io.to('managers').emit('alert:acknowledged', alert);
  deps.alerts.on('raised', onRaised).on('cleared', onCleared).on('acknowledged', onAcknowledged);

  const onPrinted = ({ ticketId, result }: PrintOutcome) =>
    void io.to('kiosk').emit('print:result', result.ok ? { ticketId, ok: true } : { ticketId, ok: false, fault: result.fault, message: result.message });
  deps.printing?.on('outcome', onPrinted);

  // A configuration change reaches every screen now: the public settings, then fresh snapshots of
  // the board, every open desk and every tracked ticket (a closed service says so on the phone).
  const onConfigChanged = (config: ReturnType<ConfigHolder['current']>) => {
    io.to('board').emit('config:changed', { ...publicOffice(config, deps.publicUrl()), revision: configs.revision() });
    lastBoard = null;
    boardDirty = true;
    for (const desk of office.state.desks.values()) if (desk.open) dirtyDesks.add(desk.id);
    for (const room of io.sockets.adapter.rooms.keys()) if (room.startsWith('ticket:')) dirtyTickets.add(room.slice(7));
    timer ??= setTimeout(flush, SNAPSHOT_DELAY_MS);
  };
  configs.on('changed', onConfigChanged);

  // Opening hours open and close services with no command at all, and the passing of time moves the
  // promises: the board is sent again when the open services or the promises differ from the last.
  const hoursTimer = setInterval(() => {
    if (openServices() === openSent && (!io.sockets.adapter.rooms.has('board') || promises() === promisesSent)) return;
    lastBoard = null;
    boardDirty = true;
    timer ??= setTimeout(flush, SNAPSHOT_DELAY_MS);
  }, HOURS_CHECK_MS);
  hoursTimer.unref();

  return {
    io,
    close() {
      configs.off('changed', onConfigChanged);
      office.off('committed', onCommitted);
      deps.accounts.off('sessions-ended', onSessionsEnded);
      deps.accounts.off('device-revoked', onDeviceRevoked);
      deps.printing?.off('outcome', onPrinted);
      deps.alerts.off('raised', onRaised).off('cleared', onCleared).off('acknowledged', onAcknowledged);
      clearInterval(managerTimer);
      clearInterval(hoursTimer);
      if (timer) clearTimeout(timer);
      if (movedTimer) clearTimeout(movedTimer);
      void io.close();
    },
  };
}

function withoutSeq<T extends { seq: number }>({ seq: _seq, ...view }: T): Omit<T, 'seq'> {
  return view;
}

/** The changed tickets that someone tracks. */
function trackedOnly(io: NobatServer, changed: Set<string>): string[] {
  return [...changed].filter((id) => io.sockets.adapter.rooms.has(`ticket:${id}`));
}

/** Tickets whose trackers must hear: the changed ones, and every waiting one in a line that moved. */
function trackedTickets(io: NobatServer, changed: Set<string>, office: Office): Set<string> {
  const result = new Set(changed);
  for (const room of io.sockets.adapter.rooms.keys()) {
    if (!room.startsWith('ticket:')) continue;
    const id = room.slice(7);
    if (office.state.tickets.get(id)?.status === 'issued') result.add(id);
  }
  return new Set([...result].filter((id) => io.sockets.adapter.rooms.has(`ticket:${id}`)));
}

/** Finishing notes may hold what a visitor told the clerk; they stay in the store. */
function withoutNote(event: QueueEvent): QueueEvent {
  return event.type === 'ticket.finished' ? { ...event, note: null } : event;
}

function roleOf(principal: Principal | null, demoScreen: 'kiosk' | 'display' | null, tracking: boolean): SocketData['role'] | null {
  if (principal?.kind === 'user') return principal.role === 'staff' ? 'staff' : 'manager';
  if (principal?.kind === 'device') return principal.deviceKind === 'display' ? 'display' : principal.deviceKind === 'kiosk' ? 'kiosk' : null;
  if (demoScreen) return demoScreen;
  if (tracking) return 'tracker';
  return null;
}

function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true; // not a browser (or same-origin navigation without the header)
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

