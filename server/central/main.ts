// Composition root of `nobat central`: the organisation's service over its PostgreSQL database.
// Migrations run before the port opens, so a central that answers is a central with its schema.
import { serve, type ServerType } from '@hono/node-server';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type Logger } from '../log.js';
import { migrateCentral } from './db/migrations.js';
import { createPool, type Pool } from './db/pool.js';
import { createCentralApp } from './http/app.js';

export interface CentralOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  log?: Logger;
  /** Connections to PostgreSQL (10 by default): one batch holds one for its transaction. */
  poolSize?: number;
}

export interface RunningCentral {
  url: string;
  port: number;
  pool: Pool;
  close(): Promise<void>;
}

export async function startCentral(options: CentralOptions): Promise<RunningCentral> {
  const log = options.log ?? createLogger();
  const pool = createPool(options.databaseUrl, log, options.poolSize);
  let schema: number;
  try {
    schema = await migrateCentral(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const ready = async () => {
    try {
      await pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  };
  const app = createCentralApp({ pool, log, ready });
  const server = await listen(app.fetch, options.port, options.host ?? '0.0.0.0').catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  log.info('nobat central ready', { port, schema, database: redacted(options.databaseUrl) });
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pool,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => void pool.end().finally(resolve));
        (server as HttpServer).closeAllConnections?.();
      })),
  };
}

/** The database address without its password, for logs. */
export function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server));
    server.once('error', reject);
  });
}
