// Child-process entry of the long-day bench: runs the day (server and load driver together, since
// the server's clock is injected in-process) and sends the run's figures back over IPC.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestOffice } from '../../integration/lib/office-server.js';
import { generateVisitors, largeOffice, runDay } from '../../load/lib/long-day.js';

const visitors = Number(process.argv[2]);
const opening = Date.parse('2026-11-22T04:00:00Z');
const dataDir = mkdtempSync(join(tmpdir(), 'nobat-bench-day-'));
const unlimited = { capacity: 1e9, refillPerSecond: 1e9 };
const office = await startTestOffice({ config: largeOffice(), dataDir, now: opening, limits: { http: unlimited, socket: unlimited } });
try {
  const run = await runDay(office, generateVisitors(visitors, 1405), { sampleEverySeconds: 1800 });
  process.send?.({ elapsedMs: run.elapsedMs, requests: run.requests, memory: run.memory });
} finally {
  await office.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
