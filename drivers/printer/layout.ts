// Lays a ticket out as a column of blocks (the logo, text lines, the QR code, gaps), split into the static
// header that never changes for an office and the body that changes per ticket. Pure: no rendering.
import type { TicketLogo, TicketPrintJob } from './types.js';
import { aheadText, jalaliDateAndTime, jalaliDateAndTimeEn, toPersianDigits } from './ticket-text.js';

/** The QR code's side at least: 200 dots is 25 mm at 203 dpi, which a phone reads from arm's length. */
export const QR_MIN_SIDE_DOTS = 200;

export type Align = 'left' | 'centre' | 'right';

export type LayoutBlock =
  | { kind: 'text'; text: string; sizePx: number; bold: boolean; align: Align }
  | { kind: 'qr'; url: string; minSideDots: number }
  | { kind: 'logo'; logo: TicketLogo }
  | { kind: 'rule'; thicknessDots: number }
  | { kind: 'gap'; dots: number };

export interface TicketLayout {
  /** Identical on every ticket of the office: rasterised once, or kept in the printer's NV memory. */
  header: LayoutBlock[];
  body: LayoutBlock[];
}

/** What the static header shows: two jobs with the same identity have the same header. */
export type HeaderContent = Pick<TicketPrintJob, 'officeName' | 'logo'>;

export function headerIdentity(job: HeaderContent): string {
  return `${job.logo?.key ?? 'no-logo'}|${job.officeName}`;
}

/** The logo, when the office has one, above the office's name and a rule. */
export function layoutHeader(job: HeaderContent, widthDots: number): LayoutBlock[] {
  const px = scaled(widthDots);
  return [
    ...(job.logo ? [{ kind: 'logo', logo: job.logo } as const, { kind: 'gap', dots: px(10) } as const] : []),
    { kind: 'text', text: job.officeName, sizePx: px(30), bold: true, align: 'centre' },
    { kind: 'gap', dots: px(8) },
    { kind: 'rule', thicknessDots: 2 },
  ];
}

/** Sizes are for 576 dots; narrower paper scales them down. */
export function layoutTicket(job: TicketPrintJob, widthDots: number): TicketLayout {
  const px = scaled(widthDots);
  const english = job.language === 'en';
  const { date, time } = (english ? jalaliDateAndTimeEn : jalaliDateAndTime)(job.issuedAt, job.timeZone);

  const header = layoutHeader(job, widthDots);
  const body: LayoutBlock[] = [
    { kind: 'gap', dots: px(12) },
    { kind: 'text', text: job.serviceName, sizePx: px(28), bold: true, align: 'centre' },
    { kind: 'gap', dots: px(8) },
    { kind: 'text', text: english ? job.number : toPersianDigits(job.number), sizePx: px(100), bold: true, align: 'centre' },
  ];
  if (job.priorityLabel) {
    body.push({ kind: 'gap', dots: px(6) }, { kind: 'text', text: job.priorityLabel, sizePx: px(26), bold: true, align: 'centre' });
  }
  body.push(
    { kind: 'gap', dots: px(18) },
    { kind: 'text', text: english ? `${date}  at ${time}` : `${date}  ساعت ${time}`, sizePx: px(22), bold: false, align: 'centre' },
    { kind: 'gap', dots: px(12) },
    { kind: 'text', text: aheadText(job.ahead, job.language), sizePx: px(24), bold: false, align: 'centre' },
    { kind: 'gap', dots: px(12) },
    { kind: 'text', text: job.waitLine, sizePx: px(24), bold: false, align: 'centre' },
    { kind: 'gap', dots: px(18) },
    { kind: 'qr', url: job.trackUrl, minSideDots: QR_MIN_SIDE_DOTS },
  );
  if (job.rightsLine) {
    body.push({ kind: 'gap', dots: px(18) }, { kind: 'text', text: job.rightsLine, sizePx: px(18), bold: false, align: 'centre' });
  }
  body.push({ kind: 'gap', dots: px(8) });
  return { header, body };
}

/** Sizes are given for 576 dots; narrower paper scales them down. */
export function scaled(widthDots: number): (n: number) => number {
  const scale = widthDots / 576;
  return (n) => Math.max(8, Math.round(n * scale));
}
