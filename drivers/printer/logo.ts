// The office's logo at the top of the ticket: a small greyscale PNG (normalised by the server when
// an admin uploads it) turned into burnt dots. sharp decodes it and scales it down if the paper is
// narrower than it was made for; Floyd–Steinberg error diffusion then makes the 1-bit image, because
// sharp itself offers only a plain threshold (flat grey becomes all paper or all ink) or palette
// quantisation, which picks two greys of its own rather than ink and paper.
import sharp from 'sharp';
import { blankBitmap, setDot, type Bitmap } from './bitmap.js';
import type { TicketLogo } from './types.js';

/** The logo at most `maxWidth` dots wide, dithered to ink and paper. */
export async function renderLogo(logo: TicketLogo, maxWidth: number): Promise<Bitmap> {
  const { data, info } = await sharp(logo.png)
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize({ width: maxWidth, fit: 'inside', withoutEnlargement: true })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return ditherToBitmap(data, info.width, info.height);
}

/** Floyd–Steinberg over 8-bit grey (0 black, 255 white): each dot's rounding error goes to its neighbours. */
export function ditherToBitmap(grey: Uint8Array, width: number, height: number): Bitmap {
  const image = blankBitmap(width, height);
  const level = Float32Array.from(grey);
  const spread = (x: number, y: number, amount: number) => {
    if (x >= 0 && x < width && y < height) level[y * width + x]! += amount;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = level[y * width + x]!;
      const ink = value < 128;
      if (ink) setDot(image, x, y);
      const error = value - (ink ? 0 : 255);
      spread(x + 1, y, (error * 7) / 16);
      spread(x - 1, y + 1, (error * 3) / 16);
      spread(x, y + 1, (error * 5) / 16);
      spread(x + 1, y + 1, error / 16);
    }
  }
  return image;
}
