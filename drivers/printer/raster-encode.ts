// Encodes a 1-bit image as ESC/POS raster: blank rows become paper feeds, ink becomes GS v 0 bands
// of at most 255 rows, each cropped to the bytes that hold ink (a left margin keeps its place).
import { rowIsBlank, type Bitmap } from './bitmap.js';
import { concatBytes, feedDots, leftMargin, rasterBandHeader } from './escpos.js';

/** Many printers take at most 255 rows per GS v 0 even though the header allows more. */
export const maxBandRows = 255;

export interface RasterOptions {
  /** Crop bands on the left too, moving them with GS L; off for printers whose motion unit is not a dot. */
  cropLeft: boolean;
}

export function encodeRaster(image: Bitmap, options: RasterOptions = { cropLeft: true }): Uint8Array {
  const parts: Uint8Array[] = [];
  let pendingFeed = 0;
  let marginBytes = 0;
  let y = 0;
  while (y < image.height) {
    if (rowIsBlank(image, y)) {
      pendingFeed++;
      y++;
      continue;
    }
    let end = y;
    while (end < image.height && end - y < maxBandRows && !rowIsBlank(image, end)) end++;
    if (pendingFeed > 0) parts.push(feedDots(pendingFeed));
    pendingFeed = 0;
    const rows = end - y;
    const { first, last } = inkByteColumns(image, y, end);
    // Moving the margin costs 4 bytes; only worth it when it saves more.
    const left = options.cropLeft && first * rows > 4 ? first : 0;
    if (left !== marginBytes) {
      parts.push(leftMargin(left * 8));
      marginBytes = left;
    }
    parts.push(rasterBandHeader(last - left + 1, rows), sliceColumns(image, y, end, left, last));
    y = end;
  }
  if (pendingFeed > 0) parts.push(feedDots(pendingFeed));
  if (marginBytes !== 0) parts.push(leftMargin(0));
  return concatBytes(parts);
}

function inkByteColumns(image: Bitmap, top: number, end: number): { first: number; last: number } {
  let first = image.rowBytes;
  let last = -1;
  for (let y = top; y < end; y++) {
    const row = y * image.rowBytes;
    for (let b = 0; b < image.rowBytes; b++) {
      if (image.bits[row + b] === 0) continue;
      if (b < first) first = b;
      if (b > last) last = b;
    }
  }
  return { first, last };
}

function sliceColumns(image: Bitmap, top: number, end: number, first: number, last: number): Uint8Array {
  const width = last - first + 1;
  const out = new Uint8Array(width * (end - top));
  for (let y = top; y < end; y++) {
    const from = y * image.rowBytes + first;
    out.set(image.bits.subarray(from, from + width), (y - top) * width);
  }
  return out;
}
