// Statistics over a year of a large office (lib/stats-year.ts: two million tickets and their keypad
// ratings in a real SQLite file, cached under bench/out/): everything the manager screen's month view
// and the indicators report compute for one Jalali month, with its days kept (as the server has them
// once its background fill is done) and the first time (each day computed from the tickets); a year's
// indicators; and the real server started on that file until it answers /api/v1/health.
import { spawn } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadOfficeFile } from '../../server/config/load.js';
import { StatsDays } from '../../server/stats/days.js';
import { statsRange } from '../../server/stats/range.js';
import { indicatorsReport, statsReports } from '../../server/stats/report.js';
import { GROUPINGS } from '../../server/stats/types.js';
import { startServer } from '../../server/main.js';
import { openDatabase } from '../../server/store/open.js';
import { freePort } from '../faults/lib/spawn-server.js';
import { percentile, type BenchFigure } from './figure.js';
import { startCommand } from './lib/child.js';
import { JALALI_YEAR, statsYear } from './lib/stats-year.js';
import { quietLog, tempDir } from './lib/temp.js';

const REPO = join(import.meta.dirname, '..', '..');
const RUNS = 7;
const STARTS = 3;

export default async (): Promise<BenchFigure[]> => {
  const year = statsYear(join(REPO, 'bench', 'out'));
  const generation = year.generated ? `generated in ${(year.generateMs / 1000).toFixed(0)} s` : 'reused from bench/out/';
  const config = loadOfficeFile(year.officeFile);

  // Measured on a copy, so that the cached year stays as generated (no kept days, no seeded config).
  const dataDir = tempDir('nobat-stats-bench-');
  cpSync(year.dataDir, dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, 'nobat.db'));
  const tickets = (db.prepare(`SELECT COUNT(*) AS n FROM tickets`).get() as { n: number }).n;
  const ratings = (db.prepare(`SELECT COUNT(*) AS n FROM ratings`).get() as { n: number }).n;
  // The clock a year later: every day of the generated year is over.
  const stats = new StatsDays(db, () => config, () => Date.parse(`${JALALI_YEAR + 621 + 1}-06-01T08:00:00Z`));
  const month = statsRange(year.month);
  const monthTickets = (db.prepare(`SELECT COUNT(*) AS n FROM tickets WHERE day BETWEEN ? AND ?`).get(month.from, month.to) as { n: number }).n;
  const everything = async (range = month) => {
    await statsReports(stats, range, GROUPINGS);
    await indicatorsReport(stats, range);
  };

  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    db.prepare(`DELETE FROM stats_days`).run();
    cold.push(await timedAsync(() => everything()));
  }
  const kept: number[] = [];
  for (let i = 0; i < RUNS; i++) kept.push(await timedAsync(() => everything()));
  const wholeYear = statsRange(String(JALALI_YEAR));
  await timedAsync(() => indicatorsReport(stats, wholeYear)); // computes and keeps the rest of the year
  const yearKept: number[] = [];
  for (let i = 0; i < 3; i++) yearKept.push(await timedAsync(() => indicatorsReport(stats, wholeYear)));
  db.prepare(`DELETE FROM stats_days`).run();
  await stats.close();
  db.close();

  const starts: number[] = [];
  for (let i = 0; i < STARTS; i++) starts.push(await spawnToHealthy(dataDir, year.officeFile));
  const inProcess: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const started = performance.now();
    const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', config, log: quietLog });
    inProcess.push(performance.now() - started);
    await server.close();
  }
  const emptyDir = tempDir('nobat-stats-bench-empty-');
  const emptyStarts: number[] = [];
  for (let i = 0; i < STARTS; i++) emptyStarts.push(await spawnToHealthy(emptyDir, year.officeFile));
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(emptyDir, { recursive: true, force: true });

  [cold, kept, yearKept, starts, inProcess, emptyStarts].forEach((list) => list.sort((a, b) => a - b));
  const data = `${tickets.toLocaleString('en')} tickets and ${ratings.toLocaleString('en')} ratings over Jalali ${JALALI_YEAR} (${generation}), 60 desks, 6 services`;
  const monthDetail = `Jalali month ${year.month} (${monthTickets.toLocaleString('en')} tickets): the report by service, desk, staff, hour and day plus indicators 8–11, in process on the database file; ${data}`;
  return [
    { name: "a month's statistics, days kept (median)", value: percentile(kept, 50), unit: 'ms', target: { op: '<=', value: 500 }, detail: `${monthDetail}; every day already in stats_days, as the server has them after its background fill; ${RUNS} runs, max ${kept.at(-1)!.toFixed(0)} ms` },
    { name: "a month's statistics, first time (median)", value: percentile(cold, 50), unit: 'ms', detail: `${monthDetail}; stats_days emptied before each run, so each day is aggregated from the tickets (and kept); 3 runs` },
    { name: "a year's indicators report, days kept (median)", value: percentile(yearKept, 50), unit: 'ms', detail: `indicators 8–11 for Jalali ${JALALI_YEAR}; ${data}` },
    { name: 'server start to ready, a year of data (median)', value: percentile(starts, 50), unit: 'ms', target: { op: '<=', value: 1500 }, detail: `\`node bin/nobat.js start\` spawned on the year's database and office file until GET /api/v1/health answers 200 (process start and module loading included); ${STARTS} starts, max ${starts.at(-1)!.toFixed(0)} ms; ${data}` },
    { name: 'server start to ready, empty database (median)', value: percentile(emptyStarts, 50), unit: 'ms', detail: `the same command and office file on an empty data directory, for comparison: what the year of data adds is the difference; ${STARTS} starts` },
    { name: 'startServer() to listening, a year of data (median)', value: percentile(inProcess, 50), unit: 'ms', detail: `in the bench process (modules already loaded): opening the database, restoring the open tickets, counters and desks, the read model and listening; ${STARTS} starts; ${data}` },
  ];
};

async function timedAsync(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function spawnToHealthy(dataDir: string, officeFile: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const start = startCommand();
  const child = spawn(process.execPath, [...start.nodeFlags, 'bin/nobat.js', 'start', '--port', String(port), '--data', dataDir, '--office', officeFile], {
    cwd: REPO,
    env: { ...process.env, NOBAT_OFFICE: '', PORT: '', ...start.env },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`nobat exited with ${child.exitCode} before it was ready`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
        if (response.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
