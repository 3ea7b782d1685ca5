// A TicketPrinter whose work runs in a worker thread. A worker that dies is replaced on the next
// request; what was in flight is answered as a fault, never left hanging.
import { Worker } from 'node:worker_threads';
import type { ServerPrinter } from '../server-printer.js';
import type { PrintResult, PrinterConfig, PrinterStatus, PrintJob } from '../types.js';
import type { WorkerReply, WorkerRequest } from './messages.js';

type Pending = (reply: WorkerReply | null) => void;

export class WorkerPrinter implements ServerPrinter {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly config: PrinterConfig) {}

  async print(job: PrintJob): Promise<PrintResult> {
    const reply = await this.request({ kind: 'print', job });
    if (reply?.kind === 'print') return reply.result;
    return { ok: false, fault: 'error', message: 'چاپ بلیت ممکن نشد؛ برنامهٔ چاپ دوباره راه‌اندازی می‌شود.' };
  }

  async status(): Promise<PrinterStatus> {
    const reply = await this.request({ kind: 'status' });
    if (reply?.kind === 'status') return reply.status;
    return { online: false, paperEnd: false, paperNearEnd: false, coverOpen: false, fault: 'error' };
  }

  async close(): Promise<void> {
    if (!this.worker) return;
    await this.request({ kind: 'close' });
    await this.abort();
  }

  /** Ends the worker now: what it had not printed yet is answered as a fault. */
  async abort(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }

  private request(body: { kind: 'print'; job: PrintJob } | { kind: 'status' } | { kind: 'close' }): Promise<WorkerReply | null> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, ...body } satisfies WorkerRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./boot.mjs', import.meta.url), { workerData: this.config });
    worker.on('message', (reply: WorkerReply) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
    const fail = () => {
      if (this.worker === worker) this.worker = null;
      for (const resolve of this.pending.values()) resolve(null);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    this.worker = worker;
    return worker;
  }
}
