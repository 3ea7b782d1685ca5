// The waiting-room board's layout in a real browser against a real demo-office server, on the TV
// sizes offices have: the called number and desk read from the back of the hall (the desk ≥ 140 px
// at 1920×1080, scaled with the screen), and with more calls than the panel holds, every recent row
// shows whole: a row cut at the bottom reads as a wrong number.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './lib/browser.js';
import { startE2eOffice, type E2eOffice } from './lib/office.js';

type Box = { x: number; y: number; width: number; height: number };

/** Half a pixel of rounding allowed. */
function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
}

describe('display layout', () => {
  let browser: Browser;
  let office: E2eOffice;
  let board: Page;

  before(async () => {
    [browser, office] = await Promise.all([launchChromium(), startE2eOffice()]);
    const tokens: Record<string, string> = {};
    for (const [user, desk] of [['staff1', 'desk-1'], ['staff2', 'desk-2'], ['staff3', 'desk-3'], ['staff4', 'desk-4']] as const) tokens[desk] = await office.login(user, desk);
    // Twelve calls, each desk starting its last one before calling the next: more numbers than fit.
    for (let round = 0; round < 3; round++) {
      for (const service of ['payment', 'request', 'complaint', 'certificate']) assert.equal((await office.api('POST', '/tickets', { body: { serviceId: service } })).status, 201);
      for (const desk of Object.keys(tokens)) {
        const current = office.server.office.state.desks.get(desk)?.currentTicketId;
        if (current) assert.equal((await office.api('POST', `/tickets/${current}/start`, { token: tokens[desk] })).status, 200);
        assert.equal((await office.api('POST', `/desks/${desk}/next`, { token: tokens[desk] })).status, 200);
      }
    }
    board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    board.on('pageerror', (error) => assert.fail(`display page error: ${error.message}`));
    await board.goto(`${office.url}/display?mute=1`);
    await board.locator('nb-recent-calls li[data-number]').first().waitFor();
  });
  after(async () => {
    await browser?.close();
    await office?.dispose();
  });

  const boxOf = async (selector: string): Promise<Box> => (await board.locator(selector).boundingBox())!;

  for (const viewport of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }, { width: 1080, height: 1920 }]) {
    const size = `${viewport.width}×${viewport.height}`;
    test(`at ${size} the desk number is large and no part of the board is cut`, async () => {
      await board.setViewportSize(viewport);
      // The recent list measures itself after layout: two frames, once the web font has loaded.
      await board.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
      const screen = { x: 0, y: 0, ...viewport };

      const deskPx = await board.locator('nb-latest-call .desk').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      const shortSide = Math.min(viewport.width * (9 / 16), viewport.height);
      assert.ok(deskPx >= 140 * (shortSide / 1080), `the desk number is ${deskPx} px`);
      const latest = await boxOf('nb-latest-call .panel');
      assert.ok(inside(latest, screen), 'the latest call leaves the screen');
      for (const part of ['.number', '.to-desk', '.service']) assert.ok(inside(await boxOf(`nb-latest-call ${part}`), latest), `the latest call's ${part} is cut`);

      const recent = await boxOf('nb-recent-calls .panel');
      assert.ok(inside(recent, screen), 'the recent calls leave the screen');
      const rows = await board.locator('nb-recent-calls li[data-number]').all();
      assert.ok(rows.length >= 4, `only ${rows.length} recent rows`);
      for (const row of rows) assert.ok(inside((await row.boundingBox())!, recent), `recent row ${await row.getAttribute('data-number')} is cut`);
      const lines = await boxOf('nb-service-lines .panel');
      for (const row of await board.locator('nb-service-lines tr[data-service]').all()) assert.ok(inside((await row.boundingBox())!, lines), 'a service line is cut');
      await screenshot(board, `display-layout-${viewport.width}x${viewport.height}`);
    });
  }
});
