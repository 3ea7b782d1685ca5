// The ticket printer over a byte link: checks status, renders and encodes the ticket, sends it,
// and checks status again. Jobs run one at a time, in the order they were asked for.
import { LinkGoneError, LinkTimeoutError, type ByteLink } from './links/byte-link.js';
import { ReopeningLink } from './links/reopening-link.js';
import { statusRequest, type StatusQuery } from './escpos.js';
import { headerIdentity } from './layout.js';
import { renderTicket } from './render.js';
import { faultMessages, isStatusByte, parseStatus, unreachableStatus } from './status.js';
import { encodeTicket, type HeaderMode } from './ticket-bytes.js';
import type { PrintResult, PrinterConfig, PrinterFault, PrinterStatus, PrintJob, TicketPrinter } from './types.js';

export class EscPosPrinter implements TicketPrinter {
  private readonly link: ReopeningLink;
  private queue: Promise<unknown> = Promise.resolve();
  /** The header (office name and logo, see headerIdentity) this printer session holds in NV memory, and the session. */
  private storedHeader?: { identity: string; session: number };

  constructor(
    private readonly config: PrinterConfig,
    open: () => Promise<ByteLink>,
  ) {
    this.link = new ReopeningLink(open);
  }

  print(job: PrintJob): Promise<PrintResult> {
    return this.serialise(() => this.printNow(job));
  }

  status(): Promise<PrinterStatus> {
    return this.serialise(() => this.readStatus());
  }

  close(): Promise<void> {
    return this.serialise(() => this.link.close());
  }

  private async printNow(job: PrintJob): Promise<PrintResult> {
    const started = performance.now();
    const rendering = renderTicket(job, this.config.widthDots);
    rendering.catch(() => undefined); // awaited below; a status fault may return first
    const before = await this.readStatus(true);
    if (before.fault) return failure(before.fault);

    const ticket = await rendering;
    try {
      const sent = await this.link.with(async (link) => {
        const identity = headerIdentity(job);
        const mode = this.headerMode(identity);
        const bytes = encodeTicket(ticket, mode);
        await link.write(bytes, this.config.timeoutMs);
        if (mode === 'upload-nv') this.storedHeader = { identity, session: this.link.session };
        return bytes.length;
      });
      const after = await this.readStatus();
      if (after.fault) return failure(after.fault);
      return { ok: true, bytes: sent, ms: performance.now() - started };
    } catch (error) {
      return failure(faultOfError(error));
    }
  }

  private headerMode(identity: string): HeaderMode {
    if (!this.config.nvHeader) return 'raster';
    const stored = this.storedHeader;
    return stored && stored.identity === identity && stored.session === this.link.session ? 'stored-nv' : 'upload-nv';
  }

  /** `urgent`: reopen a lost port now rather than after the back-off pause (see ReopeningLink). */
  private async readStatus(urgent = false): Promise<PrinterStatus> {
    try {
      return await this.link.with(async (link) => {
        const ask = (n: StatusQuery) => link.ask(statusRequest(n), isStatusByte, this.config.timeoutMs);
        const printer = await ask(1);
        const offlineCause = await ask(2);
        const paperSensor = await ask(4);
        return parseStatus({ printer, offlineCause, paperSensor });
      }, { urgent, retryStale: true });
    } catch (error) {
      return unreachableStatus(faultOfError(error));
    }
  }

  private serialise<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function faultOfError(error: unknown): PrinterFault {
  if (error instanceof LinkTimeoutError) return 'timeout';
  if (error instanceof LinkGoneError) return 'offline';
  return 'error';
}

function failure(fault: PrinterFault): PrintResult {
  return { ok: false, fault, message: faultMessages[fault] };
}
