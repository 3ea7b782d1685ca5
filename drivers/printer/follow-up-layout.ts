// Lays out a follow-up slip: the office's header (the same as on its tickets), what the slip is for,
// the number in a meeting's line when there is one, the follow-up code large, the date, and the
// follow-up page as a QR code. Nothing the visitor wrote is on it. Pure: no rendering.
import { QR_MIN_SIDE_DOTS, layoutHeader, scaled, type LayoutBlock, type TicketLayout } from './layout.js';
import { jalaliDateAndTime, jalaliDateAndTimeEn, toPersianDigits } from './ticket-text.js';
import type { FollowUpSlipJob } from './types.js';

const CODE_LABEL = { fa: 'کد پیگیری', en: 'Follow-up code' };
const NUMBER_LABEL = { fa: 'شمارهٔ نوبت ملاقات', en: 'Your number in line' };

export function layoutFollowUpSlip(job: FollowUpSlipJob, widthDots: number): TicketLayout {
  const px = scaled(widthDots);
  const english = job.language === 'en';
  const lang = english ? 'en' : 'fa';
  const digits = (text: string) => (english ? text : toPersianDigits(text));
  const { date, time } = (english ? jalaliDateAndTimeEn : jalaliDateAndTime)(job.issuedAt, job.timeZone);
  const body: LayoutBlock[] = [
    { kind: 'gap', dots: px(12) },
    { kind: 'text', text: job.title, sizePx: px(28), bold: true, align: 'centre' },
  ];
  if (job.number) {
    body.push(
      { kind: 'gap', dots: px(10) },
      { kind: 'text', text: NUMBER_LABEL[lang], sizePx: px(22), bold: false, align: 'centre' },
      { kind: 'text', text: digits(job.number), sizePx: px(90), bold: true, align: 'centre' },
    );
  }
  body.push(
    { kind: 'gap', dots: px(12) },
    { kind: 'text', text: CODE_LABEL[lang], sizePx: px(22), bold: false, align: 'centre' },
    { kind: 'text', text: digits(job.code), sizePx: px(52), bold: true, align: 'centre' },
    { kind: 'gap', dots: px(12) },
    { kind: 'text', text: english ? `${date}  at ${time}` : `${date}  ساعت ${time}`, sizePx: px(22), bold: false, align: 'centre' },
    { kind: 'gap', dots: px(14) },
    { kind: 'text', text: job.followLine, sizePx: px(22), bold: false, align: 'centre' },
    { kind: 'gap', dots: px(12) },
    { kind: 'qr', url: job.followUrl, minSideDots: QR_MIN_SIDE_DOTS },
    { kind: 'gap', dots: px(8) },
  );
  return { header: layoutHeader(job, widthDots), body };
}
