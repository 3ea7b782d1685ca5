// The waiting room's board, for displays, kiosks, staff and managers: a snapshot on connection and,
// coalesced, after changes; each call at once (for the chime); the public settings after an admin's
// change; and a fresh board when opening hours open or close a service or time moves the promises.
import { publicOffice } from '../config/public.js';
import type { OfficeConfig } from '../config/schema.js';
import type { MeetingCall } from '../voice/meeting-store.js';
import type { StoredEvent } from '../store/event-store.js';
import { isOpenAt } from '../time/hours.js';
import type { BoardSnapshot } from './contract.js';
import { meetingCall } from './board.js';
import type { SnapshotTick } from './tick.js';
import type { Area, NobatServer, NobatSocket, RealtimeDeps } from './types.js';

const BOARD_REUSE_MS = 1000;
/** How often opening hours are looked at: a service opening or closing reaches the kiosks within a second. */
const HOURS_CHECK_MS = 500;

export interface BoardArea extends Area {
  /** Runs after each flush in which the board changed (managers' snapshots follow the board). */
  onChanged(listener: () => void): void;
}

export function registerBoard(io: NobatServer, deps: Pick<RealtimeDeps, 'office' | 'read' | 'configs' | 'recentCalls' | 'publicUrl' | 'meetings'>, tick: SnapshotTick): BoardArea {
  const { office, read, configs, recentCalls } = deps;
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

  let dirty = false;
  const changedListeners: Array<() => void> = [];
  tick.onFlush(() => {
    if (!dirty) return;
    dirty = false;
    openSent = openServices();
    promisesSent = promises();
    // A snapshot nobody is there to receive is not computed (its estimates cost the most).
    if (io.sockets.adapter.rooms.has('board')) io.to('board').emit('board:snapshot', board());
    for (const listener of changedListeners) listener();
  });

  const onCommitted = (stored: StoredEvent[]) => {
    for (const call of recentCalls.observe(stored, (id) => office.state.tickets.get(id))) io.to('board').emit('call:announced', call);
    dirty = true;
    tick.schedule();
  };
  office.on('committed', onCommitted);

  const onMeetingCalled = (called: MeetingCall) => {
    const call = meetingCall(called);
    recentCalls.add(call);
    lastBoard = null;
    io.to('board').emit('call:announced', call);
  };
  deps.meetings?.on('called', onMeetingCalled);

  // A configuration change reaches every screen now: the public settings, then a fresh board.
  const onConfigChanged = (config: OfficeConfig) => {
    io.to('board').emit('config:changed', { ...publicOffice(config, deps.publicUrl()), revision: configs.revision() });
    lastBoard = null;
    dirty = true;
    tick.schedule();
  };
  configs.on('changed', onConfigChanged);

  // Opening hours open and close services with no command at all, and the passing of time moves the
  // promises: the board is sent again when the open services or the promises differ from the last.
  const hoursTimer = setInterval(() => {
    if (openServices() === openSent && (!io.sockets.adapter.rooms.has('board') || promises() === promisesSent)) return;
    lastBoard = null;
    dirty = true;
    tick.schedule();
  }, HOURS_CHECK_MS);
  hoursTimer.unref();

  return {
    register(socket: NobatSocket) {
      const { role } = socket.data;
      if (role !== 'display' && role !== 'kiosk' && role !== 'staff' && role !== 'manager') return;
      void socket.join('board');
      socket.emit('board:snapshot', board());
    },
    onChanged(listener) {
      changedListeners.push(listener);
    },
    close() {
      office.off('committed', onCommitted);
      deps.meetings?.off('called', onMeetingCalled);
      configs.off('changed', onConfigChanged);
      clearInterval(hoursTimer);
    },
  };
}
