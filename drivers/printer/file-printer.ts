// The virtual printer for demos and laptops without hardware: writes each ticket's exact ESC/POS
// bytes (<ticketId>.bin) and a PNG of what they print (<ticketId>.png) into a folder; a follow-up
// slip is named by its slip id.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bitmapToPng } from './bitmap-png.js';
import { headerIdentity } from './layout.js';
import { renderTicket, wholeTicket } from './render.js';
import { healthyStatus } from './status.js';
import { encodeTicket } from './ticket-bytes.js';
import type { PrintResult, PrinterConfig, PrinterStatus, PrintJob, TicketPrinter } from './types.js';

export class FilePrinter implements TicketPrinter {
  /** The header (see headerIdentity) the virtual printer "holds" in NV memory, as a real one would after upload. */
  private storedHeader?: string;

  constructor(
    private readonly dir: string,
    private readonly config: PrinterConfig,
  ) {}

  async print(job: PrintJob): Promise<PrintResult> {
    const started = performance.now();
    const ticket = await renderTicket(job, this.config.widthDots);
    const identity = headerIdentity(job);
    const mode = !this.config.nvHeader ? 'raster' : this.storedHeader === identity ? 'stored-nv' : 'upload-nv';
    const bytes = encodeTicket(ticket, mode);
    const name = fileNameFor(job.kind === 'follow-up' ? job.slipId : job.ticketId);
    await mkdir(this.dir, { recursive: true });
    await Promise.all([
      writeWhole(join(this.dir, `${name}.bin`), bytes),
      bitmapToPng(wholeTicket(ticket)).then((png) => writeWhole(join(this.dir, `${name}.png`), png)),
    ]);
    if (mode === 'upload-nv') this.storedHeader = identity;
    return { ok: true, bytes: bytes.length, ms: performance.now() - started };
  }

  async status(): Promise<PrinterStatus> {
    return { ...healthyStatus };
  }

  async close(): Promise<void> {}
}

/** Ticket ids come from the server, but a file name must never climb out of the folder. */
function fileNameFor(ticketId: string): string {
  return ticketId.replace(/[^\p{L}\p{N}_-]/gu, '_') || 'ticket';
}

/** Someone may open a ticket's file the moment it appears: it appears whole (written aside, then renamed). */
async function writeWhole(path: string, data: Uint8Array): Promise<void> {
  const aside = `${path}.part`;
  await writeFile(aside, data);
  await rename(aside, path);
}
