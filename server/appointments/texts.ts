// The booking's text messages: the one-time code, the booking code once confirmed, and the two
// reminders. The admin's templates (sms.templates) or these Persian defaults; digits in Persian.
import type { SmsSettings } from '../messages/settings.js';
import { faDigits } from '../time/digits.js';
import { formatClock, formatJalaliDate } from '../time/dates.js';
import { groupedCode } from '../voice/codes.js';

export const BOOKING_TEMPLATES = {
  bookingOtp: '{office}: کد تأیید نوبت اینترنتی شما {code} است. این کد را به هیچ‌کس ندهید.',
  bookingConfirmed: '{office}: نوبت «{service}» برای {date} ساعت {time} ثبت شد. کد نوبت: {code}. هنگام ورود، این کد را در کیوسک بزنید.',
  reminderDayBefore: '{office}: یادآوری نوبت «{service}» فردا {date} ساعت {time}. کد نوبت: {code}.',
  reminderHourBefore: '{office}: نوبت «{service}» شما امروز ساعت {time} است. کد نوبت: {code}.',
} as const;

export type BookingMessageKind = keyof typeof BOOKING_TEMPLATES;

export interface BookingMessageFields {
  office: string;
  code: string;
  service?: string;
  /** The booked time and the office's zone, for {date} and {time}. */
  start?: number;
  timeZone?: string;
}

export function bookingText(kind: BookingMessageKind, fields: BookingMessageFields, settings: Pick<SmsSettings, 'templates'> | undefined): string {
  const template = settings?.templates[kind] ?? BOOKING_TEMPLATES[kind];
  const at = fields.start !== undefined && fields.timeZone !== undefined ? { start: fields.start, zone: fields.timeZone } : null;
  const values: Record<string, string> = {
    office: fields.office,
    code: faDigits(kind === 'bookingOtp' ? fields.code : groupedCode(fields.code)),
    service: fields.service ?? '',
    date: at ? formatJalaliDate(at.start, at.zone, 'fa', { weekday: true }) : '',
    time: at ? formatClock(at.start, at.zone, 'fa') : '',
  };
  return template.replace(/\{(office|code|service|date|time)\}/g, (_, name: string) => values[name] ?? '');
}
