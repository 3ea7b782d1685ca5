// SQLite's file cannot take more: the disk is full (a real SQLITE_FULL from the server's own
// connection, made with `PRAGMA max_page_count` so that it is the same as root or not) or the
// database is read-only (`PRAGMA query_only`, SQLite's SQLITE_READONLY). The server refuses with
// 503 and a Persian message that the kiosk shows, loses and corrupts nothing, keeps numbering
// without gaps, and serves again as soon as the space returns, without a restart.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { io as connect, type Socket } from 'socket.io-client';
import { startTestOffice, type TestOffice } from '../integration/lib/office-server.js';
import { launchChromium, screenshot } from '../e2e/lib/browser.js';
import { logAndProjectionDisagreements, ticketRows, withDb } from './lib/db.js';

const STORAGE_MESSAGE = /ثبت اطلاعات اکنون ممکن نیست/;
const SERVICES = ['certificate', 'payment', 'request'] as const;
/** SQLite's own ceiling for max_page_count: no limit in practice. */
const NO_LIMIT = 1_073_741_823;

interface Board {
  seq: number;
  services: Array<{ id: string; waiting: number }>;
}

function waitingInStore(dataDir: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of withDb(dataDir, ticketRows)) if (row.status === 'issued') counts[row.service_id] = (counts[row.service_id] ?? 0) + 1;
  return counts;
}

function waitingOnBoard(board: Board): Record<string, number> {
  return Object.fromEntries(board.services.filter((s) => s.waiting > 0).map((s) => [s.id, s.waiting]));
}

/** Per service, the day's counters are 1, 2, 3, … with no number skipped and none used twice. */
function assertNumberingWithoutGaps(dataDir: string): void {
  const counters = new Map<string, number[]>();
  for (const row of withDb(dataDir, ticketRows)) counters.set(row.first_service_id, [...(counters.get(row.first_service_id) ?? []), row.counter]);
  for (const [serviceId, list] of counters) {
    assert.deepEqual([...list].sort((a, b) => a - b), list.map((_, i) => i + 1), `${serviceId}: counters without gaps or repeats`);
  }
}

function assertStoreSound(office: TestOffice): void {
  assert.equal(office.server.db.pragma('integrity_check', { simple: true }), 'ok');
  withDb(office.dataDir, (db) => assert.deepEqual(logAndProjectionDisagreements(db), []));
  assertNumberingWithoutGaps(office.dataDir);
}

/** A display paired with a token, keeping the latest board it was sent. */
function displaySocket(url: string, token: string): { socket: Socket; latest(): Board | undefined; boardWhere(test: (b: Board) => boolean): Promise<Board> } {
  let latest: Board | undefined;
  const waiters: Array<{ test: (b: Board) => boolean; resolve: (b: Board) => void }> = [];
  const socket = connect(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnectionDelay: 100 });
  socket.on('board:snapshot', (board: Board) => {
    latest = board;
    for (const waiter of waiters.filter((w) => w.test(board))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(board);
    }
  });
  return {
    socket,
    latest: () => latest,
    boardWhere: (test) => (latest && test(latest) ? Promise.resolve(latest) : new Promise((resolve) => waiters.push({ test, resolve }))),
  };
}

describe('the database cannot be written', () => {
  let office: TestOffice;
  let browser: Browser;
  let kioskToken: string;
  let displayToken: string;
  let staffToken: string;
  const sockets: Socket[] = [];
  /** The ticket desk-1 holds after the first test. */
  let calledId: string;

  before(async () => {
    [office, browser] = await Promise.all([startTestOffice(), launchChromium()]);
    kioskToken = office.server.accounts.addDevice('kiosk', 'entrance', null).token;
    displayToken = office.server.accounts.addDevice('display', 'hall', null).token;
    staffToken = await office.login('staff1', 'desk-1');
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await browser?.close();
    await office?.stop();
  });

  const issue = (serviceId: string, key?: string) =>
    office.api('POST', '/tickets', { token: kioskToken, body: { serviceId }, headers: key ? { 'idempotency-key': key } : {} });
  const seq = async () => (await office.api('GET', '/health')).body.seq as number;

  test('a full disk: 503 with a Persian message the kiosk shows, nothing lost, and service again when space returns', { timeout: 90_000 }, async () => {
    const display = displaySocket(office.server.url, displayToken);
    sockets.push(display.socket);
    for (let n = 0; n < 6; n++) assert.equal((await issue(SERVICES[n % 3]!)).status, 201);

    // The disk fills: the file may not grow by a page. Tickets go on until a write needs one.
    const db = office.server.db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let refusedKey: string | undefined;
    let refused: Awaited<ReturnType<typeof issue>> | undefined;
    for (let n = 0; n < 2000 && !refused; n++) {
      const key = `disk-full-${n}`;
      const answer = await issue(SERVICES[n % 3]!, key);
      if (answer.status === 503) [refused, refusedKey] = [answer, key];
      else assert.equal(answer.status, 201, JSON.stringify(answer.body));
    }
    assert.ok(refused && refusedKey, 'the disk filled up within 2000 tickets');
    assert.equal(refused.body.error.code, 'storage_unavailable');
    assert.match(refused.body.error.message, STORAGE_MESSAGE);

    // While full: the same press retried, and other tickets, are refused alike and change nothing;
    // reads still work, and what the server holds in memory is what the file holds.
    const seqFull = await seq();
    for (const key of [refusedKey, refusedKey, 'disk-full-other']) {
      const again = await issue('certificate', key);
      assert.equal(again.status, 503, JSON.stringify(again.body));
      assert.match(again.body.error.message, STORAGE_MESSAGE);
    }
    assert.equal(await seq(), seqFull, 'a refused ticket left no event');
    const services = await office.api('GET', '/services', { token: kioskToken });
    assert.equal(services.status, 200, 'a paired kiosk still reads the services');
    assert.deepEqual(
      Object.fromEntries((services.body as Array<{ id: string; waiting: number }>).filter((s) => s.waiting > 0).map((s) => [s.id, s.waiting])),
      waitingInStore(office.dataDir),
    );

    // The kiosk, in Chromium, shows the server's own message while it keeps retrying its press.
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    page.on('pageerror', (error) => assert.fail(`kiosk page error: ${error.message}`));
    await page.goto(`${office.server.url}/kiosk?token=${kioskToken}`);
    await page.locator('nb-service-tile button[data-service="payment"]').click();
    const refusedOnPage = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.status() === 503);
    const issuedOnPage = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.status() === 201, { timeout: 60_000 });
    await page.getByRole('button', { name: 'گرفتن نوبت' }).click();
    await refusedOnPage;
    const status = page.locator('nb-service-page p.message[role="status"][data-cause="server"]');
    await status.waitFor();
    assert.match(await status.innerText(), STORAGE_MESSAGE);
    await screenshot(page, 'kiosk-storage-full-fa');

    // Space returns: the kiosk's retry is answered without a restart, with the next number.
    const lastPayment = Math.max(...withDb(office.dataDir, ticketRows).filter((r) => r.first_service_id === 'payment').map((r) => r.counter));
    db.pragma(`max_page_count = ${NO_LIMIT}`);
    const kioskTicket = (await (await issuedOnPage).json()) as { id: string; number: string };
    await page.locator(`nb-ticket-view .number[data-number="${kioskTicket.number}"]`).waitFor();
    const row = withDb(office.dataDir, ticketRows).find((r) => r.id === kioskTicket.id);
    assert.equal(row?.counter, lastPayment + 1, 'the refused attempts used up no number');
    await page.close();

    const retried = await issue('certificate', refusedKey);
    assert.equal(retried.status, 201);
    const replayed = await issue('certificate', refusedKey);
    assert.equal(replayed.body.id, retried.body.id, 'the retried key names one ticket');
    assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
    const next = await office.api('POST', '/desks/desk-1/next', { token: staffToken, headers: { 'x-request-id': 'after-full' } });
    assert.equal(next.status, 200, JSON.stringify(next.body));
    calledId = next.body.ticket.id;

    // The display's board catches up with the store, and the file is sound.
    const lastSeq = await seq();
    const board = await display.boardWhere((b) => b.seq === lastSeq);
    assert.deepEqual(waitingOnBoard(board), waitingInStore(office.dataDir));
    assertStoreSound(office);
  });

  test('a read-only database: writes refused with 503, reads and reconnections go on, writes resume', { timeout: 60_000 }, async () => {
    const db = office.server.db;
    const before = await seq();
    db.pragma('query_only = ON');
    try {
      const refused = await issue('request', 'read-only-1');
      assert.equal(refused.status, 503, JSON.stringify(refused.body));
      assert.equal(refused.body.error.code, 'storage_unavailable');
      assert.match(refused.body.error.message, STORAGE_MESSAGE);
      const start = await office.api('POST', `/tickets/${calledId}/start`, { token: staffToken, headers: { 'x-request-id': 'read-only-start' } });
      assert.equal(start.status, 503, JSON.stringify(start.body));
      const login = await office.api('POST', '/auth/login', { body: { username: 'staff2', password: 'demo', deskId: 'desk-2' } });
      assert.equal(login.status, 503, 'signing in needs a write too, and says so');
      assert.match(login.body.error.message, STORAGE_MESSAGE);

      // A paired device is still recognised: the kiosk reads, a display (re)connects and gets its board.
      assert.equal((await office.api('GET', '/services', { token: kioskToken })).status, 200);
      const display = displaySocket(office.server.url, displayToken);
      sockets.push(display.socket);
      const board = await display.boardWhere(() => true);
      assert.equal(board.seq, before);
      assert.deepEqual(waitingOnBoard(board), waitingInStore(office.dataDir));
      assert.equal(await seq(), before);
    } finally {
      db.pragma('query_only = OFF');
    }
    const issued = await issue('request', 'read-only-1');
    assert.equal(issued.status, 201, 'the refused press succeeds once the database is writable again');
    const start = await office.api('POST', `/tickets/${calledId}/start`, { token: staffToken, headers: { 'x-request-id': 'read-only-start' } });
    assert.equal(start.status, 200, 'and so does the clerk\'s');
    assert.equal(start.body.ticket.status, 'serving');
    assertStoreSound(office);

    // After a restart the server holds exactly what it held before it.
    const lines = async () => ((await office.api('GET', '/services', { token: kioskToken })).body as Array<{ id: string; waiting: number }>).map(({ id, waiting }) => ({ id, waiting }));
    const linesBefore = await lines();
    await office.restart();
    assert.deepEqual(await lines(), linesBefore);
  });
});
