// Durable ticket issue without HTTP: the office's own command pipeline (decide → evolve → group
// commit → listeners), wired as server/main.ts wires it, against bare better-sqlite3 inserts of the
// very rows it wrote (each ticket's event and projection row) into tables of the same shape, with
// the same PRAGMAS and the same transactions: one per ticket for one caller, the office's own
// commit sizes for many callers at once.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { parseOffice } from '../../../server/config/load.js';
import { demoOffice } from '../../../server/config/demo-office.js';
import { ServiceHistory } from '../../../server/estimate/history.js';
import { systemClock } from '../../../server/office/clock.js';
import { Office } from '../../../server/office/office.js';
import type { QueueRules } from '../../../server/queue/index.js';
import { EventStore } from '../../../server/store/event-store.js';
import { openDatabase, PRAGMAS, type Db } from '../../../server/store/open.js';
import { restoreState } from '../../../server/store/restore.js';
import { newId } from '../../../server/auth/secrets.js';

export interface DurableRun {
  tickets: number;
  ms: number;
}

export interface DurableResult {
  /** One kiosk: each ticket awaited before the next, so one command per commit. */
  sequential: DurableRun;
  /** `inFlight` kiosks at once, closed loop: commands of one turn share a commit. */
  concurrent: DurableRun & { commits: number };
  /** The sequential run's rows inserted bare, one transaction per row. */
  bareSingle: DurableRun;
  /** The concurrent run's rows inserted bare in transactions of the very sizes the office's commits had. */
  bareGrouped: DurableRun;
}

/**
 * `rounds` alternating runs of `perRun` office issues (sequential, then `inFlight` at once), each
 * followed by the same rows inserted bare with the same transaction sizes.
 */
export async function officeVersusBare(dir: string, rounds: number, perRun: number, inFlight: number): Promise<DurableResult> {
  const config = parseOffice(demoOffice, 'demo office');
  const db = openDatabase(join(dir, 'office.db'));
  const rules: QueueRules = {
    policy: config.policy,
    timeZone: config.timeZone,
    services: new Map(config.services.map((s) => [s.id, { id: s.id, prefix: s.prefix, active: s.active, priorityGroups: s.priorityGroups }])),
  };
  const history = new ServiceHistory({ timeZone: config.timeZone });
  const office = new Office(restoreState(db, rules, config.desks), new EventStore(db, config.timeZone), systemClock, [(event) => history.observe(event)]);
  const bare = bareTables(db, join(dir, 'bare.db'));
  const serviceIds = config.services.map((s) => s.id);
  const actor = { id: 'device:bench-kiosk', staffId: null };
  let commitSizes: number[] = [];
  office.on('committed', (stored) => commitSizes.push(stored.length));
  let n = 0;
  const issueOne = async (ids: string[]) => {
    const ticketId = newId();
    await office.execute({ type: 'issueTicket', ticketId, serviceId: serviceIds[n++ % serviceIds.length]!, priorityGroup: null }, actor);
    ids.push(ticketId);
  };
  const insertBare = (ids: string[], sizes: number[]) => {
    const rows = ids.map((id) => bare.read(id));
    const started = performance.now();
    let at = 0;
    for (const size of sizes) {
      bare.insertMany(rows.slice(at, at + size));
      at += size;
    }
    return performance.now() - started;
  };

  const result: DurableResult = {
    sequential: { tickets: 0, ms: 0 },
    concurrent: { tickets: 0, ms: 0, commits: 0 },
    bareSingle: { tickets: 0, ms: 0 },
    bareGrouped: { tickets: 0, ms: 0 },
  };
  for (let round = 0; round < rounds; round++) {
    let ids: string[] = [];
    let started = performance.now();
    for (let i = 0; i < perRun; i++) await issueOne(ids);
    result.sequential.ms += performance.now() - started;
    result.sequential.tickets += ids.length;
    result.bareSingle.ms += insertBare(ids, ids.map(() => 1));
    result.bareSingle.tickets += ids.length;

    ids = [];
    commitSizes = [];
    let left = perRun;
    started = performance.now();
    await Promise.all(Array.from({ length: inFlight }, async () => {
      while (left-- > 0) await issueOne(ids);
    }));
    result.concurrent.ms += performance.now() - started;
    result.concurrent.tickets += ids.length;
    result.concurrent.commits += commitSizes.length;
    // Rows in commit order: the order the commands were committed is the order of their ids.
    result.bareGrouped.ms += insertBare(ids, commitSizes);
    result.bareGrouped.tickets += ids.length;
  }
  db.close();
  bare.db.close();
  return result;
}

/**
 * A fresh database holding copies of the office's `events` and `tickets` tables with their indexes:
 * the rows one issued ticket costs (its event and its projection row), to insert bare.
 */
function bareTables(source: Db, path: string) {
  const db = new Database(path);
  for (const pragma of PRAGMAS) db.pragma(pragma);
  const copy = (table: string) => {
    const ddl = source.prepare(`SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type DESC`).all(table) as Array<{ sql: string }>;
    for (const { sql } of ddl) db.exec(sql); // 'table' sorts after 'index', so DESC creates the table first
    const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
    return db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  };
  const insertEvent = copy('events');
  const insertTicket = copy('tickets');
  const readEvent = source.prepare(`SELECT * FROM events WHERE ticket_id = ?`);
  const readTicket = source.prepare(`SELECT * FROM tickets WHERE id = ?`);
  return {
    db,
    read: (id: string) => ({ event: readEvent.get(id) as Record<string, unknown>, ticket: readTicket.get(id) as Record<string, unknown> }),
    insertMany: db.transaction((rows: Array<{ event: Record<string, unknown>; ticket: Record<string, unknown> }>) => {
      for (const row of rows) {
        insertEvent.run(row.event);
        insertTicket.run(row.ticket);
      }
    }),
  };
}
