// The kiosk as a visitor meets it: from the touch on "take a ticket" to the print job handed to the
// printer (the virtual printer's file written), in Debian's Chromium against a real server; and the
// JavaScript the kiosk page loads, gzip-compressed, as a cheap kiosk PC on office Wi-Fi fetches it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from '../../server/main.js';
import { createLogger } from '../../server/log.js';
import { launchChromium } from '../e2e/lib/browser.js';
import { percentile, type BenchFigure } from './figure.js';

const TOUCHES = 25;
const DIST = resolve(import.meta.dirname, '../../dist');

export default async function run(): Promise<BenchFigure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nobat-bench-kiosk-'));
  const [browser, server] = await Promise.all([launchChromium(), startServer({ dataDir, port: 0, host: '127.0.0.1', log: createLogger({ quiet: true }) })]);
  const latencies: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${server.url}/kiosk`);
    for (let i = 0; i < TOUCHES; i++) {
      await page.locator('nb-service-tile button[data-service="payment"]').click();
      const take = page.getByRole('button', { name: 'گرفتن نوبت' });
      await take.waitFor();
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
      const touched = performance.now();
      await take.click();
      const { id } = (await (await answer).json()) as { id: string };
      const job = join(dataDir, 'printed', `${id.replace(/[^\p{L}\p{N}_-]/gu, '_')}.bin`);
      while (!existsSync(job)) await new Promise((r) => setTimeout(r, 2));
      latencies.push(performance.now() - touched);
      await page.getByRole('button', { name: 'تمام' }).click();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  latencies.sort((a, b) => a - b);
  const detail = `${TOUCHES} touches in headless Chromium, virtual printer (render + ESC/POS encode + file write in the print worker), in-process server`;
  return [
    { name: 'kiosk touch to print job written, p50', value: percentile(latencies, 50), unit: 'ms', detail },
    { name: 'kiosk touch to print job written, p99', value: percentile(latencies, 99), unit: 'ms', target: { op: '<=', value: 300 }, detail },
    { name: 'kiosk JavaScript, gzip', value: kioskScriptBytes() / 1024, unit: 'KiB', detail: 'every script dist/kiosk/index.html loads, gzip level 9' },
  ];
}

function kioskScriptBytes(): number {
  const html = readFileSync(join(DIST, 'kiosk', 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(DIST, path)), { level: 9 }).length, 0);
}
