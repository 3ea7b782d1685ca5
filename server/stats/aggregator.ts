// Aggregating a day of a large office reads thousands of rows and takes a few hundred milliseconds;
// on the main thread every kiosk's answer would wait that long, and a month not yet kept for
// seconds. A worker thread does it instead, with its own connection to the file. An in-memory
// database (no file to share) is aggregated in place.
import { Worker } from 'node:worker_threads';
import type { OfficeConfig } from '../config/schema.js';
import type { Db } from '../store/open.js';
import { aggregateRange, type Aggregate } from './aggregate.js';
import type { Range } from './queries.js';
import type { AggregateReply, AggregateRequest } from './worker/messages.js';

export interface Aggregator {
  aggregate(config: OfficeConfig, range: Range): Promise<Aggregate>;
  close(): Promise<void>;
}

export function createAggregator(db: Db): Aggregator {
  if (db.memory) return { aggregate: async (config, range) => aggregateRange(db, config, range), close: async () => {} };
  return new WorkerAggregator(db.name);
}

class WorkerAggregator implements Aggregator {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (aggregate: Aggregate) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  constructor(private readonly path: string) {}

  aggregate(config: OfficeConfig, range: Range): Promise<Aggregate> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, config, range } satisfies AggregateRequest);
      // Only a worker with work to do keeps the process alive.
      worker.ref();
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./worker/boot.mjs', import.meta.url), { workerData: { path: this.path } });
    worker.on('message', (reply: AggregateReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('error' in reply) waiting?.reject(new Error(`statistics worker: ${reply.error}`));
      else waiting?.resolve(reply.aggregate);
    });
    const fail = (error?: unknown) => {
      if (this.worker === worker) this.worker = null;
      for (const { reject } of this.pending.values()) reject(new Error(`statistics worker stopped${error instanceof Error ? `: ${error.message}` : ''}`));
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail());
    this.worker = worker;
    return worker;
  }
}
