// Text that goes into a spreadsheet cell, CSV or xlsx: a value starting with =, +, -, @ (or a tab
// or carriage return) would be read by Excel as a formula, so it is quoted with a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV line (RFC 4180): strings made safe and quoted when needed, numbers as they are, nothing empty. */
export function csvLine(cells: ReadonlyArray<string | number | null>): string {
  return cells
    .map((cell) => {
      if (cell === null) return '';
      if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
      const text = safeCellText(cell);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',');
}
