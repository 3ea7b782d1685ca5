// Desks: each staff socket joins its desk's room and gets the desk's whole view on connection and,
// coalesced, after every change (any change can move another desk's line: services are shared).
import type { StoredEvent } from '../store/event-store.js';
import type { QueueEvent } from '../queue/types.js';
import type { DeskSnapshot, HandshakeAuth } from './contract.js';
import type { SnapshotTick } from './tick.js';
import type { Area, NobatServer, NobatSocket, RealtimeDeps } from './types.js';

export function registerDesks(io: NobatServer, deps: Pick<RealtimeDeps, 'office' | 'read' | 'configs'>, tick: SnapshotTick): Area {
  const { office, read, configs } = deps;
  const deskSnapshot = (deskId: string): DeskSnapshot | undefined => {
    const view = read.desk(deskId);
    return view && { seq: office.lastSeq(), ...view };
  };

  const dirty = new Set<string>();
  const openDesksDirty = () => {
    for (const desk of office.state.desks.values()) if (desk.open) dirty.add(desk.id);
  };

  tick.onFlush(() => {
    const rooms = io.sockets.adapter.rooms;
    for (const deskId of dirty) {
      const snapshot = rooms.has(`desk:${deskId}`) ? deskSnapshot(deskId) : undefined;
      if (snapshot) io.to(`desk:${deskId}`).emit('desk:snapshot', snapshot);
    }
    dirty.clear();
  });

  const onCommitted = (stored: StoredEvent[]) => {
    for (const { seq, event } of stored) io.to('staff').emit('queue:event', { seq, event: withoutNote(event) });
    openDesksDirty();
    for (const { event } of stored) if ('deskId' in event && event.deskId) dirty.add(event.deskId);
    tick.schedule();
  };
  office.on('committed', onCommitted);
  const onConfigChanged = () => {
    openDesksDirty();
    tick.schedule();
  };
  configs.on('changed', onConfigChanged);

  return {
    register(socket: NobatSocket) {
      const { role, deskId } = socket.data;
      if (role === 'staff' || role === 'manager') {
        void socket.join('staff');
        const lastSeq = (socket.handshake.auth as HandshakeAuth | undefined)?.lastSeq;
        if (typeof lastSeq === 'number' && Number.isInteger(lastSeq) && lastSeq >= 0) {
          for (const { seq, event } of office.missedSince(lastSeq) ?? []) socket.emit('queue:event', { seq, event: withoutNote(event) });
        }
      }
      if (role === 'staff' && deskId) {
        void socket.join(`desk:${deskId}`);
        const snapshot = deskSnapshot(deskId);
        if (snapshot) socket.emit('desk:snapshot', snapshot);
      }
    },
    close() {
      office.off('committed', onCommitted);
      configs.off('changed', onConfigChanged);
    },
  };
}

/** Finishing notes may hold what a visitor told the clerk; they stay in the store. */
function withoutNote(event: QueueEvent): QueueEvent {
  return event.type === 'ticket.finished' ? { ...event, note: null } : event;
}
