// Prints each issued ticket after it is committed. The kiosk has its answer already; the print
// result follows over the socket, and a fault raises a staff alert. Never throws.
import type { TicketLogo, TicketPrinter, TicketPrintJob, PrintResult } from '../../drivers/printer/types.js';
import { ticketLogoOf } from '../config/logo.js';
import type { OfficeConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { TicketView } from '../office/read-model.js';
import { waitLineText } from '../time/wait-range.js';

export const PRIORITY_LABELS: Record<string, string> = {
  elderly: 'سالمند',
  disabled: 'توان‌خواه',
  veteran: 'ایثارگر',
  pregnant: 'باردار',
};

/** The slip's first line: the printer's header text, or the office's name. */
export function slipHeaderText(config: OfficeConfig): string {
  return config.printer?.headerText ?? config.name;
}

export interface PrintOutcome {
  ticketId: string;
  result: PrintResult;
}

export class TicketPrinting {
  /** The logo of the last job, decoded once rather than per ticket. */
  private logo: { dataUrl: string; logo: TicketLogo | null } | undefined;

  constructor(
    private printer: TicketPrinter,
    /** The configuration now: a changed header or service name is on the next slip. */
    private readonly config: () => OfficeConfig,
    private readonly publicUrl: () => string,
    private readonly log: Logger,
    private readonly onOutcome: (outcome: PrintOutcome) => void,
  ) {}

  /** Prints the ticket as the kiosk was just told it (the same number, line and wait). */
  print(ticket: TicketView): void {
    const ticketId = ticket.id;
    const job = this.job(ticket);
    if (!job) return;
    this.printer
      .print(job)
      .catch((error: Error): PrintResult => {
        this.log.error('printer driver failed', { ticketId, error: error.message });
        return { ok: false, fault: 'error', message: 'چاپ بلیت ممکن نشد.' };
      })
      .then((result) => {
        if (!result.ok) this.log.warn('ticket not printed', { ticketId, fault: result.fault });
        this.onOutcome({ ticketId, result });
      });
  }

  /** Prints on `next` from now on (new paper settings); the old printer finishes its jobs and closes. */
  async usePrinter(next: TicketPrinter): Promise<void> {
    const previous = this.printer;
    this.printer = next;
    await previous.close();
  }

  close(): Promise<void> {
    return this.printer.close();
  }

  private job(ticket: TicketView): TicketPrintJob | undefined {
    const config = this.config();
    const service = config.services.find((s) => s.id === ticket.serviceId);
    if (!service) return undefined;
    const logo = this.logoOf(config.printer?.logo);
    return {
      ticketId: ticket.id,
      officeName: slipHeaderText(config),
      serviceName: service.name,
      number: ticket.number,
      ...(ticket.priorityGroup ? { priorityLabel: PRIORITY_LABELS[ticket.priorityGroup] ?? ticket.priorityGroup } : {}),
      issuedAt: ticket.issuedAt,
      timeZone: config.timeZone,
      ahead: ticket.ahead,
      waitLine: waitLineText(ticket, 'fa'),
      trackUrl: `${this.publicUrl()}/t/${ticket.id}`,
      rightsLine: 'رسیدگی به ترتیب نوبت، حق شماست.',
      ...(logo ? { logo } : {}),
    };
  }

  private logoOf(dataUrl: string | undefined): TicketLogo | null {
    if (dataUrl === undefined) return null;
    if (this.logo?.dataUrl !== dataUrl) this.logo = { dataUrl, logo: ticketLogoOf(dataUrl) };
    return this.logo.logo;
  }
}
