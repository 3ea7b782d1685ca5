// Server figures: ticket issue over HTTP under 100 concurrent kiosks, durable tickets per second
// (HTTP, the office pipeline, and bare better-sqlite3 on the same rows), start to ready, and RSS.
// The server runs in a child process (lib/host.ts); the load comes from this process, a core each.
import { rmSync } from 'node:fs';
import { percentile, type BenchFigure } from './figure.js';
import { startHost } from './lib/child.js';
import { officeVersusBare } from './lib/durable.js';
import { closedLoop, send } from './lib/http-load.js';
import { mb, tempDir } from './lib/temp.js';

const CLIENTS = 100;
const WINDOW_MS = 2_000;
const SERVICES = ['certificate', 'payment', 'request', 'complaint', 'documents', 'contractor'];

export default async (): Promise<BenchFigure[]> => {
  const host = await startHost('nobat');
  const idle = await host.stats();

  // 100 kiosks, closed loop: each sends its next ticket as soon as the last one is answered.
  let n = 0;
  const issue = () => ({ method: 'POST' as const, path: '/api/v1/tickets', body: { serviceId: SERVICES[n++ % SERVICES.length] } });
  const load = await closedLoop(host.url, CLIENTS, WINDOW_MS, issue);
  const afterLoad = await host.stats();
  const created = load.statuses.get(201) ?? 0;
  const latencies = [...load.latencies].sort((a, b) => a - b);

  // The same request from one client, once the line is as long as the load left it.
  const serial: number[] = [];
  for (let i = 0; i < 5; i++) {
    const sent = performance.now();
    await send(host.url, issue());
    serial.push(performance.now() - sent);
  }
  serial.sort((a, b) => a - b);
  const afterAll = await host.stats();
  await host.close();

  const durableDir = tempDir('nobat-durable-');
  const durable = await officeVersusBare(durableDir, 2, 2000, CLIENTS);
  rmSync(durableDir, { recursive: true, force: true });
  const rate = (run: { tickets: number; ms: number }) => run.tickets / (run.ms / 1000);
  const officeRate = rate(durable.concurrent);
  const bareRate = rate(durable.bareGrouped);
  const httpRate = created / (load.elapsedMs / 1000);

  const codes = [...load.statuses].map(([status, count]) => `${count}×${status}`).join(', ');
  const loadDetail = `${CLIENTS} keep-alive clients (node:http Agent) in the bench process, server in a child process (2 cores); closed loop for ${WINDOW_MS / 1000} s plus the drain of requests in flight, ${(load.elapsedMs / 1000).toFixed(1)} s in all; answers ${codes}, ${load.failures} failed; empty database at start, ${afterLoad.waiting} tickets waiting at the end (nobody calls)`;
  const durableDetail = `${durable.concurrent.tickets} tickets through office.execute from ${CLIENTS} callers at once (decide, evolve, group commit with synchronous=FULL, listeners; no HTTP, no estimate) in ${durable.concurrent.commits} commits, vs the same rows (event + tickets row) inserted bare into copies of the two tables with the same PRAGMAS, in transactions of the same sizes; 2 rounds of 2000`;
  const sequentialDetail = `${durable.sequential.tickets} tickets through office.execute, each awaited before the next (one commit each), vs the same rows inserted bare one transaction per row at ${rate(durable.bareSingle).toFixed(0)}/s: ratio ${(rate(durable.sequential) / rate(durable.bareSingle)).toFixed(2)}`;
  return [
    { name: 'issue a ticket (HTTP, committed), 100 concurrent kiosks, p50', value: percentile(latencies, 50), unit: 'ms', detail: loadDetail },
    { name: 'issue a ticket (HTTP, committed), 100 concurrent kiosks, p99', value: percentile(latencies, 99), unit: 'ms', target: { op: '<=', value: 15 }, detail: loadDetail },
    { name: `issue a ticket (HTTP), 1 client, ${afterLoad.waiting} waiting, p50`, value: percentile(serial, 50), unit: 'ms', detail: `5 sequential requests after the load; the answer's wait estimate simulates the whole line (${afterLoad.waiting}→${afterAll.waiting} waiting)` },
    { name: 'durable tickets/s, HTTP 201s, 100 concurrent kiosks', value: httpRate, unit: '/s', target: { op: '>=', value: 2000 }, detail: `${created} acknowledged 201 in ${(load.elapsedMs / 1000).toFixed(1)} s, the run above` },
    { name: 'durable tickets/s, office.execute', value: officeRate, unit: '/s', target: { op: '>=', value: 2000 }, detail: durableDetail },
    { name: 'bare better-sqlite3 inserts/s, same rows, FULL sync', value: bareRate, unit: '/s', detail: durableDetail },
    { name: 'durable tickets/s, office.execute, one caller', value: rate(durable.sequential), unit: '/s', detail: sequentialDetail },
    { name: 'ratio office.execute / bare inserts', value: officeRate / bareRate, unit: '×', target: { op: '>=', value: 0.5 }, detail: durableDetail },
    { name: 'ratio HTTP 201s / bare inserts', value: httpRate / bareRate, unit: '×', target: { op: '>=', value: 0.5 }, detail: 'HTTP run above over the bare rate measured after it' },
    { name: 'server start to ready, empty database', value: host.startMs, unit: 'ms', detail: 'startServer() until listening, demo office (seeds 5 demo users with hashed passwords), in a fresh child process; the design target (≤ 1.5 s) is for a year of data' },
    { name: 'server RSS, idle after start', value: mb(idle.rss), unit: 'MB', detail: `process.memoryUsage() of the server's own process (child), heap used ${mb(idle.heapUsed).toFixed(1)} MB` },
    { name: 'server RSS, after the 100-kiosk load', value: mb(afterLoad.rss), unit: 'MB', detail: `process.memoryUsage() of the server's own process (child), heap used ${mb(afterLoad.heapUsed).toFixed(1)} MB, ${afterLoad.waiting} tickets waiting` },
  ];
};
