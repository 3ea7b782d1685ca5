// Prints issued tickets (issued-slips.ts hands them over once committed). The kiosk has its answer
// already; the print result follows over the socket, and a fault raises a staff alert. Never throws.
//
// The backlog is bounded: a thermal printer prints about a slip a second, so beyond
// MAX_PRINT_BACKLOG jobs a ticket is not queued at all (it is committed; the kiosk shows it on screen
// with a "printer busy" note) and staff are told the printer is behind until half the backlog has
// printed. At shutdown the printer gets CLOSE_GRACE_MS to finish; jobs still waiting are dropped.
import { EventEmitter } from 'node:events';
import type { ServerPrinter } from '../../drivers/printer/server-printer.js';
import type { FollowUpSlipJob, PrintJob, TicketLogo, TicketPrintJob, PrintResult } from '../../drivers/printer/types.js';
import { ticketLogoOf } from '../config/logo.js';
import type { OfficeConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { TicketView } from '../office/read-model.js';
import { waitLineText } from '../time/wait-range.js';
import { groupedCode } from '../voice/codes.js';

export const PRIORITY_LABELS: Record<string, string> = {
  elderly: 'سالمند',
  disabled: 'توان‌خواه',
  veteran: 'ایثارگر',
  pregnant: 'باردار',
};
const PRIORITY_LABELS_EN: Record<string, string> = { elderly: 'Elderly', disabled: 'Disability', veteran: 'Veteran', pregnant: 'Pregnant' };
const RIGHTS_LINE = { fa: 'رسیدگی به ترتیب نوبت، حق شماست.', en: 'Being served in turn is your right.' };

/** The slip's first line: the printer's header text, or the office's name. */
export function slipHeaderText(config: OfficeConfig): string {
  return config.printer?.headerText ?? config.name;
}

/** Jobs handed to the printer and not yet answered, at most: half a minute of printing. */
export const MAX_PRINT_BACKLOG = 25;
/** How long a closing server waits for the printer to finish before dropping what is left. */
export const CLOSE_GRACE_MS = 2_000;
export const PRINTER_BUSY_MESSAGE = 'چاپگر مشغول است؛ شمارهٔ نوبت را از روی صفحه یادداشت کنید یا از آن عکس بگیرید.';

/** A follow-up slip to print: for feedback filed at the kiosk, or a meeting registration with its number. */
export interface FollowUpSlip {
  /** The feedback item's or the registration's id: the print result names it. */
  id: string;
  purpose: 'feedback' | 'meeting';
  code: string;
  number?: string;
  at: number;
}

const SLIP_TEXTS = {
  feedback: { fa: 'ثبت شکایت، انتقاد یا پیشنهاد', en: 'Complaint, criticism or suggestion' },
  meeting: { fa: 'ملاقات با مدیر', en: 'Meeting the manager' },
  follow: {
    fa: 'برای دیدن وضعیت و پاسخ، این کد را با دوربین تلفن همراه بخوانید.',
    en: 'Scan this code with your phone to see the status and the answer.',
  },
};

/** What the printer said, or that the ticket was not queued because the backlog was full. */
export type TicketPrintResult = PrintResult | { ok: false; fault: 'busy'; message: string };

export interface PrintOutcome {
  ticketId: string;
  result: TicketPrintResult;
  /** Who asked for the ticket (the kiosk's actor id, 'device:<id>'), to be told the result; null when unknown. */
  by: string | null;
}

interface PrintingEvents {
  /** Every ticket's print result, printed, failed or not queued. */
  outcome: [PrintOutcome];
  /** The backlog filled up (true) or has printed down to half (false). */
  backlog: [boolean];
}

export class TicketPrinting extends EventEmitter<PrintingEvents> {
  /** The logo of the last job, decoded once rather than per ticket. */
  private logo: { dataUrl: string; logo: TicketLogo | null } | undefined;
  private backlog = 0;
  /** Tickets not queued since the backlog last filled up; null while it is not behind. */
  private notQueued: number | null = null;
  /** Once closing, jobs that end are the dropped ones: the closing says so in one line, not one each. */
  private closing = false;

  constructor(
    private printer: ServerPrinter,
    /** The configuration now: a changed header or service name is on the next slip. */
    private readonly config: () => OfficeConfig,
    private readonly publicUrl: () => string,
    private readonly log: Logger,
  ) {
    super();
  }

  /** Prints the ticket as the kiosk was just told it (the same number, line and wait). */
  print(ticket: TicketView, language: 'fa' | 'en' = 'fa', by: string | null = null): void {
    const job = this.job(ticket, language);
    if (job) this.send(ticket.id, job, by);
  }

  /** Prints a follow-up slip: the code (and a meeting's number) and its page as a QR code, nothing the visitor wrote. */
  printFollowUp(slip: FollowUpSlip, language: 'fa' | 'en' = 'fa'): void {
    this.send(slip.id, this.followUpJob(slip, language), null);
  }

  /** Results are reported under `ticketId`: a ticket's id, or a slip's. */
  private send(ticketId: string, job: PrintJob, by: string | null): void {
    if (this.backlog >= MAX_PRINT_BACKLOG) return this.notQueue(ticketId, by);
    this.backlog++;
    this.printer
      .print(job)
      .catch((error: Error): PrintResult => {
        this.log.error('printer driver failed', { ticketId, error: error.message });
        return { ok: false, fault: 'error', message: 'چاپ بلیت ممکن نشد.' };
      })
      .then((result) => {
        this.backlog--;
        if (this.closing) return;
        if (this.notQueued !== null && this.backlog <= MAX_PRINT_BACKLOG / 2) this.caughtUp();
        if (!result.ok) this.log.warn('ticket not printed', { ticketId, fault: result.fault });
        this.emit('outcome', { ticketId, result, by });
      });
  }

  /** Prints on `next` from now on (new paper settings); the old printer finishes its jobs and closes. */
  async usePrinter(next: ServerPrinter): Promise<void> {
    const previous = this.printer;
    this.printer = next;
    await previous.close();
  }

  /** Lets the printer finish for CLOSE_GRACE_MS, then stops it; the tickets themselves are committed. */
  async close(): Promise<void> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'grace over'>((resolve) => (timer = setTimeout(() => resolve('grace over'), CLOSE_GRACE_MS)));
    const finished = await Promise.race([this.printer.close(), graceOver]);
    clearTimeout(timer);
    if (finished !== 'grace over') return;
    this.log.warn('closing: print jobs dropped, their tickets are kept', { dropped: this.backlog });
    await this.printer.abort();
  }

  private notQueue(ticketId: string, by: string | null): void {
    if (this.notQueued === null) {
      this.notQueued = 0;
      this.log.warn('printer behind: new tickets are shown on the kiosk only', { backlog: this.backlog });
      this.emit('backlog', true);
    }
    this.notQueued++;
    this.emit('outcome', { ticketId, by, result: { ok: false, fault: 'busy', message: PRINTER_BUSY_MESSAGE } });
  }

  private caughtUp(): void {
    this.log.info('printer caught up', { notQueued: this.notQueued, backlog: this.backlog });
    this.notQueued = null;
    this.emit('backlog', false);
  }

  /** In the visitor's language (the kiosk's when the ticket was taken); the header is the office's own. */
  private job(ticket: TicketView, language: 'fa' | 'en'): TicketPrintJob | undefined {
    const config = this.config();
    const service = config.services.find((s) => s.id === ticket.serviceId);
    if (!service) return undefined;
    const logo = this.logoOf(config.printer?.logo);
    return {
      ticketId: ticket.id,
      officeName: slipHeaderText(config),
      language,
      serviceName: language === 'en' ? service.nameEn : service.name,
      number: ticket.number,
      ...(ticket.priorityGroup ? { priorityLabel: (language === 'en' ? PRIORITY_LABELS_EN : PRIORITY_LABELS)[ticket.priorityGroup] ?? ticket.priorityGroup } : {}),
      issuedAt: ticket.issuedAt,
      timeZone: config.timeZone,
      ahead: ticket.ahead,
      waitLine: waitLineText(ticket, language),
      trackUrl: `${this.publicUrl()}/t/${ticket.id}`,
      rightsLine: RIGHTS_LINE[language],
      ...(logo ? { logo } : {}),
    };
  }

  private followUpJob(slip: FollowUpSlip, language: 'fa' | 'en'): FollowUpSlipJob {
    const config = this.config();
    const logo = this.logoOf(config.printer?.logo);
    return {
      kind: 'follow-up',
      slipId: slip.id,
      officeName: slipHeaderText(config),
      language,
      title: SLIP_TEXTS[slip.purpose][language],
      ...(slip.number ? { number: slip.number } : {}),
      code: groupedCode(slip.code),
      issuedAt: slip.at,
      timeZone: config.timeZone,
      followLine: SLIP_TEXTS.follow[language],
      followUrl: `${this.publicUrl()}/feedback/${slip.code}`,
      ...(logo ? { logo } : {}),
    };
  }

  private logoOf(dataUrl: string | undefined): TicketLogo | null {
    if (dataUrl === undefined) return null;
    if (this.logo?.dataUrl !== dataUrl) this.logo = { dataUrl, logo: ticketLogoOf(dataUrl) };
    return this.logo.logo;
  }
}
