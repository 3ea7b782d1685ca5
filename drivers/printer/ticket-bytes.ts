// Assembles the byte stream of one ticket: reset, the static header (from NV memory, uploading it
// first when the printer does not hold it yet, or as plain raster), the body raster, and the cut.
import { encodeRaster, type RasterOptions } from './raster-encode.js';
import { concatBytes, feedAndCut, initialise, nvDefineRaster, nvDelete, nvHeaderKey, nvPrint } from './escpos.js';
import type { RenderedTicket } from './render.js';

/**
 * What one ticket may cost on the wire: 14 KB, about 1.3 s on a 115200-baud serial printer. The
 * 25 mm QR code a phone reads from arm's length takes about 5 KB of it.
 */
export const TICKET_BYTE_BUDGET = 14 * 1024;

export type HeaderMode =
  /** Print the header as raster like the rest (printers without NV graphics). */
  | 'raster'
  /** Store the header in NV memory now, then print it from there. */
  | 'upload-nv'
  /** The printer already holds this header: print it from NV memory. */
  | 'stored-nv';

export function encodeTicket(ticket: RenderedTicket, headerMode: HeaderMode, raster?: RasterOptions): Uint8Array {
  const parts: Uint8Array[] = [initialise];
  if (headerMode === 'upload-nv') {
    const { header } = ticket;
    parts.push(nvDelete(nvHeaderKey), nvDefineRaster(nvHeaderKey, header.rowBytes * 8, header.height, header.bits));
  }
  parts.push(headerMode === 'raster' ? encodeRaster(ticket.header, raster) : nvPrint(nvHeaderKey));
  parts.push(encodeRaster(ticket.body, raster), feedAndCut());
  return concatBytes(parts);
}
