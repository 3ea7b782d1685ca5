// HTTP load over keep-alive connections. Closed loop: each of `clients` loops sending one request
// and waiting for its answer until the window closes (latency is then clients ÷ throughput, by
// Little's law). Open loop: each client sends on a fixed schedule whether or not its last answer
// came, and latency counts from the scheduled moment (no coordinated omission). Requests in flight
// at the end are awaited.
import { Agent, request } from 'node:http';

export interface LoadResult {
  /** Latency of every answered request, ms, in completion order. */
  latencies: number[];
  statuses: Map<number, number>;
  /** Requests that failed without an answer (timeout, reset). */
  failures: number;
  /** From the first request to the last answer, ms. */
  elapsedMs: number;
}

export interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function closedLoop(baseUrl: string, clients: number, windowMs: number, next: () => Call, timeoutMs = 30_000): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let failures = 0;
  const started = performance.now();
  const deadline = started + windowMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        const { status } = await send(baseUrl, next(), agent, timeoutMs);
        latencies.push(performance.now() - sent);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { latencies, statuses, failures, elapsedMs };
}

/** `clients` senders, each `perClientPerSecond` requests a second on its own evenly staggered schedule. */
export async function openLoop(baseUrl: string, clients: number, perClientPerSecond: number, windowMs: number, next: () => Call, timeoutMs = 30_000): Promise<LoadResult & { offered: number }> {
  // Each kiosk its own keep-alive connection (a second one only while an answer is late).
  const agents = Array.from({ length: clients }, () => new Agent({ keepAlive: true }));
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let failures = 0;
  const intervalMs = 1000 / (clients * perClientPerSecond);
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let k = 0; ; k++) {
    const due = started + k * intervalMs;
    if (due - started >= windowMs) break;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      send(baseUrl, next(), agents[k % clients], timeoutMs).then(
        ({ status }) => {
          latencies.push(performance.now() - due);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        },
        () => void failures++,
      ),
    );
  }
  await Promise.all(inFlight);
  const elapsedMs = performance.now() - started;
  agents.forEach((agent) => agent.destroy());
  return { latencies, statuses, failures, elapsedMs, offered: inFlight.length };
}

/** One request; resolves with the status and the parsed JSON body (or null). */
export function send(baseUrl: string, call: Call, agent?: Agent, timeoutMs = 30_000): Promise<{ status: number; json: unknown }> {
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  const headers: Record<string, string> = { ...call.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(new URL(call.path, baseUrl), { method: call.method, headers, agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as unknown) : null });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}
