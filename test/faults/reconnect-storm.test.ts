// A reconnect storm: 500 Socket.IO clients (displays and desk screens) lose the server to a kill -9
// that lands right after a burst of tickets, before the coalesced snapshots go out, and all come
// back at once to the restarted server on the same port. Each gets a snapshot equal to the store,
// and each desk screen its missed events once each. The bound is loose on purpose: correctness is
// asserted here, speed belongs to the benchmarks.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, killAll, spawnServer } from './lib/spawn-server.js';
import { call, login } from './lib/http.js';
import { eventRows, ticketRows, withDb } from './lib/db.js';
import { LiveClient } from './lib/live-clients.js';

const CLIENTS = 500;
/** One in ten clients is a desk screen (with a staff token and the event stream), the rest displays. */
const DESK_SCREEN_EVERY = 10;
const SERVICES = ['certificate', 'payment', 'request', 'complaint', 'documents', 'contractor'] as const;
const BOUND_MS = 90_000;

describe('500 clients reconnecting at once', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nobat-storm-'));
  const clients: LiveClient[] = [];
  after(async () => {
    for (const client of clients) client.close();
    await killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(`${CLIENTS} clients all resynchronise to the store after a restart`, { timeout: 180_000 }, async (t) => {
    const port = await freePort();
    let server = await spawnServer(dataDir, { port });
    const tokens = await Promise.all(['staff1', 'staff2', 'staff3', 'staff4'].map((user, i) => login(server.url, user, `desk-${i + 1}`)));
    for (let n = 0; n < 6; n++) assert.equal((await call(server.url, 'POST', '/tickets', { json: { serviceId: SERVICES[n] } })).status, 201);

    for (let i = 0; i < CLIENTS; i++) {
      const deskScreen = i % DESK_SCREEN_EVERY === 0;
      clients.push(new LiveClient(server.url, deskScreen ? { token: tokens[(i / DESK_SCREEN_EVERY) % tokens.length]! } : { screen: 'display' }));
    }
    await Promise.all(clients.map((c) => c.until(() => c.board !== undefined, 'first board', 60_000)));

    // A burst the clients are only partly told of: the kill follows the last answer at once.
    const burst = await Promise.all(
      Array.from({ length: 24 }, (_, n) => call(server.url, 'POST', '/tickets', { json: { serviceId: SERVICES[n % SERVICES.length] } })),
    );
    assert.deepEqual(burst.map((a) => a.status), burst.map(() => 201));
    const next = await call(server.url, 'POST', '/desks/desk-1/next', { token: tokens[0]! });
    assert.equal(next.status, 200);
    await server.kill();
    const behind = clients.filter((c) => (c.board?.seq ?? 0) < withDb(dataDir, eventRows).at(-1)!.seq).length;

    const restarted = Date.now();
    server = await spawnServer(dataDir, { port });
    const ready = Date.now();
    const events = withDb(dataDir, eventRows);
    const lastSeq = events.at(-1)!.seq;
    const waiting: Record<string, number> = {};
    for (const row of withDb(dataDir, ticketRows)) if (row.status === 'issued') waiting[row.service_id] = (waiting[row.service_id] ?? 0) + 1;

    await Promise.all(
      clients.map((c) => c.until(() => c.connects === 2 && c.board?.seq === lastSeq && (c.desk === undefined || c.desk.seq === lastSeq), 'the snapshot after the restart', BOUND_MS)),
    );
    t.diagnostic(`${CLIENTS} clients (${behind} behind the store at the kill) resynchronised ${Date.now() - ready} ms after the restarted server was ready (${ready - restarted} ms to start)`);

    for (const client of clients) {
      assert.deepEqual(Object.fromEntries(client.board!.services.filter((s) => s.waiting > 0).map((s) => [s.id, s.waiting])), waiting);
      if (client.desk === undefined) continue;
      assert.equal(client.lastSeq, lastSeq);
      assert.equal(client.duplicates, 0);
      assert.deepEqual([...client.events.keys()], events.filter((e) => e.seq > client.firstSeq!).map((e) => e.seq));
    }
    // The server still answers as before the storm.
    assert.equal((await call(server.url, 'POST', '/tickets', { json: { serviceId: 'payment' } })).status, 201);
    await server.stop();
  });
});
