// Repeated kill -9 of the server under a steady load, restarted each time on the same port and data:
// two kiosks issue (one Idempotency-Key per press, retried until answered), three desks call next
// and start (one X-Request-Id per press, retried), a display and the three desks' screens listen
// over Socket.IO and come back by themselves. Afterwards the store holds exactly the acknowledged
// tickets and calls, once each; no ticket was called twice; numbers run 1, 2, 3… per service;
// and every client's final view is the store's, its event stream without gap or duplicate.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, killAll, spawnServer, type SpawnedServer } from './lib/spawn-server.js';
import { call, isRecord, login, type Answer, type CallOptions } from './lib/http.js';
import { eventRows, logAndProjectionDisagreements, ticketRows, withDb } from './lib/db.js';
import { LiveClient } from './lib/live-clients.js';

const KILLS = 4;
/** Acknowledged tickets between two kills. */
const TICKETS_PER_ROUND = 12;
/** Kiosks stop pressing while this many acknowledged tickets wait uncalled (keeps estimates cheap). */
const MAX_WAITING = 10;
const SERVICES = ['certificate', 'payment', 'request', 'documents'] as const;
const DESKS = [
  { id: 'desk-1', user: 'staff1' },
  { id: 'desk-2', user: 'staff2' },
  { id: 'desk-3', user: 'staff3' },
] as const;

interface Acked {
  key: string;
  id: string;
  number: string;
  serviceId: string;
}

/**
 * Sends one press until the server answers it with something other than a 5xx, as the screens do:
 * a dropped connection or a server that is not up yet is retried with the same key or id.
 */
let retries = 0;
async function untilAnswered(base: string, method: string, path: string, options: CallOptions): Promise<Answer> {
  const deadline = Date.now() + 60_000;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) retries++;
    try {
      const answer = await call(base, method, path, { ...options, signal: AbortSignal.timeout(10_000) });
      if (answer.status < 500) return answer;
    } catch {
      // connection refused or reset: the server is down or was killed mid-answer
    }
    if (Date.now() > deadline) throw new Error(`${method} ${path} unanswered for a minute`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // a client's retry pause, not a wait for a condition
  }
}

describe('kill -9 again and again under kiosks, desks and screens', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nobat-kill-load-'));
  const clients: LiveClient[] = [];
  after(async () => {
    for (const client of clients) client.close();
    await killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(`${KILLS} kills under load lose and repeat nothing, and every client comes back to the store's view`, { timeout: 150_000 }, async (t) => {
    const port = await freePort();
    let server: SpawnedServer = await spawnServer(dataDir, { port });
    const url = server.url;
    const tokens = new Map<string, string>();
    for (const desk of DESKS) tokens.set(desk.id, await login(url, desk.user, desk.id));

    const display = new LiveClient(url, { screen: 'display' });
    const deskScreens = new Map(DESKS.map((desk) => [desk.id, new LiveClient(url, { token: tokens.get(desk.id)! })]));
    clients.push(display, ...deskScreens.values());
    await Promise.all(clients.map((c) => c.until(() => c.board !== undefined, 'first board')));

    const acked: Acked[] = [];
    /** ticket id → the desk whose answered call-next carried it. */
    const calledTo = new Map<string, string>();
    const started = new Set<string>();
    const progress = new EventEmitter();
    let stopping = false;

    const kiosk = async (k: number) => {
      for (let n = 0; !stopping; n++) {
        while (!stopping && acked.length - calledTo.size >= MAX_WAITING) await once(progress, 'called');
        if (stopping) return;
        const key = `load-k${k}-${n}`;
        const serviceId = SERVICES[(n + k) % SERVICES.length]!;
        const answer = await untilAnswered(url, 'POST', '/tickets', { json: { serviceId }, headers: { 'idempotency-key': key } });
        assert.equal(answer.status, 201, JSON.stringify(answer.body));
        assert.ok(isRecord(answer.body));
        const { id, number } = answer.body as { id: string; number: string };
        assert.ok(!acked.some((t) => t.id === id), `press ${key} was answered with ticket ${number}, already given for another press`);
        acked.push({ key, id, number, serviceId });
        progress.emit('issued');
      }
    };

    const desk = async (deskId: string) => {
      const token = tokens.get(deskId)!;
      for (let n = 0; !stopping; n++) {
        const next = await untilAnswered(url, 'POST', `/desks/${deskId}/next`, { token, headers: { 'x-request-id': `${deskId}-next-${n}` } });
        if (next.status === 204) {
          if (!stopping) await once(progress, 'issued');
          continue;
        }
        assert.equal(next.status, 200, `${deskId} call-next: ${JSON.stringify(next.body)}`);
        const ticket = (next.body as { ticket: { id: string; deskId: string } }).ticket;
        const earlier = calledTo.get(ticket.id);
        assert.equal(earlier, undefined, `ticket ${ticket.id} called to ${deskId}, but ${earlier} had it already`);
        assert.equal(ticket.deskId, deskId);
        calledTo.set(ticket.id, deskId);
        progress.emit('called');
        const start = await untilAnswered(url, 'POST', `/tickets/${ticket.id}/start`, { token, headers: { 'x-request-id': `${deskId}-start-${n}` } });
        assert.equal(start.status, 200, `${deskId} start: ${JSON.stringify(start.body)}`);
        started.add(ticket.id);
      }
    };

    const stop = () => {
      stopping = true;
      progress.emit('issued');
      progress.emit('called');
    };
    const load = Promise.all([kiosk(0), kiosk(1), ...DESKS.map((d) => desk(d.id))]);
    const failed = load.then(
      () => undefined,
      (error: unknown) => (stop(), error),
    );
    t.after(stop);
    for (let round = 1; round <= KILLS; round++) {
      const target = acked.length + TICKETS_PER_ROUND;
      while (acked.length < target) {
        const outcome = await Promise.race([once(progress, 'issued').then(() => undefined), failed]);
        if (outcome) throw outcome;
      }
      await server.kill();
      server = await spawnServer(dataDir, { port });
      // Every screen is back by itself (while the load goes on) before the next kill.
      await Promise.all(clients.map((c) => c.until(() => c.connects >= round + 1, `reconnection after kill ${round}`)));
    }
    // Load after the last restart too, then every press in flight is seen through to its answer.
    const target = acked.length + TICKETS_PER_ROUND;
    while (acked.length < target) {
      const outcome = await Promise.race([once(progress, 'issued').then(() => undefined), failed]);
      if (outcome) throw outcome;
    }
    stop();
    await load;
    assert.ok(retries > 0, 'the kills cut presses off mid-way, and they were retried');

    // Zero lost, zero duplicated: the store holds exactly the acknowledged tickets and calls.
    const rows = withDb(dataDir, ticketRows);
    const events = withDb(dataDir, eventRows);
    assert.deepEqual(new Set(rows.map((r) => r.id)), new Set(acked.map((t) => t.id)), 'the tickets in SQLite are exactly the acknowledged ones');
    assert.equal(rows.length, acked.length, 'each once');
    for (const ticket of acked) {
      const row = rows.find((r) => r.id === ticket.id)!;
      assert.deepEqual({ number: row.number, serviceId: row.service_id }, { number: ticket.number, serviceId: ticket.serviceId });
    }
    const calls = events.filter((e) => e.type === 'ticket.called');
    assert.equal(calls.length, calledTo.size, 'one ticket.called event per answered call, none twice');
    for (const event of calls) assert.equal(calledTo.get(event.ticket_id!), event.desk_id, `#${event.seq}: the log and the answer agree on who called it`);
    const starts = events.filter((e) => e.type === 'ticket.started').map((e) => e.ticket_id);
    assert.deepEqual(new Set(starts), started);
    assert.equal(starts.length, started.size);
    // Numbers: 1, 2, 3, … per service, never reused, never skipped.
    for (const serviceId of SERVICES) {
      const counters = rows.filter((r) => r.first_service_id === serviceId).map((r) => r.counter).sort((a, b) => a - b);
      assert.deepEqual(counters, counters.map((_, i) => i + 1), `${serviceId}: counters`);
    }
    withDb(dataDir, (db) => assert.deepEqual(logAndProjectionDisagreements(db), []));

    // Every client came back by itself after each kill and now shows what the store holds.
    const lastSeq = events.at(-1)!.seq;
    for (const client of clients) {
      await client.until(() => client.board?.seq === lastSeq, `board at seq ${lastSeq}`);
      assert.ok(client.connects >= KILLS + 1, `a client reconnected after every kill (${client.connects} connections)`);
    }
    const waiting: Record<string, number> = {};
    for (const row of rows) if (row.status === 'issued') waiting[row.service_id] = (waiting[row.service_id] ?? 0) + 1;
    assert.deepEqual(Object.fromEntries(display.board!.services.filter((s) => s.waiting > 0).map((s) => [s.id, s.waiting])), waiting);
    const lastCall = calls.at(-1)!;
    const shown = display.board!.calls.find((c) => c.seq === lastCall.seq);
    assert.equal(shown?.number, rows.find((r) => r.id === lastCall.ticket_id)?.number, 'the display shows the latest call');

    for (const [deskId, screen] of deskScreens) {
      // The stream of events, replayed from lastSeq after each restart, has every one once.
      await screen.until(() => screen.lastSeq === lastSeq, `${deskId}: events up to ${lastSeq}`);
      assert.equal(screen.duplicates, 0, `${deskId} received no event twice`);
      const expected = events.filter((e) => e.seq > screen.firstSeq!);
      assert.deepEqual([...screen.events.keys()].sort((a, b) => a - b), expected.map((e) => e.seq), `${deskId} missed no event`);
      for (const e of expected) assert.deepEqual(screen.events.get(e.seq), { type: e.type, ticketId: e.ticket_id });
      // …and the desk's own view is the one the server gives now.
      const view = await call(url, 'GET', `/desks/${deskId}`, { token: tokens.get(deskId)! });
      assert.equal(view.status, 200);
      await screen.until(() => screen.desk?.seq === lastSeq, `${deskId}: desk snapshot at ${lastSeq}`);
      const { seq: _seq, now: _now, localMinutes: _m, ...shownView } = screen.desk!;
      const { now: _now2, localMinutes: _m2, ...serverView } = view.body as Record<string, unknown>;
      assert.deepEqual(shownView, serverView, `${deskId}'s screen shows the server's view`);
    }
    await server.stop();
  });
});
