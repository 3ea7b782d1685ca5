// The long office day of test/load (3,000 visitors, 12 desks, 8 services, kiosks and clerks over
// HTTP, a display and every desk on Socket.IO, the server's clock moved in steps) as figures: how
// fast the real server gets through it, and its memory over the day. Server and load driver share
// one child process (the clock is injected in-process), run with npm start's environment and node
// flags, so RSS counts both.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MemorySample } from '../load/lib/long-day.js';
import type { BenchFigure } from './figure.js';
import { startCommand } from './lib/child.js';
import { mb } from './lib/temp.js';

const VISITORS = 3000;

export default async (): Promise<BenchFigure[]> => {
  const run = await dayInChild();
  const seconds = run.elapsedMs / 1000;
  const heap = run.memory.map((s) => mb(s.heapUsed));
  const rss = run.memory.map((s) => mb(s.rss));
  const virtualHours = (run.memory.at(-1)?.at ?? 0) / 3600;
  const detail = `${VISITORS} visitors, 12 desks, 8 services, ${virtualHours.toFixed(1)} office hours replayed in ${seconds.toFixed(0)} s (${(virtualHours * 3600 / seconds).toFixed(0)}× real time): ${run.requests} HTTP requests (4 paired kiosks, 12 clerks with X-Request-Id), a display and 12 desk sockets, virtual printer rendering every slip; server and driver in one child process run as npm start runs the server`;
  const series = (values: number[]) => values.map((v) => v.toFixed(1)).join(' → ');
  return [
    { name: 'long day: tickets/s through the real server', value: VISITORS / seconds, unit: '/s', detail },
    { name: 'long day: HTTP requests/s', value: run.requests / seconds, unit: '/s', detail },
    { name: 'long day: RSS, highest', value: Math.max(...rss), unit: 'MB', detail: `RSS every half office hour (MB): ${series(rss)}` },
    { name: 'long day: heap after GC, end minus first half hour', value: (heap.at(-1) ?? 0) - (heap[1] ?? 0), unit: 'MB', detail: `heap used after a full GC every half office hour (MB): ${series(heap)}` },
  ];
};

function dayInChild(): Promise<{ elapsedMs: number; requests: number; memory: MemorySample[] }> {
  const start = startCommand();
  const child = fork(fileURLToPath(new URL('./lib/longday-child.ts', import.meta.url)), [String(VISITORS)], {
    execArgv: [...start.nodeFlags, '--import', 'tsx'],
    env: { ...process.env, ...start.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: { elapsedMs: number; requests: number; memory: MemorySample[] } | null = null;
    child.on('message', (message) => (result = message as typeof result));
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`long-day child exited (${code}) without figures`))));
  });
}
