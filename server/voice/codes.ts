// Follow-up codes a visitor reads off a slip and types on a phone: ten digits from a CSPRNG (10^10
// of them, so guessing any one of a few thousand live codes takes millions of tries, which the
// lookup's rate limit turns into years), shown in groups, read back from Persian or Latin digits with
// or without the spaces and dashes.
import { randomInt } from 'node:crypto';
import { toLatinDigits } from '../time/digits.js';

export const CODE_DIGITS = 10;

export function newFollowUpCode(): string {
  return String(randomInt(0, 10_000_000_000)).padStart(CODE_DIGITS, '0');
}

/** The code as typed (۱۲۳-۴۵۶-۷۸۹۰, '123 456 7890'), or null when it cannot be one. */
export function parseFollowUpCode(typed: string): string | null {
  if (typed.length > 40) return null;
  const digits = toLatinDigits(typed).replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : null;
}

/** 1234567890 → 123-456-7890, as printed on the slip. */
export function groupedCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`;
}
