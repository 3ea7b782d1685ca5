// Digits for the reader's language: Persian digits on every Persian screen, ticket and report, and
// Latin digits back from whatever a Persian or Arabic keyboard typed.

/** The languages every visitor-facing text comes in. */
export type Lang = 'fa' | 'en';

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_INDIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/**
 * Latin digits written as Persian ones: 2045 → «۲۰۴۵», '10:05' → «۱۰:۰۵». Numbers get no thousands
 * separator (ticket numbers must not read «۲٬۰۴۵») and a Persian decimal separator «٫».
 */
export function faDigits(value: number | string): string {
  const text = typeof value === 'number' ? String(value).replace('.', '٫') : value;
  return text.replace(/[0-9]/g, (digit) => PERSIAN_DIGITS[Number(digit)] ?? digit);
}

/** Persian digits for 'fa', the text unchanged for 'en'. */
export function localDigits(value: number | string, lang: Lang): string {
  return lang === 'fa' ? faDigits(value) : String(value);
}

/** Persian and Arabic-Indic digits turned into Latin ones, for parsing what people type. */
export function toLatinDigits(text: string): string {
  return text.replace(/[۰-۹٠-٩]/g, (digit) => {
    const persian = PERSIAN_DIGITS.indexOf(digit);
    return String(persian >= 0 ? persian : ARABIC_INDIC_DIGITS.indexOf(digit));
  });
}
