// An admin's logo file made into the ticket logo: decoded by sharp (a PNG, JPEG or WebP, and
// nothing else — SVG would let a file fetch and run what it likes in the decoder), turned upright,
// put on white paper, scaled down to fit the printable width of the office's paper and a sane
// height, made greyscale, and kept as a small PNG. The preview is the ticket's header as the printer
// will burn it, from the same renderer. Loaded on first upload: the server starts without sharp.
import sharp from 'sharp';
import { bitmapToPng } from '../../drivers/printer/bitmap-png.js';
import { printableWidth, renderHeader } from '../../drivers/printer/render.js';
import { LOGO_MAX_HEIGHT, logoDataUrl, logoSummary, ticketLogoOf, type LogoSummary } from '../config/logo.js';
import { ApiError } from '../http/errors.js';

const ACCEPTED_FORMATS = new Set(['png', 'jpeg', 'webp']);
/** A small file may still unpack to a huge picture; refuse past this many pixels before decoding them. */
const MAX_INPUT_PIXELS = 6000 * 6000;

export interface NormalisedLogo {
  dataUrl: string;
  summary: LogoSummary;
}

export async function normaliseLogo(file: Uint8Array, paperWidthDots: number): Promise<NormalisedLogo> {
  if (file.length === 0) throw new ApiError(400, 'logo_missing', 'فایلی فرستاده نشد؛ یک تصویر PNG، JPEG یا WebP برگزینید.');
  const input = () => sharp(file, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  let format: string | undefined;
  try {
    format = (await input().metadata()).format;
  } catch {
    throw notAnImage();
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) throw notAnImage();
  let png: Buffer;
  try {
    png = await input()
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize({ width: printableWidth(paperWidthDots), height: LOGO_MAX_HEIGHT, fit: 'inside', withoutEnlargement: true })
      .toColourspace('b-w')
      .png({ compressionLevel: 9, palette: false })
      .toBuffer();
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new ApiError(413, 'logo_too_large', 'ابعاد این تصویر بیش از اندازه بزرگ است؛ تصویری کوچک‌تر (مثلاً ۶۰۰ در ۳۰۰ نقطه) برگزینید.');
    }
    throw notAnImage();
  }
  const dataUrl = logoDataUrl(png);
  return { dataUrl, summary: logoSummary(dataUrl)! };
}

/** The header as it will print, as a PNG data: URL (the screen's Content-Security-Policy allows data: images). */
export async function headerPreview(officeName: string, logo: NormalisedLogo, paperWidthDots: number): Promise<string> {
  const header = await renderHeader({ officeName, logo: ticketLogoOf(logo.dataUrl)! }, paperWidthDots);
  return logoDataUrl(await bitmapToPng(header));
}

function notAnImage(): ApiError {
  return new ApiError(415, 'not_an_image', 'این فایل تصویر PNG، JPEG یا WebP نیست یا خراب است؛ تصویر دیگری برگزینید.');
}
