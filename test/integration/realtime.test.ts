// Socket.IO on the server's port with real clients: the display hears calls with numbers and desks
// only, a tracked ticket follows its status, desks get their view, and an unpaired screen of a
// configured office is turned away.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Socket } from 'socket.io-client';
import { parseOffice } from '../../server/config/load.js';
import { demoOffice } from '../../server/config/demo-office.js';
import { client, next } from './lib/sockets.js';
import { startTestOffice, type TestOffice } from './lib/office-server.js';

describe('realtime', () => {
  let office: TestOffice;
  const sockets: Socket[] = [];
  before(async () => {
    office = await startTestOffice();
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await office.stop();
  });

  it('announces a call to the display with nothing but numbers and desks', async () => {
    const display = client(office.server.url, { screen: 'display' });
    sockets.push(display);
    const board = await next<{ seq: number; services: unknown[] }>(display, 'board:snapshot');
    assert.equal(board.services.length, 6);
    const { body: ticket } = await office.api('POST', '/tickets', { body: { serviceId: 'payment' } });
    const token = await office.login('staff2', 'desk-2');
    const heard = next<Record<string, unknown>>(display, 'call:announced');
    await office.api('POST', '/desks/desk-2/next', { token });
    const call = await heard;
    assert.deepEqual(Object.keys(call).sort(), ['at', 'deskId', 'deskNumber', 'number', 'recall', 'seq', 'serviceId']);
    assert.equal(call.number, ticket.number);
    assert.equal(call.deskNumber, 2);
    assert.equal(call.recall, false);
    const recalled = next<Record<string, unknown>>(display, 'call:announced');
    const boardAfterRecall = next<{ seq: number; calls: Array<{ number: string; recall: boolean }> }>(display, 'board:snapshot', (b) => b.calls[0]?.recall === true);
    await office.api('POST', `/tickets/${ticket.id}/recall`, { token });
    assert.equal((await recalled).recall, true);
    const later = await boardAfterRecall;
    assert.ok(later.seq > board.seq);
    assert.equal(later.calls[0]?.number, ticket.number);
  });

  it('lets a phone follow its ticket until it is called', async () => {
    const { body: ticket } = await office.api('POST', '/tickets', { body: { serviceId: 'complaint' } });
    const phone = client(office.server.url, { ticketId: ticket.id });
    sockets.push(phone);
    const first = await next<{ status: string; number: string }>(phone, 'ticket:snapshot');
    assert.equal(first.status, 'issued');
    assert.equal(first.number, ticket.number);
    const token = await office.login('staff4', 'desk-4');
    const called = next<{ status: string; deskNumber: number }>(phone, 'ticket:snapshot', (m) => m.status === 'called');
    await office.api('POST', '/desks/desk-4/next', { token });
    assert.equal((await called).deskNumber, 4);
  });

  it('tells a phone when its line moves, and never sends it the same view twice', async () => {
    // Its own office: the clock stays put, so estimates stay as they are and only the line moves.
    const quiet = await startTestOffice();
    try {
      const issue = async (serviceId: string) => (await quiet.api('POST', '/tickets', { body: { serviceId } })).body as { id: string };
      await issue('contractor');
      await issue('contractor');
      const mine = await issue('contractor');
      const phone = client(quiet.server.url, { ticketId: mine.id });
      sockets.push(phone);
      const views: Array<{ ahead: number }> = [];
      phone.on('ticket:snapshot', (view: { ahead: number }) => views.push(view));
      const moved = next<{ ahead: number }>(phone, 'ticket:snapshot', (m) => m.ahead === 1);
      await next(phone, 'ticket:snapshot');
      // Commits that leave this ticket as it was: tickets of a service desk 4 does not call.
      for (let i = 0; i < 5; i++) await issue('payment');
      const token = await quiet.login('staff4', 'desk-4');
      await quiet.api('POST', '/desks/desk-4/next', { token });
      assert.equal((await moved).ahead, 1);
      assert.deepEqual(views.map((v) => v.ahead), [2, 1]);
    } finally {
      await quiet.stop();
    }
  });

  it('gives a signed-in desk its own view and refreshes it', async () => {
    const token = await office.login('staff3', 'desk-3');
    const desk = client(office.server.url, { token });
    sockets.push(desk);
    const view = await next<{ desk: { id: string }; waiting: unknown[] }>(desk, 'desk:snapshot');
    assert.equal(view.desk.id, 'desk-3');
    const refreshed = next<{ waiting: Array<{ number: string }> }>(desk, 'desk:snapshot', (m) => m.waiting.length > view.waiting.length);
    const { body: ticket } = await office.api('POST', '/tickets', { body: { serviceId: 'request' } });
    assert.ok((await refreshed).waiting.some((t) => t.number === ticket.number));
  });

  it('sends a reconnecting staff client the events it missed', async () => {
    const token = await office.login('manager');
    const seq = office.server.office.lastSeq();
    await office.api('POST', '/tickets', { body: { serviceId: 'documents' } });
    const manager = client(office.server.url, { token, lastSeq: seq });
    sockets.push(manager);
    const missed = await next<{ seq: number; event: { type: string } }>(manager, 'queue:event');
    assert.equal(missed.seq, seq + 1);
    assert.equal(missed.event.type, 'ticket.issued');
  });
});

describe('realtime in a configured office', () => {
  let office: TestOffice;
  before(async () => {
    office = await startTestOffice({ config: parseOffice({ ...demoOffice, name: 'اداره آزمایشی' }, 'test office') });
  });
  after(() => office.stop());

  it('turns away a display that is not paired, and admits a paired one', async () => {
    const stranger = client(office.server.url, { screen: 'display' });
    const error = await new Promise<Error>((resolve) => stranger.once('connect_error', resolve));
    assert.equal(error.message, 'unauthorized');
    stranger.close();
    const device = office.server.accounts.addDevice('display', 'hall', null);
    const paired = client(office.server.url, { token: device.token });
    const board = await next<{ office: { name: string } }>(paired, 'board:snapshot');
    assert.equal(board.office.name, 'اداره آزمایشی');
    paired.close();
  });

  it('refuses the demo accounts and the unpaired kiosk outside the demo office', async () => {
    const login = await office.api('POST', '/auth/login', { body: { username: 'staff1', password: 'demo', deskId: 'desk-1' } });
    assert.equal(login.status, 401);
    assert.equal((await office.api('POST', '/tickets', { body: { serviceId: 'payment' } })).status, 401);
  });
});
