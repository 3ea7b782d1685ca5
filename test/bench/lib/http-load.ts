// Closed-loop HTTP load over keep-alive connections: each of `clients` loops sending one request and
// waiting for its answer until the window closes; requests in flight at the end are awaited.
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
