// The connection pool to the organisation's PostgreSQL database, and one helper for a transaction
// on one connection: everything inside commits together or not at all.
import pg from 'pg';
import type { Logger } from '../../log.js';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

export function createPool(connectionString: string, log: Logger, max = 10): Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // An idle connection that the server drops (a restart, a failover) must not crash central.
  pool.on('error', (error) => log.warn('PostgreSQL connection lost while idle', { error: error.message }));
  return pool;
}

export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
