// The ticket logo as the office file and the database hold it: a small greyscale PNG written as a
// data: URL (printer.logo), so that an exported office file carries it to a sister office. Checked
// here without decoding (the PNG signature and its header's size); the upload route decodes it.
import { createHash } from 'node:crypto';
import type { TicketLogo } from '../../drivers/printer/types.js';
import type { OfficeConfig } from './schema.js';

export const LOGO_DATA_URL_PREFIX = 'data:image/png;base64,';
/** The widest paper's width, and the tallest logo the upload makes: 120 dots is 15 mm at 203 dpi, and
 * keeps a square logo within the 12 KB a ticket may cost even on a printer without NV memory. */
export const LOGO_MAX_WIDTH = 576;
export const LOGO_MAX_HEIGHT = 120;
/** Base64 of a normalised logo is a few KB; this leaves room for a busy one and refuses anything else. */
export const LOGO_MAX_DATA_URL_CHARS = 96 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface LogoSummary {
  /** Hex SHA-256 of the PNG's bytes: what the audit trail records instead of the bytes. */
  sha256: string;
  bytes: number;
  width: number;
  height: number;
}

export function logoDataUrl(png: Uint8Array): string {
  return LOGO_DATA_URL_PREFIX + Buffer.from(png).toString('base64');
}

/** The PNG's bytes, or null when the text is not a base64 PNG data: URL. */
export function logoBytes(dataUrl: string): Buffer | null {
  if (!dataUrl.startsWith(LOGO_DATA_URL_PREFIX)) return null;
  const base64 = dataUrl.slice(LOGO_DATA_URL_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  return Buffer.from(base64, 'base64');
}

/** Width and height from the PNG header, or null when the bytes do not open like a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  if (png.length < 24 || PNG_SIGNATURE.some((byte, i) => png[i] !== byte)) return null;
  if (String.fromCharCode(png[12]!, png[13]!, png[14]!, png[15]!) !== 'IHDR') return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Why the office file's logo cannot be used, in English and as a Persian sentence; null when it can. */
export function logoProblem(dataUrl: string): { en: string; fa: string } | null {
  const png = logoBytes(dataUrl);
  const size = png && pngSize(png);
  if (!size) return { en: 'a PNG image written as a data: URL (data:image/png;base64,…)', fa: 'نشان بلیت باید تصویر PNG به شکل نشانی data: باشد (data:image/png;base64,…)؛ آن را دوباره بارگذاری کنید.' };
  if (size.width < 1 || size.height < 1 || size.width > LOGO_MAX_WIDTH || size.height > LOGO_MAX_HEIGHT) {
    return { en: `at most ${LOGO_MAX_WIDTH}×${LOGO_MAX_HEIGHT} dots (this one is ${size.width}×${size.height})`, fa: `نشان بلیت باید حداکثر ${LOGO_MAX_WIDTH}×${LOGO_MAX_HEIGHT} نقطه باشد (این یکی ${size.width}×${size.height} است)؛ آن را دوباره بارگذاری کنید.` };
  }
  return null;
}

export function logoSummary(dataUrl: string): LogoSummary | null {
  const png = logoBytes(dataUrl);
  const size = png && pngSize(png);
  if (!png || !size) return null;
  return { sha256: createHash('sha256').update(png).digest('hex'), bytes: png.length, ...size };
}

/** What the printer is given: the PNG, named by its hash so that a changed logo renders and uploads anew. */
export function ticketLogoOf(dataUrl: string): TicketLogo | null {
  const png = logoBytes(dataUrl);
  return png && { key: createHash('sha256').update(png).digest('hex').slice(0, 16), png };
}

/** The printer settings as the audit trail and the admin answers show them: the logo by hash and size, never its bytes. */
export function printerView(config: OfficeConfig) {
  const printer = config.printer;
  if (!printer) return null;
  return printer.logo === undefined ? printer : { ...printer, logo: logoSummary(printer.logo) };
}
