// Iranian mobile numbers as people type them: 0912 345 6789, +98 912…, 0098912…, 98912…, 912…, in
// Persian, Arabic-Indic or Latin digits, with spaces, dashes or dots. One form is kept: 09xxxxxxxxx.
import { toLatinDigits } from '../time/digits.js';

/** The number as 09xxxxxxxxx, or null when it is not an Iranian mobile number. */
export function normaliseMobile(typed: string): string | null {
  const digits = toLatinDigits(typed).replace(/[\s\-().\u200c\u200e\u200f]/g, '');
  const match = /^(?:\+98|0098|98|0)?(9\d{9})$/.exec(digits);
  return match ? `0${match[1]}` : null;
}

/** A number as a log line or a screen may show it: 0912•••6789. */
export function maskMobile(mobile: string): string {
  return mobile.length > 7 ? `${mobile.slice(0, 4)}•••${mobile.slice(-4)}` : '•••';
}
