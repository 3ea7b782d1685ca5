// The waiting-room display in a real browser against a real demo-office server: calls made through
// the API show up large with their desk and are announced one after another, clip by clip; a recall
// is announced again; the board rides out a server restart by itself, reloads itself when a new
// build is served, and keeps a flat heap over a long run of calls.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AnnouncementRecord } from '../../display/src/voice/scheduler.js';
import { callClips } from '../../display/src/voice/call-clips.js';
import { fa, screenshot } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

const FULL_HD = { width: 1920, height: 1080 };
const HD = { width: 1280, height: 720 };

/** test/e2e/lib's Chromium, allowed to play sound without a click, as a TV in kiosk mode is started. */
function launchTvChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
}

describe('display', () => {
  let browser: Browser;
  let office: E2eOffice;
  let page: Page;
  const tokens: Record<string, string> = {};

  before(async () => {
    [browser, office] = await Promise.all([launchTvChromium(), startE2eOffice()]);
    for (const [user, desk] of [['staff1', 'desk-1'], ['staff2', 'desk-2'], ['staff3', 'desk-3'], ['staff4', 'desk-4']] as const) tokens[desk] = await office.login(user, desk);
    page = await browser.newPage({ viewport: FULL_HD });
    page.on('pageerror', (error) => assert.fail(`display page error: ${error.message}`));
    await page.goto(`${office.url}/display`);
    await page.locator('nb-service-lines tr[data-service="certificate"]').waitFor();
  });
  after(async () => {
    await browser?.close();
    await office?.dispose();
  });

  const issue = async (serviceId: string): Promise<{ id: string; number: string }> => {
    const { status, body } = await office.api('POST', '/tickets', { body: { serviceId } });
    assert.equal(status, 201);
    return body;
  };
  const next = async (deskId: string): Promise<{ id: string; number: string }> => {
    const { status, body } = await office.api('POST', `/desks/${deskId}/next`, { token: tokens[deskId] });
    assert.equal(status, 200, JSON.stringify(body));
    return body.ticket;
  };
  const announcements = (): Promise<AnnouncementRecord[]> => page.evaluate(() => window.__nbAnnouncements ?? []);
  const waitForAnnouncements = (count: number) => page.waitForFunction((n) => (window.__nbAnnouncements?.length ?? 0) >= n, count, { timeout: 20_000 });
  const latest = (number: string, desk: number) => page.locator(`nb-latest-call .panel[data-number="${number}"][data-desk="${desk}"]`);

  test('two calls in quick succession: the latest large with its desk, both announced in order with no overlap', async () => {
    assert.equal(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang].join()), 'rtl,fa');
    const first = await issue('certificate');
    const second = await issue('request');
    await issue('payment');
    await issue('complaint');
    await page.locator('nb-service-lines tr[data-service="certificate"] .waiting', { hasText: fa(1) }).waitFor();

    const calledFirst = await next('desk-1');
    const calledSecond = await next('desk-3');
    assert.deepEqual([calledFirst.number, calledSecond.number], [first.number, second.number]);

    await latest(second.number, 3).waitFor();
    assert.equal(await page.locator('nb-latest-call .number').textContent(), fa(second.number));
    assert.equal(await page.locator('nb-latest-call .desk').textContent(), fa(3));
    await page.locator(`nb-recent-calls li[data-number="${first.number}"] .desk`, { hasText: fa(1) }).waitFor();
    await page.locator('nb-latest-call[highlighted]').waitFor();

    await waitForAnnouncements(2);
    const [a, b] = await announcements();
    assert.deepEqual([a!.number, a!.deskNumber, b!.number, b!.deskNumber], [first.number, 1, second.number, 3]);
    assert.deepEqual(a!.clips, callClips(first.number, 1));
    assert.deepEqual(b!.clips, callClips(second.number, 3));
    assert.deepEqual(a!.played, a!.clips, 'every clip of the first call played to its end');
    assert.deepEqual(b!.played, b!.clips);
    assert.ok(b!.startedAt >= a!.endedAt, `the second call started ${a!.endedAt - b!.startedAt} ms before the first ended`);
    assert.ok(a!.endedAt - a!.startedAt > 2000, 'the first call took as long as its clips');
    await screenshot(page, 'display-1920x1080-fa');

    const text = await page.locator('nb-display-app').innerText();
    assert.doesNotMatch(text, /کارمند|staff/i, 'nothing about people on the board');
  });

  test('a recall is announced again', async () => {
    const before = (await announcements()).length;
    const recalled = [...office.server.office.state.tickets.values()].find((t) => t.status === 'called' && office.server.office.state.desks.get('desk-1')?.currentTicketId === t.id)!;
    const { status } = await office.api('POST', `/tickets/${recalled.id}/recall`, { token: tokens['desk-1'] });
    assert.equal(status, 200);
    await latest(recalled.number, 1).waitFor();
    await page.locator('nb-latest-call .recall').waitFor();
    await waitForAnnouncements(before + 1);
    const last = (await announcements()).at(-1)!;
    assert.deepEqual([last.number, last.deskNumber, last.recall], [recalled.number, 1, true]);
    assert.deepEqual(last.played, callClips(recalled.number, 1));
  });

  test('screenshots at 1280×720, in Persian and English, with a service poster in the slide area, and in portrait', async () => {
    await page.setViewportSize(HD);
    await screenshot(page, 'display-1280x720-fa');
    const english = await browser.newPage({ viewport: FULL_HD });
    await english.goto(`${office.url}/display?lang=en&mute=1`);
    await english.locator('nb-service-lines tr[data-service="certificate"] .name', { hasText: 'Certificates' }).waitFor();
    assert.equal(await english.evaluate(() => document.documentElement.dir), 'ltr');
    await english.locator('nb-slides').evaluate((slides: HTMLElement & { index: number }) => (slides.index = 5));
    await english.locator('nb-slides [data-slide="service-certificate"]').waitFor();
    await screenshot(english, 'display-1920x1080-en');
    await english.setViewportSize(HD);
    await screenshot(english, 'display-1280x720-en');
    await english.close();
    await page.setViewportSize({ width: 1080, height: 1920 });
    await screenshot(page, 'display-portrait-fa');
    await page.setViewportSize(FULL_HD);
  });

  test('the board recovers by itself after a server restart, with a fresh snapshot', async () => {
    await page.evaluate(() => ((window as { __sameDocument?: boolean }).__sameDocument = true));
    await office.stop();
    await page.locator('nb-display-app .offline').waitFor();
    await office.start();
    await page.locator('nb-display-app .offline').waitFor({ state: 'detached', timeout: 15_000 });
    const ticket = await issue('documents');
    await page.locator('nb-service-lines tr[data-service="documents"] .waiting', { hasText: fa(1) }).waitFor();
    const before = (await announcements()).length;
    const { status } = await office.api('POST', '/desks/desk-4/call', { token: tokens['desk-4'], body: { ticketId: ticket.id } });
    assert.equal(status, 200);
    await latest(ticket.number, 4).waitFor();
    await waitForAnnouncements(before + 1);
    assert.equal((await announcements()).at(-1)!.number, ticket.number);
    assert.equal(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument), true, 'recovered without a reload');
  });

  test('a new build served after a restart makes the board reload itself', async () => {
    // The next look at /display answers with another asset name, as a new build would.
    await page.route(`${office.url}/display`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace('</head>', '<link rel="modulepreload" href="/assets/display-NEWBUILD.js"></head>') });
    }, { times: 1 });
    const reloaded = page.waitForEvent('load');
    await office.stop();
    await page.locator('nb-display-app .offline').waitFor();
    await office.start();
    await reloaded;
    await page.locator('nb-service-lines tr[data-service="certificate"]').waitFor();
    assert.equal(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument), undefined, 'a fresh document');
  });

  test('the heap stays flat over a long run of calls', async () => {
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const desks = ['desk-1', 'desk-2', 'desk-3', 'desk-4'];
    // Each round: a ticket for every desk, each desk starts serving and calls the next one.
    const round = async () => {
      for (const service of ['payment', 'request', 'complaint', 'certificate']) await issue(service);
      for (const desk of desks) {
        const current = office.server.office.state.desks.get(desk)?.currentTicketId;
        if (current && office.server.office.state.tickets.get(current)?.status === 'called') await office.api('POST', `/tickets/${current}/start`, { token: tokens[desk] });
        await next(desk);
      }
    };
    for (let i = 0; i < 10; i++) await round();
    const start = await heap();
    const rounds = 100;
    for (let i = 0; i < rounds; i++) await round();
    const lastCall = [...office.server.office.state.tickets.values()].filter((t) => t.status === 'called').sort((x, y) => (y.lastCalledAt ?? 0) - (x.lastCalledAt ?? 0))[0]!;
    await page.locator(`nb-latest-call .panel[data-number="${lastCall.number}"]`).waitFor();
    const end = await heap();
    const log = await announcements();
    console.log(`display heap over ${rounds * desks.length} calls: ${(start / 1e6).toFixed(2)} MB → ${(end / 1e6).toFixed(2)} MB (${((end - start) / 1e3).toFixed(0)} kB); log kept ${log.length}`);
    assert.ok(end - start < 1_000_000, `heap grew by ${end - start} bytes`);
    assert.ok(log.length <= 50);
  });
});
