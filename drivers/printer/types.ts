// What the server hands a ticket printer, and what it gets back. The server never waits on a printer
// before answering the kiosk: the ticket is committed first, printing follows.

/** Everything printed on one ticket, already localised by the caller where it is text. */
export interface TicketPrintJob {
  kind?: 'ticket';
  ticketId: string;
  officeName: string;
  /** The visitor's language: the slip's words, digits and date are printed in it. Persian when absent. */
  language?: 'fa' | 'en';
  serviceName: string;
  /** The ticket number as shown, e.g. "1042". Printed large. */
  number: string;
  /** Priority group label in Persian, when the ticket has one («سالمند»). */
  priorityLabel?: string;
  /** Epoch milliseconds; printed as a Jalali date and a time in `timeZone`. */
  issuedAt: number;
  timeZone: string;
  ahead: number;
  /** The wait as the visitor is told it everywhere: «زمان تقریبی انتظار: ۱۰ تا ۱۵ دقیقه», «نوبت شما به‌زودی اعلام می‌شود». */
  waitLine: string;
  /** Address of the tracking page, encoded as a QR code (`http://host:port/t/<id>`). */
  trackUrl: string;
  /** One short line on the visitor's rights, e.g. from the office charter. */
  rightsLine?: string;
  /** The office's logo, printed above its name. */
  logo?: TicketLogo;
}

/**
 * A slip that is not a ticket: a follow-up code, for feedback filed at the kiosk or a meeting
 * registration (with its number in the meeting's line). It carries nothing the visitor wrote: the
 * code, and the address to follow it at as a QR code.
 */
export interface FollowUpSlipJob {
  kind: 'follow-up';
  /** The feedback item's or the registration's id: names the job (the virtual printer's file). */
  slipId: string;
  officeName: string;
  language?: 'fa' | 'en';
  /** What the slip is for, e.g. «ثبت شکایت، انتقاد یا پیشنهاد». */
  title: string;
  /** The number in a meeting's line, printed large; absent for feedback. */
  number?: string;
  /** The follow-up code as printed, grouped («123-456-7890»; Persian digits on a Persian slip). */
  code: string;
  /** Epoch milliseconds; printed as a Jalali date and a time in `timeZone`. */
  issuedAt: number;
  timeZone: string;
  /** How to follow, e.g. «برای دیدن وضعیت و پاسخ، این کد را با تلفن همراه بخوانید». */
  followLine: string;
  /** The follow-up page (`http://host:port/feedback/<code>`), printed as a QR code. */
  followUrl: string;
  logo?: TicketLogo;
}

export type PrintJob = TicketPrintJob | FollowUpSlipJob;

export interface TicketLogo {
  /** Names the image (a hash of its bytes): headers rendered, or stored in a printer, are keyed by it. */
  key: string;
  /** A greyscale PNG, at most the printable width of the paper it was made for. */
  png: Uint8Array;
}

export type PrinterFault = 'paper_end' | 'cover_open' | 'offline' | 'timeout' | 'error';

export interface PrinterStatus {
  online: boolean;
  paperEnd: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  /** When the status could not be read at all (no answer in time, port gone). */
  fault?: PrinterFault;
}

export type PrintResult =
  | { ok: true; bytes: number; ms: number }
  | { ok: false; fault: PrinterFault; message: string };

export interface TicketPrinter {
  print(job: PrintJob): Promise<PrintResult>;
  status(): Promise<PrinterStatus>;
  close(): Promise<void>;
}

export type PrinterTransportConfig =
  | { kind: 'file'; dir: string }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'usb'; path: string }
  | { kind: 'tcp'; host: string; port: number };

export interface PrinterConfig {
  transport: PrinterTransportConfig;
  /** Printable width in dots: 576 (80 mm), 512 (some 80 mm), 384 (58 mm). */
  widthDots: 576 | 512 | 384;
  /** Store the static header in the printer's NV graphics memory (models that support it). */
  nvHeader: boolean;
  /** Milliseconds to wait for a status answer or a write before calling it a timeout. */
  timeoutMs: number;
}
