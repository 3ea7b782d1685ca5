// Realtime figures: call-next fanned out to 500 connected display sockets (POST /desks/:id/next
// until each client has `call:announced`), beside a bare Socket.IO broadcast to 500 clients through
// the same kind of trigger, and the server's RSS with 500 clients. Servers run in child processes.
import { percentile, type BenchFigure } from './figure.js';
import { startHost, type Host } from './lib/child.js';
import { send } from './lib/http-load.js';
import { connectCrowd, fanOut } from './lib/sockets.js';
import { mb, sleep } from './lib/temp.js';

const CLIENTS = 500;
const WARMUP = 2;
const ROUNDS = 20;
const GAP_MS = 150; // quiet time before each timed round, so the coalesced snapshots of the last one are out

interface Run {
  latencies: number[];
  triggerMs: number[];
  missed: number;
  connectMs: number;
  rss: number;
  heapUsed: number;
  idle: { rss: number; heapUsed: number };
}

export default async (): Promise<BenchFigure[]> => {
  const nobat = await measure('nobat', nobatRounds);
  const bare = await measure('bare', async (host, round) => {
    for (let i = 0; i < WARMUP + ROUNDS; i++) {
      await sleep(GAP_MS);
      await round(i >= WARMUP, 'broadcast', () => send(host.url, { method: 'POST', path: '/broadcast' }));
    }
  });

  const p = (run: Run, q: number) => percentile([...run.latencies].sort((a, b) => a - b), q);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const setup = `${CLIENTS} socket.io-client sockets (WebSocket only) in the bench process, server in a child process (2 cores); ${ROUNDS} timed rounds after ${WARMUP} warm-up, ${GAP_MS} ms apart`;
  const nobatDetail = `${setup}; demo office, loopback display sockets; from just before POST /api/v1/desks/desk-1/next (staff1) to each socket's call:announced; ${nobat.missed} missed; POST answered in p50 ${percentile(sorted(nobat.triggerMs), 50).toFixed(1)} ms; 500 connected in ${(nobat.connectMs / 1000).toFixed(1)} s`;
  const bareDetail = `${setup}; plain node:http + socket.io, POST /broadcast → io.emit; from just before the POST to each socket's receipt; ${bare.missed} missed; 500 connected in ${(bare.connectMs / 1000).toFixed(1)} s`;
  return [
    { name: 'call-next to 500 display clients, p50', value: p(nobat, 50), unit: 'ms', detail: nobatDetail },
    { name: 'call-next to 500 display clients, p99', value: p(nobat, 99), unit: 'ms', target: { op: '<=', value: 100 }, detail: nobatDetail },
    { name: 'bare Socket.IO broadcast to 500 clients, p50', value: p(bare, 50), unit: 'ms', detail: bareDetail },
    { name: 'bare Socket.IO broadcast to 500 clients, p99', value: p(bare, 99), unit: 'ms', detail: bareDetail },
    { name: 'server RSS with 500 clients', value: mb(nobat.rss), unit: 'MB', target: { op: '<=', value: 200 }, detail: `process.memoryUsage().rss of the nobat server's own process (child, malloc tuned as npm start does), highest of after-connect and after-rounds; heap used ${mb(nobat.heapUsed).toFixed(1)} MB; before the clients: RSS ${mb(nobat.idle.rss).toFixed(1)} MB, heap used ${mb(nobat.idle.heapUsed).toFixed(1)} MB` },
    { name: 'server memory per connected client', value: (nobat.rss - nobat.idle.rss) / CLIENTS / 1024, unit: 'KiB', detail: `RSS growth from idle to ${CLIENTS} clients, divided by ${CLIENTS}; heap used grew ${((nobat.heapUsed - nobat.idle.heapUsed) / CLIENTS / 1024).toFixed(1)} KiB per client` },
    { name: 'bare Socket.IO server RSS with 500 clients', value: mb(bare.rss), unit: 'MB', detail: `process.memoryUsage().rss of the bare server's process (child, also run under tsx); heap used ${mb(bare.heapUsed).toFixed(1)} MB` },
  ];
};

type Round = (timed: boolean, event: string, trigger: () => Promise<unknown>) => Promise<void>;

/** Starts a host, connects the crowd, runs `body` with a round function, and reads memory twice. */
async function measure(mode: 'nobat' | 'bare', body: (host: Host, round: Round) => Promise<void>): Promise<Run> {
  const host = await startHost(mode);
  const idle = await host.stats();
  const run: Run = { latencies: [], triggerMs: [], missed: 0, connectMs: 0, rss: 0, heapUsed: 0, idle };
  const connecting = performance.now();
  const crowd = await connectCrowd(host.url, CLIENTS, mode === 'nobat' ? 'board:snapshot' : null);
  run.connectMs = performance.now() - connecting;
  const sample = async () => {
    const stats = await host.stats();
    if (stats.rss > run.rss) Object.assign(run, { rss: stats.rss, heapUsed: stats.heapUsed });
  };
  try {
    await sample();
    await body(host, async (timed, event, trigger) => {
      let triggerMs = 0;
      const result = await fanOut(crowd, event, async () => {
        const sent = performance.now();
        await trigger();
        triggerMs = performance.now() - sent;
      });
      if (!timed) return;
      run.latencies.push(...result.latencies);
      run.missed += result.missed;
      run.triggerMs.push(triggerMs);
    });
    await sample();
  } finally {
    crowd.close();
    await host.close();
  }
  return run;
}

/** Staff at desk 1 calls next, starts the visit, calls next again (which finishes it), and so on. */
async function nobatRounds(host: Host, round: Round): Promise<void> {
  const login = await send(host.url, { method: 'POST', path: '/api/v1/auth/login', body: { username: 'staff1', password: 'demo', deskId: 'desk-1' } });
  const { token } = login.json as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const issued = await send(host.url, { method: 'POST', path: '/api/v1/tickets', body: { serviceId: 'certificate' } });
    if (issued.status !== 201) throw new Error(`issue answered ${issued.status}`);
  }
  let current: string | null = null;
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    if (current) await send(host.url, { method: 'POST', path: `/api/v1/tickets/${current}/start`, headers: auth });
    await sleep(GAP_MS);
    await round(i >= WARMUP, 'call:announced', async () => {
      const next = await send(host.url, { method: 'POST', path: '/api/v1/desks/desk-1/next', headers: auth });
      if (next.status !== 200) throw new Error(`call-next answered ${next.status}: ${JSON.stringify(next.json)}`);
      current = (next.json as { ticket: { id: string } }).ticket.id;
    });
  }
}
