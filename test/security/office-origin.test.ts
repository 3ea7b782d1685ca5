// A configured office started again without its office file, through the real `nobat start`: the
// database remembers that it is a real office, so nothing of the demo comes back (accounts, screens
// without a token on the server's machine, virtual keypads), and it says so in one log line.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Accounts } from '../../server/auth/accounts.js';
import { readStoredConfig } from '../../server/config/stored.js';
import { migrations } from '../../server/store/migrations.js';
import { openDatabase } from '../../server/store/open.js';
import { killAll, spawnServer as spawnReady, type SpawnedServer, type SpawnOptions } from '../faults/lib/spawn-server.js';
import { client } from '../integration/lib/sockets.js';
import { ACCOUNTS, configuredOfficeInput, PASSWORD } from './lib/configured-office.js';

// Start-up builds and loads the whole server: on a busy machine it can take more than the usual 20 s.
const spawnServer = (data: string, options: SpawnOptions = {}) => spawnReady(data, { readyWithinMs: 90_000, ...options });

const dir = mkdtempSync(join(tmpdir(), 'nobat-origin-'));
after(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

async function api(server: SpawnedServer, method: string, path: string, options: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const login = (server: SpawnedServer, username: string, password: string) => api(server, 'POST', '/auth/login', { body: { username, password } });

/** Whether a kiosk socket without a token from the server's own machine is let in. */
function kioskSocketAdmitted(server: SpawnedServer): Promise<boolean> {
  const socket = client(server.url, { screen: 'kiosk' });
  return new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', () => resolve(false));
  }).finally(() => socket.close());
}

describe('an office database remembers that it is real', () => {
  const data = join(dir, 'office');
  const officeFile = join(dir, 'office.json');
  // No keypads in the file: the demo would start virtual ones in their place.
  writeFileSync(officeFile, JSON.stringify(configuredOfficeInput({ keypads: [] })));

  it('started without --office, runs as the configured office: no demo account, no tokenless kiosk, no virtual keypad', async () => {
    const first = await spawnServer(data, { office: officeFile });
    assert.equal((await api(first, 'GET', '/health')).body.demo, false);
    await first.stop();

    // What an earlier nobat left behind when this office was started once without its file.
    const db = openDatabase(join(data, 'nobat.db'));
    await new Accounts(db, Date.now, false).addUser({ username: 'staff9', name: 'کارمند نمایشی', role: 'admin', password: 'demo', demo: true });
    db.close();

    const again = await spawnServer(data);
    const health = await api(again, 'GET', '/health');
    assert.equal(health.body.demo, false);
    assert.equal(health.body.office, 'ادارهٔ آزمایشی');
    const warnings = again.output().split('\n').filter((line) => line.includes('no office file given'));
    assert.equal(warnings.length, 1, again.output());
    assert.match(warnings[0]!, /runs as that office from its stored configuration, not as the demo/);

    for (const username of ['admin', 'staff1', 'manager', 'staff9']) assert.equal((await login(again, username, 'demo')).status, 401, `${username}/demo`);
    assert.equal((await api(again, 'POST', '/tickets', { body: { serviceId: 'certificate' } })).status, 401);
    assert.equal(await kioskSocketAdmitted(again), false);
    const admin = await login(again, ACCOUNTS.admin.username, PASSWORD);
    assert.equal(admin.status, 200);
    assert.deepEqual((await api(again, 'GET', '/keypads', { token: admin.body.token })).body, []);
    await again.stop();
  });

  it('refuses an office file on a database created as the demo, with a clear line', async () => {
    const demoData = join(dir, 'demo');
    const demo = await spawnServer(demoData);
    assert.equal((await api(demo, 'GET', '/health')).body.demo, true);
    assert.equal((await login(demo, 'admin', 'demo')).status, 200);
    await demo.stop();
    await assert.rejects(spawnServer(demoData, { office: officeFile }), /exited \(2\)[\s\S]*holds the demo office's database: give the office file a new --data folder/);
    const restarted = await spawnServer(demoData);
    assert.equal((await api(restarted, 'GET', '/health')).body.demo, true);
    await restarted.stop();
  });

  it('a database from before it was recorded counts as the demo only when every account is a demo one', async () => {
    // The migration that records it, run again on this database as it was before (without the row).
    const backfill = migrations.find((m) => m.sql.includes('config_origin'))!.sql;
    const db = openDatabase(join(data, 'nobat.db'));
    const originAfterBackfill = () => {
      db.prepare(`DELETE FROM meta WHERE key = 'config_origin'`).run();
      db.exec(backfill);
      return readStoredConfig(db)?.origin;
    };
    assert.equal(originAfterBackfill(), 'office-file');
    db.prepare(`UPDATE users SET demo = 1`).run();
    assert.equal(originAfterBackfill(), 'demo');
    db.close();
  });
});
