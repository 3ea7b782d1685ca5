// Draws the QR code of the tracking address as a bitmap, each module a square of whole dots so the
// printed code stays sharp (no scaling by interpolation).
import QRCode from 'qrcode';
import { blankBitmap, setDot, type Bitmap } from './bitmap.js';

/**
 * Without its quiet zone: the blank paper around it on the ticket serves as one. Each module is as
 * many whole dots as it takes for the code to be at least `minSideDots` wide.
 */
export function renderQrCode(url: string, minSideDots: number): Bitmap {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const dotsPerModule = Math.ceil(minSideDots / modules.size);
  const side = modules.size * dotsPerModule;
  const image = blankBitmap(side, side);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let dy = 0; dy < dotsPerModule; dy++) {
        for (let dx = 0; dx < dotsPerModule; dx++) setDot(image, col * dotsPerModule + dx, row * dotsPerModule + dy);
      }
    }
  }
  return image;
}
