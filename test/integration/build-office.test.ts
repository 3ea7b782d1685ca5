// The office built without a port: the HTTP app answered in process with `app.request()`, over an
// in-memory SQLite database and a clock the test holds. A paired kiosk issues a ticket, a clerk
// signs in at a desk and calls it; the event log and the desk's view say so.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildOffice, type BuiltOffice } from '../../server/build-office.js';
import { DEMO_PASSWORD } from '../../server/auth/demo-users.js';
import { createLogger } from '../../server/log.js';
import { openDatabase, type Db } from '../../server/store/open.js';
import { MORNING } from './lib/office-server.js';

describe('an office built without a port', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nobat-built-'));
  let db: Db;
  let built: BuiltOffice;
  const clock = { now: MORNING };

  before(async () => {
    db = openDatabase(':memory:');
    built = await buildOffice({ db, clock: () => clock.now, log: createLogger({ quiet: true }), dataDir, printer: null, virtualKeypads: false });
  });
  after(async () => {
    await built.close();
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = async (method: string, path: string, token?: string, body?: unknown) => {
    const response = await built.app.request(`/api/v1${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, any> };
  };

  it('issues a ticket from a paired kiosk and calls it from a desk, at the clock it was given', async () => {
    const kiosk = built.accounts.addDevice('kiosk', 'entrance', null).token;
    const issued = await api('POST', '/tickets', kiosk, { serviceId: 'payment' });
    assert.equal(issued.status, 201, JSON.stringify(issued.body));
    assert.equal(issued.body.issuedAt, MORNING);
    assert.equal(issued.body.status, 'issued');

    const login = await api('POST', '/auth/login', undefined, { username: 'staff1', password: DEMO_PASSWORD, deskId: 'desk-1' });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const clerk = login.body.token as string;

    clock.now += 90_000;
    const called = await api('POST', '/desks/desk-1/next', clerk);
    assert.equal(called.status, 200, JSON.stringify(called.body));
    assert.equal(called.body.ticket.id, issued.body.id);
    assert.equal(called.body.ticket.status, 'called');

    const desk = await api('GET', '/desks/desk-1', clerk);
    assert.equal(desk.status, 200);
    assert.equal(desk.body.current.id, issued.body.id);
    const events = db.prepare(`SELECT type, at FROM events WHERE ticket_id = ? ORDER BY seq`).all(issued.body.id) as Array<{ type: string; at: number }>;
    assert.deepEqual(events, [{ type: 'ticket.issued', at: MORNING }, { type: 'ticket.called', at: MORNING + 90_000 }]);
  });

  it('answers every grouping of a period in one stats request, each row as the single report has it, with English names', async () => {
    const login = await api('POST', '/auth/login', undefined, { username: 'manager', password: DEMO_PASSWORD });
    const manager = login.body.token as string;
    const all = await api('GET', '/stats/reports?from=2026-11-22&to=2026-11-22', manager);
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.deepEqual(Object.keys(all.body.rows).sort(), ['day', 'desk', 'hour', 'service', 'staff']);
    for (const by of ['service', 'desk', 'hour', 'day']) {
      const one = await api('GET', `/stats/report?from=2026-11-22&to=2026-11-22&by=${by}`, manager);
      assert.deepEqual(all.body.rows[by], one.body.rows, by);
    }
    const payment = all.body.rows.service.find((r: { key: string }) => r.key === 'payment');
    assert.equal(payment.issued, 1);
    assert.match(payment.nameEn, /^[A-Za-z]/);
    assert.match(all.body.rows.desk.find((r: { key: string }) => r.key === 'desk-1').nameEn, /^[A-Za-z]/);
    assert.equal(all.body.total.issued, 1);
    const clerk = await api('GET', '/stats/reports?from=2026-11-22&to=2026-11-22', (await api('POST', '/auth/login', undefined, { username: 'staff2', password: DEMO_PASSWORD, deskId: 'desk-2' })).body.token);
    assert.equal(clerk.status, 403);
  });

  it('refuses a ticket without a kiosk credential, as the served app does', async () => {
    const refused = await api('POST', '/tickets', undefined, { serviceId: 'payment' });
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.code, 'unauthenticated');
  });
});
