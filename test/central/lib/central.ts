// Central in-process for tests: a fresh database in the shared throwaway cluster, a real port, and
// the log lines it wrote, so that a test can assert that each refusal was named.
import { startCentral, type RunningCentral } from '../../../server/central/main.js';
import type { Logger } from '../../../server/log.js';
import type { PgCluster } from './pg-cluster.js';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

export function capturingLog(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const write = (level: LogLine['level']) => (message: string, fields: Record<string, unknown> = {}) => void lines.push({ level, message, fields });
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}

let databases = 0;

export async function startTestCentral(cluster: PgCluster, log: Logger = capturingLog()): Promise<RunningCentral & { databaseUrl: string }> {
  const databaseUrl = await cluster.createDatabase(`central_${process.pid}_${++databases}`);
  const central = await startCentral({ databaseUrl, port: 0, host: '127.0.0.1', log });
  return Object.assign(central, { databaseUrl });
}

/** Calls central's API as JSON; never throws on a 4xx or 5xx. */
export async function centralApi(base: string, method: string, path: string, options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    ...(options.raw !== undefined ? { body: options.raw } : options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Checks `condition` on each timer tick until it holds (central has applied what the office sent), or fails at the deadline. */
export async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Central's high-water mark for an office. */
export async function highWater(central: RunningCentral, officeId: number): Promise<number> {
  const { rows } = await central.pool.query<{ high_water: string }>('SELECT high_water FROM offices WHERE id = $1', [officeId]);
  return Number(rows[0]?.high_water ?? -1);
}
