// Renders one Persian text line to a 1-bit bitmap through sharp's libvips text operator, which runs
// Pango with HarfBuzz (letter joining) and FriBidi (right-to-left runs) over the Vazirmatn font.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { bitmapFromCoverage, type Bitmap } from './bitmap.js';
import type { Align } from './layout.js';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('vazirmatn/package.json')), 'fonts', 'ttf');
const fontFiles = { regular: join(fontDir, 'Vazirmatn-Regular.ttf'), bold: join(fontDir, 'Vazirmatn-Bold.ttf') };

/** Coverage at or above this becomes a dot; a little under half keeps thin joins of the script. */
const inkThreshold = 112;
/** Pango takes the paragraph direction from the first strong character; a line that opens with
 * digits or Latin would come out left-to-right, so every line opens with RIGHT-TO-LEFT MARK. */
const rightToLeftMark = '\u200F';

export interface TextRequest {
  text: string;
  sizePx: number;
  bold: boolean;
  align: Align;
  maxWidth: number;
}

const cache = new Map<string, Promise<Bitmap>>();
const cacheLimit = 400;

/** Rendered text cropped to its ink (sharp crops the output that way); cached, as labels repeat. */
export function renderTextLine(request: TextRequest): Promise<Bitmap> {
  const key = JSON.stringify(request);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const rendering = rasteriseText(request);
  rendering.catch(() => cache.delete(key));
  cache.set(key, rendering);
  if (cache.size > cacheLimit) cache.delete(cache.keys().next().value!);
  return rendering;
}

async function rasteriseText({ text, sizePx, bold, align, maxWidth }: TextRequest): Promise<Bitmap> {
  const { data, info } = await sharp({
    text: {
      text: rightToLeftMark + escapeMarkup(text),
      font: `Vazirmatn${bold ? ' Bold' : ''} ${sizePx}px`,
      fontfile: bold ? fontFiles.bold : fontFiles.regular,
      width: maxWidth,
      align: align === 'centre' ? 'centre' : align,
      dpi: 72,
      rgba: false,
    },
  })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return bitmapFromCoverage(data, info.width, info.height, inkThreshold);
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
