// Durable ticket issue without HTTP: the office's own command pipeline (decide → commit → evolve →
// listeners), wired as server/main.ts wires it, against bare better-sqlite3 inserts of the very rows
// it wrote, into a table of the same shape with the same PRAGMAS and one transaction per row.
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

export interface DurableResult {
  officeTickets: number;
  officeMs: number;
  bareRows: number;
  bareMs: number;
}

/** `batches` alternating runs of `perBatch` office issues, then the same rows inserted bare. */
export function officeVersusBare(dir: string, batches: number, perBatch: number): DurableResult {
  const config = parseOffice(demoOffice, 'demo office');
  const db = openDatabase(join(dir, 'office.db'));
  const rules: QueueRules = {
    policy: config.policy,
    timeZone: config.timeZone,
    services: new Map(config.services.map((s) => [s.id, { id: s.id, prefix: s.prefix, active: s.active, priorityGroups: s.priorityGroups }])),
  };
  const history = new ServiceHistory({ timeZone: config.timeZone });
  const office = new Office(restoreState(db, rules, config.desks), new EventStore(db, config.timeZone), systemClock, [(event) => history.observe(event)]);
  const bare = bareTicketsTable(db, join(dir, 'bare.db'));
  const serviceIds = config.services.map((s) => s.id);
  const actor = { id: 'device:bench-kiosk', staffId: null };

  const result: DurableResult = { officeTickets: 0, officeMs: 0, bareRows: 0, bareMs: 0 };
  for (let batch = 0; batch < batches; batch++) {
    const ids: string[] = [];
    let started = performance.now();
    for (let i = 0; i < perBatch; i++) {
      const ticketId = newId();
      office.execute({ type: 'issueTicket', ticketId, serviceId: serviceIds[i % serviceIds.length]!, priorityGroup: null }, actor);
      ids.push(ticketId);
    }
    result.officeMs += performance.now() - started;
    result.officeTickets += ids.length;

    const rows = ids.map((id) => bare.read.get(id) as Record<string, unknown>);
    started = performance.now();
    for (const row of rows) bare.insertOne(row);
    result.bareMs += performance.now() - started;
    result.bareRows += rows.length;
  }
  db.close();
  bare.db.close();
  return result;
}

/** A fresh database holding only a copy of the office's `tickets` table and its indexes. */
function bareTicketsTable(source: Db, path: string) {
  const db = new Database(path);
  for (const pragma of PRAGMAS) db.pragma(pragma);
  const ddl = source.prepare(`SELECT sql FROM sqlite_master WHERE tbl_name = 'tickets' AND sql IS NOT NULL ORDER BY type DESC`).all() as Array<{ sql: string }>;
  for (const { sql } of ddl) db.exec(sql); // 'table' sorts after 'index', so DESC creates the table first
  const columns = (db.prepare(`PRAGMA table_info(tickets)`).all() as Array<{ name: string }>).map((c) => c.name);
  const insert = db.prepare(`INSERT INTO tickets (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  return {
    db,
    read: source.prepare(`SELECT * FROM tickets WHERE id = ?`),
    insertOne: db.transaction((row: Record<string, unknown>) => insert.run(row)),
  };
}
