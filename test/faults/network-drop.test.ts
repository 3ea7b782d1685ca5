// The network between the server and its screens drops and comes back: the kiosk, a desk and the
// display all say they are reconnecting, then catch up by themselves with what happened meanwhile.
// A desk's click and a kiosk's press made while the link was down are applied exactly once, even
// when the server did the work and only its answer was lost.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/main.js';
import type { StoredEvent } from '../../server/store/event-store.js';
import { fa, launchChromium } from '../e2e/lib/browser.js';
import { startE2eOffice, type E2eOffice } from '../e2e/lib/office.js';
import { waitForEvent } from '../keypad/wait-for.js';
import { CuttableProxy } from './lib/cuttable-proxy.js';

describe('network drops between the server and its screens', () => {
  let browser: Browser;
  let office: E2eOffice;
  let link: CuttableProxy;
  let kiosk: Page;
  let desk: Page;
  let display: Page;

  const page = async (path: string, width: number, height: number): Promise<Page> => {
    const opened = await browser.newPage({ viewport: { width, height } });
    opened.on('pageerror', (error) => assert.fail(`${path} page error: ${error.message}`));
    await opened.goto(`${link.url}${path}`);
    return opened;
  };
  const count = (sql: string, ...params: unknown[]): number => (office.server.db.prepare(sql).get(...params) as { n: number }).n;

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice({ virtualKeypads: false })]);
    link = await CuttableProxy.start(office.server.port);
    display = await page('/display', 1920, 1080);
    kiosk = await page('/kiosk', 1080, 1920);
    desk = await page('/desk', 1366, 900);
    await desk.locator('nb-sign-in option[value="desk-1"]').waitFor({ state: 'attached' });
    await desk.locator('nb-sign-in input[name="username"]').fill('staff1');
    await desk.locator('nb-sign-in input[name="password"]').fill(DEMO_PASSWORD);
    await desk.locator('nb-sign-in select[name="deskId"]').selectOption('desk-1');
    await desk.locator('nb-sign-in button[type="submit"]').click();
    await desk.locator('nb-queue-panel').waitFor();
    await kiosk.locator('nb-service-tile button[data-service="certificate"]').waitFor();
  });
  after(async () => {
    await browser?.close();
    await link?.close();
    await office?.dispose();
  });

  it('every screen says it is reconnecting, and catches up with what happened meanwhile', async () => {
    link.cut();
    await kiosk.locator('nb-status-banner .reconnecting').waitFor();
    await desk.locator('.bar.offline').first().waitFor();
    await display.locator('p.offline').waitFor();

    // While the screens are cut off, the office goes on: a ticket is called at desk 2 and another waits.
    const staff2 = await office.login('staff2', 'desk-2');
    const first = (await office.api('POST', '/tickets', { body: { serviceId: 'certificate' } })).body;
    assert.equal((await office.api('POST', '/desks/desk-2/next', { token: staff2, body: {} })).status, 200);
    const second = (await office.api('POST', '/tickets', { body: { serviceId: 'certificate' } })).body;

    // The clerk at desk 1 clicks "next" with no network: the desk keeps trying with the same request id.
    await desk.locator('nb-current-ticket button[data-action="next"]').click();
    await desk.locator('.bar.offline', { hasText: 'دوباره تلاش' }).waitFor();

    link.restore();
    await desk.locator('nb-current-ticket .ticket').filter({ hasText: fa(second.number) }).waitFor();
    await display.locator(`nb-latest-call .panel[data-number="${second.number}"][data-desk="1"]`).waitFor();
    await display.locator('p.offline').waitFor({ state: 'detached' });
    await kiosk.locator('nb-status-banner .reconnecting').waitFor({ state: 'detached' });
    await desk.locator('.bar.offline').waitFor({ state: 'detached' });

    assert.equal(count(`SELECT COUNT(*) AS n FROM events WHERE type = 'ticket.called' AND ticket_id = ?`, second.id), 1, 'the retried click called once');
    assert.equal(count(`SELECT COUNT(*) AS n FROM events WHERE type = 'ticket.called' AND ticket_id = ?`, first.id), 1);
    assert.equal(count(`SELECT COUNT(*) AS n FROM events WHERE type = 'ticket.called' AND desk_id = 'desk-1'`), 1, 'desk 1 called nobody else');
  });

  it('a kiosk press whose answer was lost gives the visitor the one ticket the server made', async () => {
    const before = count(`SELECT COUNT(*) AS n FROM tickets WHERE service_id = 'payment'`);
    await kiosk.locator('nb-service-tile button[data-service="payment"]').click();
    link.loseAnswers();
    const issued = waitForEvent<StoredEvent[]>(office.server.office, 'committed', (stored) => stored.some(({ event }) => event.type === 'ticket.issued'), 30_000);
    await kiosk.getByRole('button', { name: 'گرفتن نوبت' }).click();
    const made = (await issued).find(({ event }) => event.type === 'ticket.issued')!.event;
    // The server committed the ticket; the kiosk never heard. The cable goes, then comes back.
    link.cut();
    link.restore();

    const shown = kiosk.locator('nb-ticket-view .number');
    await shown.waitFor({ timeout: 60_000 });
    assert.equal(await shown.getAttribute('data-number'), 'number' in made ? made.number : undefined);
    assert.equal(count(`SELECT COUNT(*) AS n FROM tickets WHERE service_id = 'payment'`), before + 1, 'one press, one ticket');
  });
});
