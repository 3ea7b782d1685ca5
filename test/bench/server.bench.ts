// Server figures: ticket issue over HTTP from 100 kiosks (open loop at a stated rate, and closed loop
// to saturation), durable tickets per second through the office's command path against bare
// better-sqlite3 inserts of the same rows in the same transactions, start to ready, and RSS. Each
// HTTP run has a fresh server in a child process (lib/host.ts); the load comes from this process.
import { rmSync } from 'node:fs';
import { percentile, type BenchFigure } from './figure.js';
import { startHost, type HostOptions } from './lib/child.js';
import { officeVersusBare } from './lib/durable.js';
import { closedLoop, openLoop, send, type LoadResult } from './lib/http-load.js';
import { connectCrowd } from './lib/sockets.js';
import { mb, tempDir } from './lib/temp.js';

const KIOSKS = 100;
const OPEN_RATE = 1; // tickets a second per kiosk: 100 a second in all, more than an office issues in half an hour
const WINDOW_MS = 3_000;
const TRACKERS = 300; // visitors following their ticket on a phone
const SERVICES = ['certificate', 'payment', 'request', 'complaint', 'documents', 'contractor'];

let n = 0;
const issue = () => ({ method: 'POST' as const, path: '/api/v1/tickets', body: { serviceId: SERVICES[n++ % SERVICES.length] } });

export default async (): Promise<BenchFigure[]> => {
  const open = await onFreshServer({ print: false }, (url) => openLoop(url, KIOSKS, OPEN_RATE, WINDOW_MS, issue));
  const tracked = await onFreshServer({ print: false }, async (url) => {
    const ids: string[] = [];
    for (let i = 0; i < TRACKERS; i++) ids.push(((await send(url, issue())).json as { id: string }).id);
    const phones = await connectCrowd(url, TRACKERS, 'ticket:snapshot', 50, (i) => ({ ticketId: ids[i] }));
    try {
      return await openLoop(url, KIOSKS, OPEN_RATE, WINDOW_MS, issue);
    } finally {
      phones.close();
    }
  });
  const printed = await onFreshServer({}, (url) => openLoop(url, KIOSKS, OPEN_RATE, WINDOW_MS, issue));
  const closed = await onFreshServer({ print: false }, (url) => closedLoop(url, KIOSKS, WINDOW_MS, issue));

  const durableDir = tempDir('nobat-durable-');
  const durable = await officeVersusBare(durableDir, 2, 2000, KIOSKS);
  rmSync(durableDir, { recursive: true, force: true });
  const rate = (run: { tickets: number; ms: number }) => run.tickets / (run.ms / 1000);
  const officeRate = rate(durable.concurrent);
  const bareRate = rate(durable.bareGrouped);
  const closedRate = (closed.load.statuses.get(201) ?? 0) / (closed.load.elapsedMs / 1000);

  const setup = `${KIOSKS} kiosks (node:http keep-alive agents) in the bench process, a fresh server with the demo office in a child process (2 cores, malloc tuned as npm start does)`;
  const openDetail = (run: Run, printing: string, startLine = 0) =>
    `${setup}; open loop: each kiosk ${OPEN_RATE} ticket/s on its own staggered schedule for ${WINDOW_MS / 1000} s, latency from the scheduled moment; ${printing}; ${answers(run.load)}; line ${startLine} → ${run.after.waiting}`;
  const closedDetail = `${setup}; closed loop: each kiosk sends its next ticket as soon as the last is answered, for ${WINDOW_MS / 1000} s (${(closed.load.elapsedMs / 1000).toFixed(1)} s with the drain); latency is then ${KIOSKS} ÷ throughput (Little's law), so this is a throughput figure; no printer; ${answers(closed.load)}; line 0 → ${closed.after.waiting}, nobody calling`;
  const durableDetail = `${durable.concurrent.tickets} tickets through office.execute from ${KIOSKS} callers at once (decide, evolve, group commit with synchronous=FULL, listeners; no HTTP, no estimate) in ${durable.concurrent.commits} commits, vs the same rows (event + tickets row) inserted bare into copies of the two tables with the same PRAGMAS, in transactions of the same sizes; 2 rounds of 2000`;
  const sequentialDetail = `${durable.sequential.tickets} tickets through office.execute, each awaited before the next (one commit each), vs the same rows inserted bare one transaction per ticket at ${rate(durable.bareSingle).toFixed(0)}/s: ratio ${(rate(durable.sequential) / rate(durable.bareSingle)).toFixed(2)}`;
  return [
    { name: `issue a ticket (HTTP, committed), ${KIOSKS} kiosks × ${OPEN_RATE}/s, p50`, value: p(open.load, 50), unit: 'ms', detail: openDetail(open, 'no printer') },
    { name: `issue a ticket (HTTP, committed), ${KIOSKS} kiosks × ${OPEN_RATE}/s, p99`, value: p(open.load, 99), unit: 'ms', target: { op: '<=', value: 15 }, detail: openDetail(open, 'no printer') },
    { name: `issue a ticket (HTTP, committed), ${KIOSKS} kiosks × ${OPEN_RATE}/s, ${TRACKERS} phones tracking, p99`, value: p(tracked.load, 99), unit: 'ms', detail: `${openDetail(tracked, 'no printer', TRACKERS + 1)}; first ${TRACKERS} tickets issued, each tracked by its own Socket.IO client (the /t/ page), which gets a fresh snapshot with its estimate after every change` },
    { name: `issue a ticket, ${KIOSKS} kiosks × ${OPEN_RATE}/s, every slip rendered, p99`, value: p(printed.load, 99), unit: 'ms', detail: openDetail(printed, 'the virtual printer renders and writes every slip in its worker thread, as npm start does') },
    { name: `issue a ticket (HTTP), ${KIOSKS} kiosks closed loop, p50`, value: p(closed.load, 50), unit: 'ms', detail: closedDetail },
    { name: `issue a ticket (HTTP), ${KIOSKS} kiosks closed loop, p99`, value: p(closed.load, 99), unit: 'ms', detail: closedDetail },
    { name: `durable tickets/s, HTTP 201s, ${KIOSKS} kiosks closed loop`, value: closedRate, unit: '/s', target: { op: '>=', value: 2000 }, detail: closedDetail },
    { name: 'durable tickets/s, office.execute', value: officeRate, unit: '/s', target: { op: '>=', value: 2000 }, detail: durableDetail },
    { name: 'bare better-sqlite3 inserts/s, same rows, same transactions', value: bareRate, unit: '/s', detail: durableDetail },
    { name: 'ratio office.execute / bare inserts', value: officeRate / bareRate, unit: '×', target: { op: '>=', value: 0.5 }, detail: durableDetail },
    { name: 'durable tickets/s, office.execute, one caller', value: rate(durable.sequential), unit: '/s', detail: sequentialDetail },
    { name: 'server start to ready, empty database', value: open.startMs, unit: 'ms', detail: 'startServer() until listening, demo office (seeds 5 demo users with hashed passwords), in a fresh child process; the design target (≤ 1.5 s) is for a year of data' },
    { name: 'server RSS, idle after start', value: mb(open.idle.rss), unit: 'MB', detail: `process.memoryUsage() of the server's own process (child), heap used ${mb(open.idle.heapUsed).toFixed(1)} MB` },
    { name: 'server RSS, after the closed-loop load', value: mb(closed.after.rss), unit: 'MB', detail: `process.memoryUsage() of the server's own process (child), heap used ${mb(closed.after.heapUsed).toFixed(1)} MB, ${closed.after.waiting} tickets waiting` },
  ];
};

interface Run {
  load: LoadResult;
  startMs: number;
  idle: { rss: number; heapUsed: number };
  after: { rss: number; heapUsed: number; waiting: number };
}

async function onFreshServer(options: HostOptions, load: (url: string) => Promise<LoadResult>): Promise<Run> {
  const host = await startHost('nobat', options);
  try {
    const idle = await host.stats();
    // One ticket first, so that module loading and the first estimate are not in the figures.
    await send(host.url, issue());
    const result = await load(host.url);
    return { load: result, startMs: host.startMs, idle, after: await host.stats() };
  } finally {
    await host.close();
  }
}

function p(load: LoadResult, q: number): number {
  return percentile([...load.latencies].sort((a, b) => a - b), q);
}

function answers(load: LoadResult): string {
  return `answers ${[...load.statuses].map(([status, count]) => `${count}×${status}`).join(', ')}, ${load.failures} failed`;
}
