// Each text message is delivered exactly once across a power cut: the real `nobat start` as a child
// process, a real local HTTP server playing the SMS provider, and kill -9 at the two moments that
// matter — after the message is stored but before the provider has it, and while the provider has
// it but its answer has not come back. The outbox resends under the same key, which the provider
// recognises.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { configuredOfficeInput, PASSWORD } from '../security/lib/configured-office.js';
import { testGateway, useFakeSmsProvider, type FakeSmsProvider } from '../messages/lib/fake-sms-provider.js';
import { killAll, spawnServer, type SpawnedServer } from './lib/spawn-server.js';

const run = promisify(execFile);

describe('a text message across kill -9', () => {
  const providerNow = useFakeSmsProvider('key-kill');
  let provider: FakeSmsProvider;
  let dir: string;
  let server: SpawnedServer;
  let kiosk: string;

  after(killAll);

  beforeEach(async () => {
    provider = providerNow();
    dir = mkdtempSync(join(tmpdir(), 'nobat-sms-kill-'));
    const office = join(dir, 'office.json');
    writeFileSync(office, JSON.stringify(configuredOfficeInput({ sms: { gateway: testGateway(provider) } })));
    server = await spawnServer(join(dir, 'data'), { office, readyWithinMs: 90_000 });
    const added = await run(process.execPath, ['bin/nobat.js', 'device', 'add', '--kind', 'kiosk', '--name', 'entrance', '--data', join(dir, 'data')]);
    kiosk = /token:\s+(\S+)/.exec(added.stdout)![1]!;
  });
  afterEach(async () => {
    await killAll();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  /** A waiting ticket with a number left for it, a desk open for its line and nobody ahead: "your turn is near" is due at once. */
  const subscribe = async () => {
    assert.equal((await call('POST', '/auth/login', undefined, { username: 'staff2', password: PASSWORD, deskId: 'desk-2' })).status, 200);
    const ticket = (await call('POST', '/tickets', kiosk, { serviceId: 'payment' })).body;
    assert.equal((await call('POST', `/tickets/${ticket.id}/sms`, undefined, { mobile: '09121234567' })).status, 201);
  };

  /** Restarts on the same data, then waits until the outbox says every message is sent. */
  const restartAndSettle = async () => {
    server = await spawnServer(join(dir, 'data'), { readyWithinMs: 90_000 });
    const manager = (await call('POST', '/auth/login', undefined, { username: 'manager', password: PASSWORD })).body.token as string;
    for (;;) {
      const { body } = await call('GET', '/admin/sms', manager);
      if (body.sent === 1 && body.pending === 0) return body;
      await new Promise((resolve) => setTimeout(resolve, 50)); // poll the server's own answer, not a length of time
    }
  };

  it('is sent once when the server dies after storing it and before the provider took it', async () => {
    provider.mode = 'down';
    const refused = provider.nextRequest();
    await subscribe();
    await refused; // stored, tried, refused by the provider: nothing delivered yet
    assert.equal(provider.delivered.size, 0);
    await server.kill();

    provider.mode = 'ok';
    await restartAndSettle();
    assert.equal(provider.delivered.size, 1);
    const okRequests = provider.requests.filter((r) => provider.delivered.get(r.localid) === r);
    assert.equal(okRequests.length, 1);
    assert.equal(okRequests[0]!.receptor, '09121234567');
  });

  it('is delivered once when the server dies while the provider holds the send, though it is sent again', async () => {
    provider.mode = 'hold';
    const held = provider.nextRequest();
    await subscribe();
    const first = await held; // the provider has it; the server has not heard back
    await server.kill();
    provider.dropHeld();

    provider.mode = 'ok';
    const resent = provider.nextRequest();
    await restartAndSettle();
    const again = await resent;
    assert.equal(again.localid, first.localid, 'sent again under the same key');
    assert.equal(provider.requests.length, 2);
    assert.equal(provider.delivered.size, 1, 'the provider delivered it once');
  });
});
