// The statistics worker: its own read-only connection to the office's file (WAL lets it read while
// the server writes), aggregating one range per request, in order.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { aggregateRange } from '../aggregate.js';
import type { AggregateReply, AggregateRequest } from './messages.js';

const db = new Database((workerData as { path: string }).path, { readonly: true, fileMustExist: true, timeout: 5000 });

parentPort!.on('message', ({ id, config, range }: AggregateRequest) => {
  let reply: AggregateReply;
  try {
    reply = { id, aggregate: aggregateRange(db, config, range) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
