// An office over a real SQLite file in a temporary directory, with a clock the test moves, for the
// office-level tests: the Office, its store and database, every publication, and a fresh restore.
import { after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOffice } from '../../server/config/load.js';
import { demoOffice } from '../../server/config/demo-office.js';
import { Office, type Actor } from '../../server/office/office.js';
import type { QueueRules, QueueState } from '../../server/queue/index.js';
import { EventStore, type StoredEvent } from '../../server/store/event-store.js';
import { openDatabase, type Db } from '../../server/store/open.js';
import { restoreState } from '../../server/store/restore.js';
import { MORNING } from '../integration/lib/office-server.js';

export const KIOSK: Actor = { id: 'device:kiosk-1', staffId: null };
export const STAFF: Actor = { id: 'user:s1', staffId: 's1' };
const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

export interface Fixture {
  office: Office;
  db: Db;
  store: EventStore;
  clock: { now: number; advance(seconds: number): void };
  /** Every 'committed' emission, in order. */
  publications: StoredEvent[][];
  restored(): QueueState;
}

export function fixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'nobat-office-'));
  dirs.push(dir);
  const config = parseOffice(demoOffice, 'demo office');
  const rules: QueueRules = {
    policy: config.policy,
    timeZone: config.timeZone,
    services: new Map(config.services.map((s) => [s.id, { id: s.id, prefix: s.prefix, active: s.active, priorityGroups: s.priorityGroups }])),
  };
  const db = openDatabase(join(dir, 'nobat.db'));
  const store = new EventStore(db, config.timeZone);
  const clock = {
    now: MORNING,
    advance(seconds: number) {
      this.now += seconds * 1000;
    },
  };
  const office = new Office(restoreState(db, rules, config.desks), store, () => clock.now);
  const publications: StoredEvent[][] = [];
  office.on('committed', (stored) => publications.push(stored));
  return { office, db, store, clock, publications, restored: () => restoreState(db, rules, config.desks) };
}

export const issue = (office: Office, ticketId: string, serviceId = 'certificate', key?: string) =>
  office.execute({ type: 'issueTicket', ticketId, serviceId, priorityGroup: null }, KIOSK, key);

/** The comparable content of a state: tickets, desks and counters, keyed and sorted. */
export const comparable = (state: QueueState) => structuredClone({
  tickets: [...state.tickets.entries()].sort(([a], [b]) => a.localeCompare(b)),
  desks: [...state.desks.entries()].sort(([a], [b]) => a.localeCompare(b)),
  counters: [...state.counters.entries()].sort(([a], [b]) => a.localeCompare(b)),
  counterDay: state.counterDay,
});

