// Issue 5 end to end: a satisfaction keypad's simulator presses buttons through a socat pty into the
// real server, each rating lands on the ticket the desk had just finished and on its hour, and the
// manager's screen shows them: today's figure live, and the desk's ratings in the history tab.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startKeypadSim, type SimulatedKeypad } from '../../drivers/sim/keypad-sim.js';
import { SocatPair } from '../../drivers/sim/socat-pair.js';
import { demoOffice } from '../../server/config/demo-office.js';
import { parseOffice } from '../../server/config/load.js';
import type { KeypadStatus } from '../../server/keypads/hub.js';
import { waitForEvent } from '../keypad/wait-for.js';
import { fa, launchChromium, screenshot } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

describe('keypad presses reach the manager screen', () => {
  let dir: string;
  let pair: SocatPair;
  let sim: SimulatedKeypad;
  let browser: Browser;
  let office: E2eOffice;
  let clerk: string;
  let kiosk: string;
  let dashboard: Page;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nobat-keypad-e2e-'));
    pair = new SocatPair(dir);
    await pair.start();
    const config = parseOffice(
      {
        ...demoOffice,
        users: [
          { username: 'clerk', name: 'کارمند باجه', role: 'staff', password: 'clerk-pass-1' },
          { username: 'boss', name: 'مدیر اداره', role: 'manager', password: 'boss-pass-1' },
        ],
        keypads: [{ id: 'kp-desk', kind: 'desk', deskId: 'desk-1', path: pair.b }],
      },
      'keypad e2e office',
    );
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice({ config })]);
    sim = await startKeypadSim({ path: pair.a, device: 'DESK1', buttons: 5, baudRate: 115200, helloMs: 1_000 });
    const hub = office.server.keypads;
    const online = (k: KeypadStatus) => k.id === 'kp-desk' && k.online && k.bootId === sim.bootId;
    if (!hub.health().some(online)) await waitForEvent<KeypadStatus>(hub, 'health', online, 15_000);
    kiosk = office.server.accounts.addDevice('kiosk', 'کیوسک ورودی', null).token;
    clerk = (await office.api('POST', '/auth/login', { body: { username: 'clerk', password: 'clerk-pass-1', deskId: 'desk-1' } })).body.token;

    dashboard = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    dashboard.on('pageerror', (error) => assert.fail(`manager page error: ${error.message}`));
    await dashboard.goto(`${office.url}/manager`);
    await dashboard.locator('nb-manager-sign-in input[name="username"]').fill('boss');
    await dashboard.locator('nb-manager-sign-in input[name="password"]').fill('boss-pass-1');
    await dashboard.locator('nb-manager-sign-in button[type="submit"]').click();
    await dashboard.locator('nb-live-tab [data-total="ratings"]').waitFor();
  });
  after(async () => {
    await browser?.close();
    await sim?.close();
    await office?.dispose();
    await pair?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A visitor served from start to finish at desk 1, then rating it on the desk's keypad. */
  async function serveAndRate(button: number): Promise<string> {
    const issued = await office.api('POST', '/tickets', { token: kiosk, body: { serviceId: 'certificate' } });
    assert.equal(issued.status, 201);
    const id = issued.body.id as string;
    for (const step of ['/desks/desk-1/next', `/tickets/${id}/start`]) assert.equal((await office.api('POST', step, { token: clerk })).status, 200, step);
    const armed = waitForEvent<string>(sim, 'armed');
    assert.equal((await office.api('POST', `/tickets/${id}/finish`, { token: clerk, body: {} })).status, 200);
    await armed;
    assert.equal(await sim.press(button), true, 'the server acknowledged the press after storing it');
    return id;
  }

  it('lands each rating on its ticket and hour, and the manager sees them', async () => {
    const best = await serveAndRate(5);
    const poor = await serveAndRate(2);

    const rows = office.server.db
      .prepare(`SELECT r.ticket_id AS ticket, r.button, r.hour, t.hour AS ticketHour, r.jday, t.jday AS ticketDay, r.desk_id AS desk
        FROM ratings r JOIN tickets t ON t.id = r.ticket_id ORDER BY r.id`)
      .all() as Array<{ ticket: string; button: number; hour: number; ticketHour: number; jday: string; ticketDay: string; desk: string }>;
    assert.deepEqual(rows.map((r) => [r.ticket, r.button, r.desk]), [[best, 5, 'desk-1'], [poor, 2, 'desk-1']]);
    const officeHour = Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: office.server.config.timeZone }).format(new Date()));
    for (const row of rows) {
      assert.equal(row.jday, row.ticketDay);
      // Served and rated within the same minute, unless the test straddled an hour boundary.
      assert.ok([officeHour, (officeHour + 23) % 24].includes(row.hour), `rating hour ${row.hour}, office hour ${officeHour}`);
    }

    const mean = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 1 }).format(3.5);
    const today = dashboard.locator('nb-live-tab [data-total="ratings"]');
    await today.filter({ hasText: mean }).filter({ hasText: `${fa(2)} رأی` }).waitFor();
    await screenshot(dashboard, 'keypad-ratings-manager-today');

    await dashboard.locator('nav button[data-tab="history"]').click();
    const desks = dashboard.locator('nb-history-tab nb-sort-table.desks');
    await desks.locator('tbody td[data-key="ratings"]', { hasText: fa(2) }).waitFor();
    await desks.locator('tbody td[data-key="ratingMean"]', { hasText: mean }).waitFor();
  });
});
