// ESC/POS command bytes used by the ticket printer, each built from the Epson reference. Where a
// command takes a distance, the printer's default motion unit is assumed to be one dot (true of the
// 180/203 dpi receipt printers this targets).

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;

/** ESC @: clears the buffer and resets modes, so a previous half-sent job cannot leak in. */
export const initialise = Uint8Array.of(ESC, 0x40);

/** GS V 66 n: feed to the cutter plus n dots, then partial cut. */
export function feedAndCut(extraFeedDots = 0): Uint8Array {
  return Uint8Array.of(GS, 0x56, 66, clampByte(extraFeedDots));
}

/** ESC J n: feed n dots (at most 255), used instead of sending blank raster rows. */
export function feedDots(dots: number): Uint8Array {
  const out: number[] = [];
  for (let left = dots; left > 0; left -= 255) out.push(ESC, 0x4a, Math.min(255, left));
  return Uint8Array.from(out);
}

/** GS L nL nH: left margin in dots; lets a band cropped on the left keep its place. */
export function leftMargin(dots: number): Uint8Array {
  return Uint8Array.of(GS, 0x4c, dots & 0xff, (dots >> 8) & 0xff);
}

/** GS v 0 m xL xH yL yH d…: one raster band, `rowBytes` wide and `rows` high, normal scale. */
export function rasterBandHeader(rowBytes: number, rows: number): Uint8Array {
  return Uint8Array.of(GS, 0x76, 0x30, 0, rowBytes & 0xff, (rowBytes >> 8) & 0xff, rows & 0xff, (rows >> 8) & 0xff);
}

/** Key of the header image in NV graphics memory (two printable ASCII bytes, 32–126). */
export const nvHeaderKey = Uint8Array.of(0x4e, 0x42); // "NB"

/** GS ( L fn 66: delete one NV graphic by key, so a new header replaces the old instead of piling up. */
export function nvDelete(key: Uint8Array): Uint8Array {
  return Uint8Array.of(GS, 0x28, 0x4c, 4, 0, 48, 66, key[0]!, key[1]!);
}

/**
 * GS ( L fn 67: define an NV graphic in raster format, one colour. Length counts m..end, so images
 * up to 65,524 data bytes fit (a 576-dot header up to 910 rows).
 */
export function nvDefineRaster(key: Uint8Array, widthDots: number, rows: number, data: Uint8Array): Uint8Array {
  const length = 11 + data.length;
  if (length > 0xffff) throw new RangeError(`NV graphic too large: ${data.length} bytes`);
  const head = Uint8Array.of(
    GS, 0x28, 0x4c, length & 0xff, length >> 8, 48, 67, 48, key[0]!, key[1]!, 1,
    widthDots & 0xff, widthDots >> 8, rows & 0xff, rows >> 8, 49,
  );
  return concatBytes([head, data]);
}

/** GS ( L fn 69: print an NV graphic at normal scale. */
export function nvPrint(key: Uint8Array): Uint8Array {
  return Uint8Array.of(GS, 0x28, 0x4c, 6, 0, 48, 69, key[0]!, key[1]!, 1, 1);
}

/** DLE EOT n: real-time status; the printer answers one byte even while busy. */
export type StatusQuery = 1 | 2 | 4;
export function statusRequest(n: StatusQuery): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function clampByte(n: number): number {
  return Math.max(0, Math.min(255, Math.round(n)));
}
