// The texts of the office's messages: the admin's templates, or these Persian defaults, filled with
// the office's name and the ticket's number. Digits go out in Persian, as on the slip.
import { faDigits } from '../time/digits.js';
import type { SmsSettings } from './settings.js';

export const DEFAULT_TEMPLATES = {
  turnNear: '{office}: نوبت {number} نزدیک است؛ {ahead} نفر پیش از شما هستند. لطفاً به سالن انتظار بیایید.',
  /** "Near" with nobody ahead: no count to give. */
  turnNext: '{office}: نوبت {number} به‌زودی اعلام می‌شود. لطفاً به سالن انتظار بیایید.',
  called: '{office}: نوبت {number} را باجهٔ {desk} فرا می‌خواند.',
} as const;

export type MessageKind = keyof typeof DEFAULT_TEMPLATES;

export interface MessageFields {
  office: string;
  number: string;
  ahead?: number;
  desk?: number;
}

export function messageText(kind: MessageKind, fields: MessageFields, settings: Pick<SmsSettings, 'templates'>): string {
  const template = settings.templates[kind] ?? DEFAULT_TEMPLATES[kind];
  const values: Record<string, string> = {
    office: fields.office,
    number: faDigits(fields.number),
    ahead: fields.ahead === undefined ? '' : faDigits(fields.ahead),
    desk: fields.desk === undefined ? '' : faDigits(fields.desk),
  };
  return template.replace(/\{(office|number|ahead|desk)\}/g, (_, name: string) => values[name] ?? '');
}
