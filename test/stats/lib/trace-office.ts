// Runs an office-day trace (test/fixtures/traces/) through a real server: the pure replay decides what
// happens when (server/estimate/replay.ts), and each of its commands is executed by the server's own
// Office on its SQLite file at the replayed instant. The replay's visitor rows are the truth that
// tests compute expected statistics from, independently of the store and its SQL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseOffice } from '../../../server/config/load.js';
import type { OfficeConfig } from '../../../server/config/schema.js';
import { replayTrace, type ReplayResult } from '../../../server/estimate/replay.js';
import { parseTrace, type TraceOffice } from '../../../server/estimate/trace.js';
import type { CommandInput } from '../../../server/office/office.js';
import type { QueueEvent } from '../../../server/queue/index.js';
import { startTestOffice, type TestOffice } from '../../integration/lib/office-server.js';

export const MANAGER = { username: 'manager', password: 'manager-pass', name: 'مدیر آزمون' };
export const CLERK = { username: 'clerk', password: 'clerk-pass', name: 'کارمند آزمون' };
export const ADMIN = { username: 'admin', password: 'admin-pass', name: 'مسئول سامانه' };

/** Target waits the office file gives the trace's services, in minutes: 10 for the first, 20 after. */
export const targetMinutes = (index: number) => (index === 0 ? 10 : 20);

export interface TraceOfficeRun {
  office: TestOffice;
  replay: ReplayResult;
  config: OfficeConfig;
  /** Staff user id at each desk (`staff-<desk>`), as the replay opens desks. */
  staffOf: (deskId: string) => string;
}

export function traceConfig(trace: TraceOffice): OfficeConfig {
  return parseOffice(
    {
      name: 'اداره آزمون آمار',
      timeZone: trace.tz,
      hours: { alwaysOpen: true },
      policy: { noShowGraceSeconds: Math.min(60, Math.floor(trace.recallSeconds)) },
      services: trace.services.map((s, i) => ({
        id: s.id,
        code: s.id.toUpperCase(),
        name: s.name,
        nameEn: s.id,
        prefix: String(i + 1),
        targetWaitMinutes: targetMinutes(i),
        priorityGroups: ['elderly', 'disabled', 'veteran', 'pregnant'],
        guidance: { description: s.name, expectedMinutes: 5 },
      })),
      desks: trace.desks.map((d, i) => ({ id: d.id, name: `باجه ${i + 1}`, number: i + 1, services: d.services })),
      users: [MANAGER, CLERK, ADMIN].map((u, i) => ({ ...u, role: (['manager', 'staff', 'admin'] as const)[i]! })),
    },
    'trace office',
  );
}

/** `edit` may change the office file (names, targets) before the server starts. */
export async function runTraceOffice(tracePath: string, edit: (config: OfficeConfig) => OfficeConfig = (c) => c): Promise<TraceOfficeRun> {
  const text = readFileSync(tracePath, 'utf8');
  const replay = replayTrace(text);
  const config = edit(traceConfig(parseTrace(text).office));
  const first = replay.events[0];
  assert.ok(first, 'the trace has events');
  const office = await startTestOffice({ config, now: first.at });
  const staffOf = (deskId: string) => `staff-${deskId}`;

  for (let i = 0; i < replay.events.length; ) {
    const event = replay.events[i]!;
    const command = commandOf(event);
    office.clock.now = event.at;
    const deskId = 'deskId' in event ? event.deskId : null;
    const actor = deskId ? { id: `user:${staffOf(deskId)}`, staffId: staffOf(deskId) } : { id: 'device:kiosk', staffId: null };
    const { events } = await office.server.office.execute(command, actor);
    const expected = replay.events.slice(i, i + events.length);
    assert.deepEqual(events.map((e) => e.event), expected, `the office and the replay agree at event ${i}`);
    i += events.length;
  }
  return { office, replay, config, staffOf };
}

/** The command the replay gave for each first event it produced. */
function commandOf(event: QueueEvent): CommandInput {
  switch (event.type) {
    case 'desk.opened':
      return { type: 'openDesk', deskId: event.deskId, staffId: event.staffId };
    case 'desk.paused':
      return { type: 'pauseDesk', deskId: event.deskId, reason: event.reason, note: event.note };
    case 'desk.resumed':
      return { type: 'resumeDesk', deskId: event.deskId };
    case 'ticket.issued':
      return { type: 'issueTicket', ticketId: event.ticketId, serviceId: event.serviceId, priorityGroup: event.priorityGroup, promise: event.promise ?? null };
    case 'ticket.called':
      return { type: 'callNext', deskId: event.deskId };
    case 'ticket.recalled':
      return { type: 'recall', deskId: event.deskId, ticketId: event.ticketId };
    case 'ticket.no_show':
      return { type: 'markNoShow', deskId: event.deskId, ticketId: event.ticketId };
    case 'ticket.started':
      return { type: 'startService', deskId: event.deskId, ticketId: event.ticketId };
    case 'ticket.finished':
      return { type: 'finishService', deskId: event.deskId, ticketId: event.ticketId, outcome: event.outcome, note: event.note };
    default:
      throw new Error(`the replay does not produce ${event.type} first`);
  }
}
