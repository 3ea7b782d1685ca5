// Alerts through the real server with a hand-moved clock and real Socket.IO clients: who may read and
// acknowledge them, a wait past its target raised once, pushed to the managers' room and cleared
// when the line is called, an acknowledgement with its comment that survives a restart, a paired
// display that goes away, and the managers' live snapshot.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Socket } from 'socket.io-client';
import type { AlertView, ManagerSnapshot } from '../../server/realtime/contract.js';
import { client, next } from './lib/sockets.js';
import { startTestOffice, type TestOffice } from './lib/office-server.js';

describe('alerts', () => {
  let office: TestOffice;
  let manager: string;
  const sockets: Socket[] = [];
  const alerts = async (): Promise<AlertView[]> => (await office.api('GET', '/alerts', { token: manager })).body.alerts;

  before(async () => {
    office = await startTestOffice();
    manager = await office.login('manager');
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await office.stop();
  });

  it('are for managers and admins: anonymous 401, staff 403', async () => {
    assert.equal((await office.api('GET', '/alerts')).status, 401);
    const staff = await office.login('staff1', 'desk-1');
    const refused = await office.api('GET', '/alerts', { token: staff });
    assert.equal(refused.status, 403);
    assert.match(refused.body.error.message, /اجازه/);
    assert.equal((await office.api('POST', '/alerts/1/ack', { token: staff, body: { comment: 'x' } })).status, 403);
    assert.equal((await office.api('POST', '/auth/logout', { token: staff })).status, 200);
    assert.deepEqual(await alerts(), []);
  });

  it('a wait past its target is raised once, pushed to managers, and cleared when the line moves', async () => {
    const socket = client(office.server.url, { token: manager });
    sockets.push(socket);
    const first = await next<ManagerSnapshot>(socket, 'manager:snapshot');
    assert.equal(first.services.find((s) => s.id === 'payment')?.targetWaitMinutes, 10);

    const ticket = (await office.api('POST', '/tickets', { body: { serviceId: 'payment' } })).body;
    const waiting = await next<ManagerSnapshot>(socket, 'manager:snapshot', (s) => s.services.some((x) => x.id === 'payment' && x.waiting === 1));
    assert.equal(waiting.services.find((s) => s.id === 'payment')?.oldestIssuedAt, ticket.issuedAt);

    office.clock.advance(10 * 60);
    assert.deepEqual(await alerts(), [], 'at the target, not past it');
    const pushed = next<AlertView>(socket, 'alert:raised');
    office.clock.advance(60);
    const listed = await alerts();
    assert.deepEqual(listed.map((a) => [a.kind, a.subject, a.clearedAt, a.acknowledged]), [['wait', 'payment', null, null]]);
    assert.ok(listed[0]!.message.includes(office.server.config.services.find((s) => s.id === 'payment')!.name), 'names the line');
    assert.equal((await pushed).id, listed[0]!.id);
    assert.equal((await alerts()).length, 1, 'checked again, still one alert');

    const staff = await office.login('staff2', 'desk-2');
    const cleared = next<AlertView>(socket, 'alert:cleared');
    assert.equal((await office.api('POST', '/desks/desk-2/next', { token: staff })).status, 200);
    assert.equal((await cleared).id, listed[0]!.id);
    const desk = await next<ManagerSnapshot>(socket, 'manager:snapshot', (s) => s.desks.some((d) => d.id === 'desk-2' && d.current !== null));
    assert.deepEqual(desk.desks.find((d) => d.id === 'desk-2')?.staffName, 'کارمند دوم');
    assert.equal(desk.today.issued, 1);
  });

  it('is acknowledged once with a comment, which survives a restart', async () => {
    const [alert] = await alerts();
    assert.ok(alert);
    const empty = await office.api('POST', `/alerts/${alert.id}/ack`, { token: manager, body: { comment: '   ' } });
    assert.equal(empty.status, 400);
    assert.equal((await office.api('POST', '/alerts/abc/ack', { token: manager, body: { comment: 'x' } })).status, 400);
    assert.equal((await office.api('POST', '/alerts/99999/ack', { token: manager, body: { comment: 'x' } })).status, 404);
    const socket = client(office.server.url, { token: manager });
    sockets.push(socket);
    await next(socket, 'alerts:snapshot');
    const pushed = next<AlertView>(socket, 'alert:acknowledged');
    const acked = await office.api('POST', `/alerts/${alert.id}/ack`, { token: manager, body: { comment: 'باجهٔ ۲ باز شد.' } });
    assert.equal(acked.status, 200);
    assert.equal(acked.body.alert.acknowledged.comment, 'باجهٔ ۲ باز شد.');
    assert.equal(acked.body.alert.acknowledged.byName, 'مدیر اداره');
    assert.equal((await pushed).acknowledged?.at, office.clock.now);
    const twice = await office.api('POST', `/alerts/${alert.id}/ack`, { token: manager, body: { comment: 'دوباره' } });
    assert.equal(twice.status, 409);

    await office.restart();
    const [after] = await alerts();
    assert.deepEqual(after?.acknowledged, acked.body.alert.acknowledged);
    assert.notEqual(after?.clearedAt, null, 'still the cleared alert it was');
  });

  it('a paired display that loses its socket past the grace time raises an offline alert, cleared when it is back', async () => {
    const { token } = office.server.accounts.addDevice('display', 'تابلوی سالن انتظار', null);
    const display = client(office.server.url, { token });
    await next(display, 'board:snapshot');
    display.close();
    // The server hears the disconnect in its own time: move the clock past the grace time until it has.
    let offline: AlertView | undefined;
    for (let attempt = 0; attempt < 50 && !offline; attempt++) {
      office.clock.advance(61);
      offline = (await alerts()).find((a) => a.kind === 'device' && a.clearedAt === null);
    }
    assert.ok(offline, 'the display is reported offline');
    assert.match(offline.message, /نمایشگر «تابلوی سالن انتظار»/);

    const back = client(office.server.url, { token });
    sockets.push(back);
    await next(back, 'board:snapshot');
    const listed = await alerts();
    assert.notEqual(listed.find((a) => a.id === offline.id)?.clearedAt, null);
  });
});
