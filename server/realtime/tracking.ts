// Phones following their ticket by its id (the /t/ page): a snapshot when they start and after each
// change. A ticket whose own state changed (called, say) is told at once; tickets that only moved up
// a line hear at most every MOVED_TICKETS_EVERY_MS (in a busy office every commit moves hundreds of
// tracked tickets); a view the phone already has is not sent again.
import { ID_SHAPE } from '../auth/secrets.js';
import type { Office } from '../office/office.js';
import { publicTicket, type PublicTicketView } from '../office/read-model.js';
import type { StoredEvent } from '../store/event-store.js';
import { faDigits } from '../time/digits.js';
import type { HandshakeAuth } from './contract.js';
import type { SnapshotTick } from './tick.js';
import type { Area, NobatServer, NobatSocket, RealtimeDeps } from './types.js';

const MOVED_TICKETS_EVERY_MS = 1000;
/** Tickets one socket may follow: a phone follows its own, a family a few. */
export const MAX_TRACKED = 5;

export function registerTracking(io: NobatServer, deps: Pick<RealtimeDeps, 'office' | 'read' | 'configs'>, tick: SnapshotTick): Area {
  const { office, read, configs } = deps;
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

  const dirty = new Set<string>();
  /** When tickets that only moved up their line were last told, and the timer that will tell them next. */
  let lastMovedAt = -Infinity;
  let movedTimer: NodeJS.Timeout | null = null;
  tick.onFlush(() => {
    const rooms = io.sockets.adapter.rooms;
    const sinceMoved = performance.now() - lastMovedAt;
    const movedToo = sinceMoved >= MOVED_TICKETS_EVERY_MS;
    if (movedToo) lastMovedAt = performance.now();
    else movedTimer ??= setTimeout(() => {
      movedTimer = null;
      tick.schedule(0);
    }, MOVED_TICKETS_EVERY_MS - sinceMoved);
    for (const ticketId of movedToo ? trackedTickets(io, dirty, office) : trackedOnly(io, dirty)) {
      const found = read.ticket(ticketId);
      if (!found) continue;
      const view = publicTicket(found);
      const shown = shownKey(view);
      if (lastShown.get(ticketId) === shown) continue;
      lastShown.set(ticketId, shown);
      io.to(`ticket:${ticketId}`).emit('ticket:snapshot', { ...view, seq: office.lastSeq() });
    }
    for (const ticketId of lastShown.keys()) if (!rooms.has(`ticket:${ticketId}`)) lastShown.delete(ticketId);
    dirty.clear();
  });

  const onCommitted = (stored: StoredEvent[]) => {
    for (const { event } of stored) if ('ticketId' in event) dirty.add(event.ticketId);
    tick.schedule();
  };
  office.on('committed', onCommitted);
  // A closed service says so on the phone.
  const onConfigChanged = () => {
    for (const room of io.sockets.adapter.rooms.keys()) if (room.startsWith('ticket:')) dirty.add(room.slice(7));
    tick.schedule();
  };
  configs.on('changed', onConfigChanged);

  return {
    register(socket: NobatSocket) {
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
    },
    close() {
      office.off('committed', onCommitted);
      configs.off('changed', onConfigChanged);
      if (movedTimer) clearTimeout(movedTimer);
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
