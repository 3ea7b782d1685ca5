// A 1-bit image as a thermal printer sees it: rows packed MSB-first, a set bit is a burnt dot.
// The same packing as ESC/POS raster data, so encoding a band is slicing, not converting.

export interface Bitmap {
  width: number;
  height: number;
  /** Bytes per row: ceil(width / 8). */
  rowBytes: number;
  bits: Uint8Array;
}

export function blankBitmap(width: number, height: number): Bitmap {
  const rowBytes = Math.ceil(width / 8);
  return { width, height, rowBytes, bits: new Uint8Array(rowBytes * height) };
}

export function getDot(image: Bitmap, x: number, y: number): boolean {
  return (image.bits[y * image.rowBytes + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
}

export function setDot(image: Bitmap, x: number, y: number): void {
  const i = y * image.rowBytes + (x >> 3);
  image.bits[i] = image.bits[i]! | (0x80 >> (x & 7));
}

/** From an 8-bit coverage mask (255 = full ink, as sharp's text mask gives it). */
export function bitmapFromCoverage(coverage: Uint8Array, width: number, height: number, threshold: number): Bitmap {
  const image = blankBitmap(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (coverage[y * width + x]! >= threshold) setDot(image, x, y);
  }
  return image;
}

/**
 * ORs `source` into `target` with its top-left corner at (left, top); clipped to the target.
 * Works a byte (eight dots) at a time: a ticket is drawn and stacked several times per slip.
 */
export function drawBitmap(target: Bitmap, source: Bitmap, left: number, top: number): void {
  const shift = ((left % 8) + 8) % 8;
  const firstByte = (left - shift) / 8;
  const lastSourceMask = edgeMask(source.width);
  const lastTargetMask = edgeMask(target.width);
  for (let y = 0; y < source.height; y++) {
    const ty = top + y;
    if (ty < 0 || ty >= target.height) continue;
    const from = y * source.rowBytes;
    const to = ty * target.rowBytes;
    for (let i = 0; i < source.rowBytes; i++) {
      let byte = source.bits[from + i]!;
      if (i === source.rowBytes - 1) byte &= lastSourceMask;
      if (byte === 0) continue;
      orByte(target, to, firstByte + i, byte >> shift, lastTargetMask);
      if (shift > 0) orByte(target, to, firstByte + i + 1, (byte << (8 - shift)) & 0xff, lastTargetMask);
    }
  }
}

/** The bits of a row's last byte that lie inside an image `width` dots wide. */
function edgeMask(width: number): number {
  const used = width % 8;
  return used === 0 ? 0xff : (0xff << (8 - used)) & 0xff;
}

function orByte(target: Bitmap, rowStart: number, column: number, byte: number, lastMask: number): void {
  if (byte === 0 || column < 0 || column >= target.rowBytes) return;
  const masked = column === target.rowBytes - 1 ? byte & lastMask : byte;
  target.bits[rowStart + column] = target.bits[rowStart + column]! | masked;
}

/** Stacks images top to bottom on a canvas `width` wide; each is placed at its own left offset. */
export function stackBitmaps(width: number, pieces: Array<{ image: Bitmap; left: number }>): Bitmap {
  const height = pieces.reduce((sum, piece) => sum + piece.image.height, 0);
  const canvas = blankBitmap(width, height);
  let top = 0;
  for (const piece of pieces) {
    drawBitmap(canvas, piece.image, piece.left, top);
    top += piece.image.height;
  }
  return canvas;
}

export function rowIsBlank(image: Bitmap, y: number): boolean {
  const start = y * image.rowBytes;
  for (let i = start; i < start + image.rowBytes; i++) if (image.bits[i] !== 0) return false;
  return true;
}

/** One byte per dot, 0 for ink and 255 for paper: what a PNG of the printed ticket shows. */
export function toGreyPixels(image: Bitmap): Uint8Array {
  const grey = new Uint8Array(image.width * image.height).fill(255);
  for (let y = 0; y < image.height; y++) {
    const row = y * image.rowBytes;
    for (let i = 0; i < image.rowBytes; i++) {
      const byte = image.bits[row + i]!;
      if (byte === 0) continue;
      const end = Math.min(8, image.width - i * 8);
      for (let bit = 0; bit < end; bit++) if (byte & (0x80 >> bit)) grey[y * image.width + i * 8 + bit] = 0;
    }
  }
  return grey;
}

/** Dots that differ between two images, the smaller one padded with paper. */
export function countDifferentDots(a: Bitmap, b: Bitmap): number {
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  const inside = (image: Bitmap, x: number, y: number) => x < image.width && y < image.height && getDot(image, x, y);
  let different = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (inside(a, x, y) !== inside(b, x, y)) different++;
  }
  return different;
}
