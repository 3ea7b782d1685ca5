// The long office day of test/load (3,000 visitors, 12 desks, 8 services, kiosks and clerks over
// HTTP, a display and every desk on Socket.IO, the server's clock moved in steps) as figures: how
// fast the real server gets through it, and its memory over the day. Server and load driver share
// this process (the clock is injected in-process), so RSS counts both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestOffice } from '../integration/lib/office-server.js';
import { generateVisitors, largeOffice, runDay } from '../load/lib/long-day.js';
import type { BenchFigure } from './figure.js';
import { mb } from './lib/temp.js';

const VISITORS = 3000;
const OPENING = Date.parse('2026-11-22T04:00:00Z');

export default async (): Promise<BenchFigure[]> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nobat-bench-day-'));
  const unlimited = { capacity: 1e9, refillPerSecond: 1e9 };
  const office = await startTestOffice({ config: largeOffice(), dataDir, now: OPENING, limits: { http: unlimited, socket: unlimited } });
  try {
    const run = await runDay(office, generateVisitors(VISITORS, 1405), { sampleEverySeconds: 1800 });
    const seconds = run.elapsedMs / 1000;
    const heap = run.memory.map((s) => mb(s.heapUsed));
    const rss = run.memory.map((s) => mb(s.rss));
    const virtualHours = (run.memory.at(-1)?.at ?? 0) / 3600;
    const detail = `${VISITORS} visitors, 12 desks, 8 services, ${virtualHours.toFixed(1)} office hours replayed in ${seconds.toFixed(0)} s (${(virtualHours * 3600 / seconds).toFixed(0)}× real time): ${run.requests} HTTP requests (4 paired kiosks, 12 clerks with X-Request-Id), a display and 12 desk sockets, virtual printer rendering every slip; server and driver in one process`;
    const series = (values: number[]) => values.map((v) => v.toFixed(1)).join(' → ');
    return [
      { name: 'long day: tickets/s through the real server', value: VISITORS / seconds, unit: '/s', detail },
      { name: 'long day: HTTP requests/s', value: run.requests / seconds, unit: '/s', detail },
      { name: 'long day: RSS, highest', value: Math.max(...rss), unit: 'MB', detail: `RSS every half office hour (MB): ${series(rss)}` },
      { name: 'long day: heap after GC, end minus first half hour', value: (heap.at(-1) ?? 0) - (heap[1] ?? 0), unit: 'MB', detail: `heap used after a full GC every half office hour (MB): ${series(heap)}` },
    ];
  } finally {
    await office.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
