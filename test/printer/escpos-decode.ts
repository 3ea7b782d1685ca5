// Test decoder for the printer's ESC/POS stream: walks every command the driver may send, checks
// each raster band's header against its data, and rebuilds the 1-bit image a printer would burn.
// Written apart from the encoder (it imports none of drivers/printer's ESC/POS code) so a mistake
// made once in the encoder is not repeated here and silently agreed with.
import { blankBitmap, drawBitmap, type Bitmap } from '../../drivers/printer/bitmap.js';

export interface DecodedBand {
  /** Bytes per row and rows, as the GS v 0 header declared them. */
  rowBytes: number;
  rows: number;
  leftDots: number;
  top: number;
}

export interface NvGraphic {
  widthDots: number;
  rows: number;
  image: Bitmap;
}

export interface DecodedTicket {
  image: Bitmap;
  bands: DecodedBand[];
  cuts: number;
  inits: number;
  nvPrints: number;
  nvDefines: number;
  statusQueries: number[];
}

/** What a printer keeps across jobs: NV graphics by their two-byte key. */
export type NvStore = Map<string, NvGraphic>;

export class EscPosDecodeError extends Error {}

/** Length of the command starting at `at`, or null when the buffer ends before it does. */
export function commandLength(buf: Uint8Array, at: number): number | null {
  const need = (n: number) => (at + n <= buf.length ? n : null);
  const b0 = buf[at]!;
  if (b0 === 0x0a) return 1;
  if (b0 === 0x10) return need(3); // DLE EOT n
  if (b0 === 0x1b) {
    if (at + 1 >= buf.length) return null;
    const b1 = buf[at + 1]!;
    if (b1 === 0x40) return 2; // ESC @
    if (b1 === 0x4a || b1 === 0x61) return need(3); // ESC J n, ESC a n
    throw new EscPosDecodeError(`unknown ESC command 0x${b1.toString(16)} at ${at}`);
  }
  if (b0 === 0x1d) {
    if (at + 1 >= buf.length) return null;
    const b1 = buf[at + 1]!;
    if (b1 === 0x4c) return need(4); // GS L nL nH
    if (b1 === 0x56) {
      if (at + 2 >= buf.length) return null;
      const m = buf[at + 2]!;
      return m === 65 || m === 66 || m === 97 || m === 98 ? need(4) : need(3);
    }
    if (b1 === 0x76) {
      if (at + 8 > buf.length) return null;
      const rowBytes = buf[at + 4]! | (buf[at + 5]! << 8);
      const rows = buf[at + 6]! | (buf[at + 7]! << 8);
      return need(8 + rowBytes * rows);
    }
    if (b1 === 0x28) {
      if (at + 5 > buf.length) return null;
      return need(5 + (buf[at + 3]! | (buf[at + 4]! << 8)));
    }
    throw new EscPosDecodeError(`unknown GS command 0x${b1.toString(16)} at ${at}`);
  }
  throw new EscPosDecodeError(`stray byte 0x${b0.toString(16)} at ${at}: not the start of a command`);
}

export function decodeEscPos(stream: Uint8Array, widthDots: number, nv: NvStore = new Map()): DecodedTicket {
  const placed: Array<{ image: Bitmap; left: number; top: number }> = [];
  const out: DecodedTicket = { image: blankBitmap(widthDots, 0), bands: [], cuts: 0, inits: 0, nvPrints: 0, nvDefines: 0, statusQueries: [] };
  let y = 0;
  let leftDots = 0;
  let at = 0;
  while (at < stream.length) {
    const length = commandLength(stream, at);
    if (length === null) throw new EscPosDecodeError(`stream ends inside the command at ${at} (declared length runs past the end)`);
    const cmd = stream.subarray(at, at + length);
    const [b0, b1] = [cmd[0]!, cmd[1]];
    if (b0 === 0x10) {
      if (b1 !== 0x04) throw new EscPosDecodeError(`unknown DLE command at ${at}`);
      out.statusQueries.push(cmd[2]!);
    } else if (b0 === 0x0a) {
      y += 30;
    } else if (b0 === 0x1b && b1 === 0x40) {
      out.inits++;
      leftDots = 0;
    } else if (b0 === 0x1b && b1 === 0x4a) {
      y += cmd[2]!;
    } else if (b0 === 0x1d && b1 === 0x4c) {
      leftDots = cmd[2]! | (cmd[3]! << 8);
    } else if (b0 === 0x1d && b1 === 0x56) {
      out.cuts++;
    } else if (b0 === 0x1d && b1 === 0x76) {
      if (cmd[2] !== 0x30 || cmd[3] !== 0) throw new EscPosDecodeError(`GS v with unexpected mode at ${at}`);
      const rowBytes = cmd[4]! | (cmd[5]! << 8);
      const rows = cmd[6]! | (cmd[7]! << 8);
      if (leftDots + rowBytes * 8 > widthDots) throw new EscPosDecodeError(`band at ${at} runs past the paper: ${leftDots} + ${rowBytes * 8} > ${widthDots}`);
      const image: Bitmap = { width: rowBytes * 8, height: rows, rowBytes, bits: cmd.slice(8) };
      placed.push({ image, left: leftDots, top: y });
      out.bands.push({ rowBytes, rows, leftDots, top: y });
      y += rows;
    } else if (b0 === 0x1d && b1 === 0x28) {
      y += nvCommand(cmd, nv, out, (image) => placed.push({ image, left: 0, top: y }));
    } else {
      throw new EscPosDecodeError(`unhandled command at ${at}`);
    }
    at += length;
  }
  const image = blankBitmap(widthDots, y);
  for (const piece of placed) drawBitmap(image, piece.image, piece.left, piece.top);
  out.image = image;
  return out;
}

/** GS ( L: fn 66 delete, 67 define raster, 69 print. Returns the rows it advanced the paper. */
function nvCommand(cmd: Uint8Array, nv: NvStore, out: DecodedTicket, print: (image: Bitmap) => void): number {
  if (cmd[2] !== 0x4c || cmd[5] !== 48) throw new EscPosDecodeError('GS ( other than GS ( L');
  const fn = cmd[6]!;
  if (fn === 66) {
    nv.delete(String.fromCharCode(cmd[7]!, cmd[8]!));
    return 0;
  }
  if (fn === 67) {
    const key = String.fromCharCode(cmd[8]!, cmd[9]!);
    const widthDots = cmd[11]! | (cmd[12]! << 8);
    const rows = cmd[13]! | (cmd[14]! << 8);
    const data = cmd.slice(16);
    const rowBytes = Math.ceil(widthDots / 8);
    if (data.length !== rowBytes * rows) throw new EscPosDecodeError(`NV define: ${data.length} data bytes for ${widthDots}×${rows}`);
    nv.set(key, { widthDots, rows, image: { width: widthDots, height: rows, rowBytes, bits: data } });
    out.nvDefines++;
    return 0;
  }
  if (fn === 69) {
    const graphic = nv.get(String.fromCharCode(cmd[7]!, cmd[8]!));
    if (!graphic) throw new EscPosDecodeError('NV print of a key the printer does not hold');
    print(graphic.image);
    out.nvPrints++;
    return graphic.rows;
  }
  throw new EscPosDecodeError(`GS ( L function ${fn} not expected`);
}
