// The printer the server runs: in a worker thread, so rendering never delays an answer; but a
// serial printer stays on the main thread. serialport's native poller watches the port on the
// process's default event loop and calls back into the thread that opened it, which for a worker
// kills the whole process (V8 "HandleScope … without proper locking") at the printer's first byte.
import type { PrintResult, PrinterConfig, PrinterStatus, PrintJob, TicketPrinter } from './types.js';
import { WorkerPrinter } from './worker/worker-printer.js';

export interface ServerPrinter extends TicketPrinter {
  /** Stops at once: jobs not printed yet are answered as faults. */
  abort(): Promise<void>;
}

export function createServerPrinter(config: PrinterConfig): ServerPrinter {
  return config.transport.kind === 'serial' ? new MainThreadPrinter(config) : new WorkerPrinter(config);
}

/** The drivers (sharp, serialport) load on first use, so a server without a serial printer never loads them here. */
class MainThreadPrinter implements ServerPrinter {
  private printer: Promise<TicketPrinter> | undefined;

  constructor(private readonly config: PrinterConfig) {}

  async print(job: PrintJob): Promise<PrintResult> {
    return (await this.loaded()).print(job);
  }

  async status(): Promise<PrinterStatus> {
    return (await this.loaded()).status();
  }

  async close(): Promise<void> {
    if (this.printer) await (await this.printer).close();
  }

  /**
   * The serial driver runs its jobs on this thread, one after the other, and cannot be cut short:
   * it closes after them, and a server that is shutting down exits without waiting for that.
   */
  async abort(): Promise<void> {
    void this.close();
  }

  private loaded(): Promise<TicketPrinter> {
    return (this.printer ??= import('./index.js').then(({ createPrinter }) => createPrinter(this.config)));
  }
}
