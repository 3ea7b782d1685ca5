// Writes a 1-bit bitmap as a greyscale PNG, for the virtual printer and for looking at tests' output.
import sharp from 'sharp';
import { toGreyPixels, type Bitmap } from './bitmap.js';

export function bitmapToPng(image: Bitmap): Promise<Buffer> {
  return sharp(toGreyPixels(image), { raw: { width: image.width, height: Math.max(1, image.height), channels: 1 } })
    .png({ compressionLevel: 9, palette: false })
    .toBuffer();
}
