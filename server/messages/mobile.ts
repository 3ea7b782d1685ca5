// Iranian mobile numbers as people type them: 0912 345 6789, +98 912…, 0098912…, 98912…, 912…, in
// Persian, Arabic-Indic or Latin digits, with spaces, dashes or dots. One form is kept: 09xxxxxxxxx.

const DIGIT_SETS = ['۰۱۲۳۴۵۶۷۸۹', '٠١٢٣٤٥٦٧٨٩'];

function latinDigits(text: string): string {
  let out = '';
  for (const char of text) {
    const set = DIGIT_SETS.find((digits) => digits.includes(char));
    out += set ? String(set.indexOf(char)) : char;
  }
  return out;
}

/** The number as 09xxxxxxxxx, or null when it is not an Iranian mobile number. */
export function normaliseMobile(typed: string): string | null {
  const compact = latinDigits(typed.trim()).replace(/[\s\-.()\u200c\u200f\u200e]/g, '');
  const national = compact.replace(/^(?:\+98|0098|98)(?=9\d{9}$)/, '').replace(/^0(?=9\d{9}$)/, '');
  return /^9\d{9}$/.test(national) ? `0${national}` : null;
}

/** A number as a log line or a screen may show it: 0912•••6789. */
export function maskMobile(mobile: string): string {
  return mobile.length > 7 ? `${mobile.slice(0, 4)}•••${mobile.slice(-4)}` : '•••';
}
