// Signing in at a desk another clerk holds, over real HTTP and Socket.IO on a configured office: a
// 409 `desk_taken` naming the clerk, unless the sign-in confirms taking over; then the other session
// and its socket end, the called visitor stays with the desk, and the event log says from whom.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { io as connect } from 'socket.io-client';
import { startTestOffice, type TestOffice } from '../integration/lib/office-server.js';
import { ACCOUNTS, configuredOffice, PASSWORD } from './lib/configured-office.js';

describe('a desk another clerk holds', () => {
  let office: TestOffice;
  before(async () => {
    office = await startTestOffice({ config: configuredOffice() });
  });
  after(() => office.stop());

  const login = (username: string, extra: Record<string, unknown> = {}) => office.api('POST', '/auth/login', { body: { username, password: PASSWORD, deskId: 'desk-1', ...extra } });

  it('is refused without takeOver, taken over with it, and the takeover is in the event log', async () => {
    const holder = (await login('staff1')).body.token as string;
    const kiosk = office.server.accounts.addDevice('kiosk', 'entrance', null);
    const ticket = (await office.api('POST', '/tickets', { token: kiosk.token, body: { serviceId: 'certificate' } })).body;
    assert.equal((await office.api('POST', '/desks/desk-1/next', { token: holder })).status, 200);

    const refused = await login('staff2');
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'desk_taken');
    assert.match(refused.body.error.message, new RegExp(ACCOUNTS.staff1.name));
    assert.equal(refused.body.token, undefined);
    assert.equal((await office.api('GET', '/auth/me', { token: holder })).status, 200, 'the holder is still signed in');
    assert.equal(office.server.office.state.desks.get('desk-1')!.currentTicketId, ticket.id, 'and still has the visitor');

    const again = (await login('staff1')).body.token as string;
    assert.ok(again, 'the same clerk signing in again is not refused');
    assert.equal((await office.api('GET', '/auth/me', { token: holder })).status, 401, 'and ends their own older session there, as before');
    const socket = connect(office.server.url, { auth: { token: again }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('desk:snapshot', () => resolve());
      socket.once('connect_error', reject);
    });

    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const takeover = await login('staff2', { takeOver: true });
    assert.equal(takeover.status, 200);
    assert.equal(await gone, 'io server disconnect');
    assert.equal((await office.api('GET', '/auth/me', { token: again })).status, 401, 'the other clerk’s session ended');
    const desk = office.server.office.state.desks.get('desk-1')!;
    assert.equal(desk.currentTicketId, ticket.id, 'the called visitor stays with the desk');
    const opened = office.server.db.prepare(`SELECT data FROM events WHERE type = 'desk.opened' AND desk_id = 'desk-1' ORDER BY seq DESC LIMIT 1`).get() as { data: string };
    const staff1 = office.server.db.prepare(`SELECT id FROM users WHERE username = 'staff1'`).get() as { id: string };
    assert.equal(JSON.parse(opened.data).takenOverFrom, staff1.id);
    assert.equal(JSON.parse(opened.data).staffId, desk.staffId);
  });

  it('is free again once the clerk signs out', async () => {
    const staff2 = (await office.api('POST', '/auth/login', { body: { username: 'staff2', password: PASSWORD, deskId: 'desk-2' } })).body.token as string;
    assert.equal((await office.api('POST', '/auth/logout', { token: staff2 })).status, 200);
    assert.equal((await office.api('POST', '/auth/login', { body: { username: 'staff1', password: PASSWORD, deskId: 'desk-2' } })).status, 200);
  });
});
