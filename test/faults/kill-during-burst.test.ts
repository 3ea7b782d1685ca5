// kill -9 in the middle of a burst of kiosk tickets, three times over on one data directory: every
// ticket whose 201 reached the kiosk survives exactly once, numbers never repeat within the day,
// numbering continues past the killed run, and a kiosk's retry with the same Idempotency-Key after
// the restart gets the ticket it was first given (design.md §8).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAll, spawnServer, type SpawnedServer } from './lib/spawn-server.js';
import { call, isRecord, login } from './lib/http.js';
import { logAndProjectionDisagreements, ticketRows, withDb } from './lib/db.js';

const SERVICES = ['certificate', 'payment', 'request', 'complaint', 'documents', 'contractor'] as const;
const ROUNDS = 3;
/** Requests kept in flight at once during a burst, so that many are mid-way when the kill lands. */
const IN_FLIGHT = 24;
/** 201s to wait for before the kill, in round r: KILL_AFTER + 5 r. */
const KILL_AFTER = 10;

interface Issued {
  id: string;
  number: string;
  serviceId: string;
}

interface BurstOutcome {
  /** Tickets whose 201 and body reached the client. */
  acked: Issued[];
  /** Idempotency key → the ticket id its 201s carried (twins with one key must agree). */
  keyed: Map<string, string>;
  /** Keys none of whose requests was answered: the kiosk would retry these. */
  unansweredKeys: Set<string>;
  failures: number;
  others: string[];
}

function issuedFrom(body: unknown): Issued {
  assert.ok(isRecord(body), `a ticket body, not ${JSON.stringify(body)}`);
  const { id, number, serviceId } = body;
  assert.equal(typeof id, 'string');
  assert.equal(typeof number, 'string');
  assert.equal(typeof serviceId, 'string');
  return { id: id as string, number: number as string, serviceId: serviceId as string };
}

/**
 * Keeps IN_FLIGHT ticket requests going until `killAfter` 201s have arrived, then SIGKILLs the
 * server at once, from inside the handler of that answer, while the other requests are in flight.
 * Every third request carries an Idempotency-Key, and every ninth sends a twin with the same key.
 */
async function burstAndKill(server: SpawnedServer, round: number, killAfter: number): Promise<BurstOutcome> {
  const outcome: BurstOutcome = { acked: [], keyed: new Map(), unansweredKeys: new Set(), failures: 0, others: [] };
  const answeredKeys = new Set<string>();
  const sentKeys = new Set<string>();
  let next = 0;
  let killing: Promise<void> | null = null;

  const issue = async (n: number, key: string | undefined): Promise<void> => {
    const serviceId = SERVICES[n % SERVICES.length]!;
    try {
      const answer = await call(server.url, 'POST', '/tickets', { json: { serviceId }, headers: key ? { 'idempotency-key': key } : {} });
      if (answer.status !== 201) {
        outcome.others.push(`${answer.status} ${JSON.stringify(answer.body)}`);
        return;
      }
      const ticket = issuedFrom(answer.body);
      assert.equal(ticket.serviceId, serviceId);
      if (key) {
        answeredKeys.add(key);
        const earlier = outcome.keyed.get(key);
        if (earlier !== undefined) assert.equal(ticket.id, earlier, `two answers for key ${key} name different tickets`);
        else outcome.keyed.set(key, ticket.id);
      }
      if (!outcome.acked.some((t) => t.id === ticket.id)) outcome.acked.push(ticket);
      if (outcome.acked.length >= killAfter && killing === null) killing = server.kill();
    } catch (error) {
      if (error instanceof assert.AssertionError) throw error;
      outcome.failures++; // the connection died with the server: no answer, so not acknowledged
    }
  };

  const worker = async (): Promise<void> => {
    while (killing === null) {
      const n = next++;
      const key = n % 3 === 0 ? `burst-r${round}-${n}` : undefined;
      if (key) sentKeys.add(key);
      if (key && n % 9 === 0) await Promise.all([issue(n, key), issue(n, key)]);
      else await issue(n, key);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  await killing;
  for (const key of sentKeys) if (!answeredKeys.has(key)) outcome.unansweredKeys.add(key);
  return outcome;
}

describe('kill -9 during a burst of POST /tickets', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nobat-kill-'));
  after(async () => {
    await killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(`${ROUNDS} kills mid-burst lose no acknowledged ticket, reuse no number, and replay idempotency keys`, { timeout: 120_000 }, async () => {
    const acked = new Map<string, Issued>();
    /** Every key whose ticket is known, from a 201 before a kill or from a retry after one. */
    const keyToTicket = new Map<string, string>();
    let server = await spawnServer(dataDir);

    for (let round = 1; round <= ROUNDS; round++) {
      const killAfter = KILL_AFTER + 5 * round;
      const burst = await burstAndKill(server, round, killAfter);
      assert.deepEqual(burst.others, [], 'the running server answered every ticket request with 201');
      assert.ok(burst.acked.length >= killAfter, 'the kill came after the planned number of 201s');
      assert.ok(burst.failures > 0, 'the kill landed while requests were in flight');
      for (const ticket of burst.acked) acked.set(ticket.id, ticket);
      for (const [key, id] of burst.keyed) keyToTicket.set(key, id);

      // What survived the kill, read from the file while no server runs.
      const before = withDb(dataDir, (db) => ticketRows(db));
      const maxCounter = new Map<string, number>();
      for (const row of before) maxCounter.set(row.first_service_id, Math.max(maxCounter.get(row.first_service_id) ?? 0, row.counter));

      server = await spawnServer(dataDir);

      // Every acknowledged ticket, from every round so far, exists exactly once in SQLite: one row and
      // one ticket.issued event; and the log and the projection agree.
      withDb(dataDir, (db) => {
        const rows = ticketRows(db);
        const count = new Map<string, number>();
        for (const row of rows) count.set(row.id, (count.get(row.id) ?? 0) + 1);
        const issuedEvents = db.prepare(`SELECT ticket_id AS id, COUNT(*) AS n FROM events WHERE type = 'ticket.issued' GROUP BY ticket_id`).all() as Array<{ id: string; n: number }>;
        const issuedCount = new Map(issuedEvents.map((e) => [e.id, e.n]));
        for (const ticket of acked.values()) {
          assert.equal(count.get(ticket.id), 1, `acknowledged ticket ${ticket.number} (${ticket.id}) has one row after kill ${round}`);
          assert.equal(issuedCount.get(ticket.id), 1, `acknowledged ticket ${ticket.number} has one ticket.issued event`);
          const row = rows.find((r) => r.id === ticket.id)!;
          assert.deepEqual({ number: row.number, serviceId: row.service_id }, { number: ticket.number, serviceId: ticket.serviceId });
        }
        assert.deepEqual(logAndProjectionDisagreements(db), []);
      });
      // … and the restarted server knows this round's tickets as waiting ones.
      for (const ticket of burst.acked) {
        const answer = await call(server.url, 'GET', `/tickets/${ticket.id}`);
        assert.equal(answer.status, 200, `acknowledged ticket ${ticket.number} (${ticket.id}) is unknown after kill ${round}`);
        assert.deepEqual(issuedFrom(answer.body), ticket);
        assert.equal((answer.body as Record<string, unknown>)['status'], 'issued');
      }

      // Retries after the restart: an acknowledged key gets its ticket back and nothing new is issued;
      // an unanswered key gets whatever the first attempt committed, or one new ticket, and keeps it.
      const rowsBeforeRetries = withDb(dataDir, (db) => ticketRows(db).length);
      for (const [key, id] of keyToTicket) {
        const serviceId = acked.get(id)?.serviceId ?? SERVICES[0];
        const answer = await call(server.url, 'POST', '/tickets', { json: { serviceId }, headers: { 'idempotency-key': key } });
        assert.equal(answer.status, 201);
        assert.equal(issuedFrom(answer.body).id, id, `retry of ${key} after kill ${round} returns its first ticket`);
        assert.equal(answer.headers.get('idempotent-replayed'), 'true');
      }
      assert.equal(withDb(dataDir, (db) => ticketRows(db).length), rowsBeforeRetries, 'replayed keys issued nothing new');
      for (const key of burst.unansweredKeys) {
        const n = Number(key.split('-').at(-1));
        const serviceId = SERVICES[n % SERVICES.length]!;
        const first = await call(server.url, 'POST', '/tickets', { json: { serviceId }, headers: { 'idempotency-key': key } });
        const again = await call(server.url, 'POST', '/tickets', { json: { serviceId }, headers: { 'idempotency-key': key } });
        assert.equal(first.status, 201);
        assert.equal(again.status, 201);
        const ticket = issuedFrom(first.body);
        assert.equal(issuedFrom(again.body).id, ticket.id, `key ${key} names one ticket`);
        assert.equal(again.headers.get('idempotent-replayed'), 'true');
        keyToTicket.set(key, ticket.id);
        acked.set(ticket.id, ticket);
      }

      // Numbering continues: a new ticket in each service gets a higher counter than any before the kill.
      for (const serviceId of SERVICES) {
        const answer = await call(server.url, 'POST', '/tickets', { json: { serviceId } });
        assert.equal(answer.status, 201, `issue after restart: ${JSON.stringify(answer.body)}`);
        const ticket = issuedFrom(answer.body);
        acked.set(ticket.id, ticket);
        const row = withDb(dataDir, (db) => ticketRows(db).find((r) => r.id === ticket.id));
        assert.ok(row, 'the new ticket is in SQLite');
        assert.ok(row.counter > (maxCounter.get(serviceId) ?? 0), `${serviceId}: counter ${row.counter} after restart is above ${maxCounter.get(serviceId) ?? 0} from before kill ${round}`);
      }

      // Numbers never repeat within a day, in the file or among the answers the kiosk received.
      withDb(dataDir, (db) => {
        const rows = ticketRows(db);
        const seen = new Set<string>();
        for (const row of rows) {
          const k = `${row.day} ${row.number}`;
          assert.ok(!seen.has(k), `number ${row.number} issued twice on ${row.day}`);
          seen.add(k);
        }
        assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
      });
      const ackedNumbers = [...acked.values()].map((t) => t.number);
      assert.equal(new Set(ackedNumbers).size, ackedNumbers.length, 'the kiosk never got one number twice');

      // A clerk cancels the waiting line, which keeps the next round's estimates (one simulation per
      // waiting ticket) cheap, and shows that the restored state holds every waiting ticket.
      const token = await login(server.url, 'staff1', 'desk-1');
      const waiting = withDb(dataDir, (db) => ticketRows(db).filter((r) => r.status === 'issued'));
      for (const row of waiting) {
        const answer = await call(server.url, 'POST', `/tickets/${row.id}/cancel`, { token });
        assert.equal(answer.status, 200, `cancel ${row.number}: ${JSON.stringify(answer.body)}`);
      }
    }

    // After the last restart, every ticket the kiosk was ever given is still served by the API.
    for (const ticket of acked.values()) {
      const answer = await call(server.url, 'GET', `/tickets/${ticket.id}`);
      assert.equal(answer.status, 200, `ticket ${ticket.number} (${ticket.id})`);
      assert.deepEqual(issuedFrom(answer.body), ticket);
    }
    await server.stop();
  });
});
