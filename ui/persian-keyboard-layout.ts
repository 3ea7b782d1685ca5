// What the on-screen Persian keyboard types, and how a key changes the text: the letters in the rows
// of the Iranian standard layout (ISIRI 9147, first level), the few letters that standard keeps on
// its second level (آ ژ ء ئ) and Persian punctuation in a row of their own, the Persian digits, and
// the pure edit a key makes on a text and its selection. No DOM here, so it is tested without a browser.

/** The zero-width non-joiner: «نیم‌فاصله», as in «می‌خواهم». */
export const ZWNJ = '\u200c';

/** The letter rows of ISIRI 9147's first level, top to bottom, each from left to right as on the keys (ض on Q). */
export const LETTER_ROWS: readonly (readonly string[])[] = [
  ['ض', 'ص', 'ث', 'ق', 'ف', 'غ', 'ع', 'ه', 'خ', 'ح', 'ج', 'چ'],
  ['ش', 'س', 'ی', 'ب', 'ل', 'ا', 'ت', 'ن', 'م', 'ک', 'گ'],
  ['ظ', 'ط', 'ز', 'ر', 'ذ', 'د', 'پ', 'و'],
];

/** Second-level letters (Shift+H, Shift+C, Shift+M, Shift+S) and punctuation, one touch each rather than behind a shift. */
export const EXTRA_ROW: readonly string[] = ['آ', 'ژ', 'ء', 'ئ', '،', '.', '؟', '!'];

/** The digit layer: Persian digits in the order of the standard's number row, and what goes with numbers. */
export const DIGIT_ROWS: readonly (readonly string[])[] = [
  ['۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹', '۰'],
  ['-', '/', ':', '(', ')', '٪', '+', '،', '.', '؟'],
];

/** A telephone pad: digits only. */
export const PHONE_ROWS: readonly (readonly string[])[] = [
  ['۱', '۲', '۳'],
  ['۴', '۵', '۶'],
  ['۷', '۸', '۹'],
  ['۰'],
];

export type KeyAction = { kind: 'insert'; text: string } | { kind: 'backspace' };

export interface TextEdit {
  value: string;
  /** Where the selection starts and ends (UTF-16 offsets, as the DOM counts them). */
  start: number;
  end: number;
}

/**
 * The text after one key, with the caret after what was typed. A selection is replaced; backspace
 * takes one character back (a whole surrogate pair when there is one); a text at `maxLength` takes
 * no more (what a physical keyboard does at a field's maxlength).
 */
export function applyKey(edit: TextEdit, action: KeyAction, maxLength = Infinity): TextEdit {
  const { value } = edit;
  const start = clamp(Math.min(edit.start, edit.end), 0, value.length);
  const end = clamp(Math.max(edit.start, edit.end), 0, value.length);
  if (action.kind === 'insert') {
    const room = maxLength - (value.length - (end - start));
    if (room < action.text.length) return { value, start, end };
    const next = value.slice(0, start) + action.text + value.slice(end);
    const caret = start + action.text.length;
    return { value: next, start: caret, end: caret };
  }
  if (start !== end) return { value: value.slice(0, start) + value.slice(end), start, end: start };
  if (start === 0) return { value, start, end };
  const low = value.charCodeAt(start - 1);
  const high = start >= 2 ? value.charCodeAt(start - 2) : 0;
  const width = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
  const caret = start - width;
  return { value: value.slice(0, caret) + value.slice(start), start: caret, end: caret };
}

function clamp(n: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, n));
}
