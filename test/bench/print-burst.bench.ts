// A burst of 1,500 tickets with the demo's virtual printer (render, encode and write each slip in the
// print worker), as at the opening of a busy morning: the server's memory while the slips pile up,
// and how long closing it takes afterwards. The print backlog is bounded (server/devices/printing.ts),
// so tickets beyond it are issued without a slip and the memory stays near idle.
import { percentile, type BenchFigure } from './figure.js';
import { startHost } from './lib/child.js';
import { send } from './lib/http-load.js';
import { mb, sleep } from './lib/temp.js';

const TICKETS = 1_500;
const KIOSKS = 50;
const SAMPLE_MS = 100;

export default async (): Promise<BenchFigure[]> => {
  const host = await startHost('nobat');
  let closeMs = NaN;
  try {
    const idle = await host.stats();
    const rss: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        rss.push((await host.stats()).rss);
        await sleep(SAMPLE_MS);
      }
    })();
    const started = performance.now();
    let next = 0;
    const statuses = new Map<number, number>();
    await Promise.all(Array.from({ length: KIOSKS }, async () => {
      while (next < TICKETS) {
        next++;
        const { status } = await send(host.url, { method: 'POST', path: '/api/v1/tickets', body: { serviceId: 'certificate' } });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }));
    const burstMs = performance.now() - started;
    sampling = false;
    await sampler;
    const after = await host.stats();
    const closing = performance.now();
    await host.close();
    closeMs = performance.now() - closing;
    const sorted = [...rss].sort((a, b) => a - b);
    const detail = `${TICKETS} tickets from ${KIOSKS} kiosks (closed loop) in ${(burstMs / 1000).toFixed(1)} s, answers ${[...statuses].map(([s, n]) => `${n}×${s}`).join(', ')}; demo office, virtual printer in its worker, child process as npm start runs it; RSS sampled every ${SAMPLE_MS} ms (${rss.length} samples, median ${mb(percentile(sorted, 50)).toFixed(0)} MB), idle ${mb(idle.rss).toFixed(0)} MB, after ${mb(after.rss).toFixed(0)} MB`;
    return [
      { name: `server RSS during a ${TICKETS.toLocaleString('en')}-ticket burst with the virtual printer, highest`, value: mb(sorted.at(-1) ?? NaN), unit: 'MB', detail },
      { name: `close after a ${TICKETS.toLocaleString('en')}-ticket burst with the virtual printer`, value: closeMs, unit: 'ms', target: { op: '<=', value: 5_000 }, detail: `server.close() right after the burst: realtime, HTTP, printer (2 s grace, then the backlog is dropped), keypads, database; ${detail}` },
    ];
  } finally {
    if (Number.isNaN(closeMs)) await host.close();
  }
};
