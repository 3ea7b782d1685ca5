// Printer figures: bytes of the default ticket (with and without the NV header, with and without a
// logo), its time on a serial wire, and how long rendering a ticket takes.
import sharp from 'sharp';
import { renderTicket } from '../../drivers/printer/render.js';
import { encodeTicket, TICKET_BYTE_BUDGET } from '../../drivers/printer/ticket-bytes.js';
import type { TicketLogo } from '../../drivers/printer/types.js';
import { normaliseLogo } from '../../server/admin/logo-upload.js';
import { ticketLogoOf } from '../../server/config/logo.js';
import { defaultJob, jobNumbered } from '../printer/fixtures.js';
import { percentile, type BenchFigure } from './figure.js';

/** An uploaded image as the server keeps it and the printer is given it. */
async function uploadedLogo(width: number, height: number, grey: (x: number, y: number) => number): Promise<TicketLogo> {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = grey(x, y);
  const file = await sharp(pixels, { raw: { width, height, channels: 1 } }).png().toBuffer();
  return ticketLogoOf((await normaliseLogo(file, 576)).dataUrl)!;
}

/** A round emblem, 400×400 as uploaded (120×120 dots as printed, the tallest a logo is made): a ring around a filled disc. */
const emblem = () =>
  uploadedLogo(400, 400, (x, y) => {
    const r = Math.hypot(x - 200, y - 200);
    return (r > 150 && r < 195) || r < 90 ? 0 : 255;
  });
/** The worst a logo can cost: a photo-like grey ramp across the paper, dithered to ink everywhere. */
const ramp = () => uploadedLogo(1680, 360, (x) => Math.round((x / 1679) * 255));

export default async (): Promise<BenchFigure[]> => {
  const ticket = await renderTicket(defaultJob, 576);
  const plainBytes = encodeTicket(ticket, 'raster').length;
  const nvBytes = encodeTicket(ticket, 'stored-nv').length;
  const uploadBytes = encodeTicket(ticket, 'upload-nv').length;
  const wireMs = (bytes: number, baud: number) => (bytes * 10 * 1000) / baud;

  // Every job differs in number, people ahead and minute, as at a kiosk; labels and the header
  // come from the renderer's caches after the first.
  const renderMs: number[] = [];
  for (let i = 0; i < 55; i++) {
    const started = performance.now();
    await renderTicket(jobNumbered(1100 + i), 576);
    if (i >= 5) renderMs.push(performance.now() - started);
  }
  renderMs.sort((a, b) => a - b);

  const withLogo = async (logo: TicketLogo) => {
    const rendered = await renderTicket({ ...defaultJob, logo }, 576);
    return { plain: encodeTicket(rendered, 'raster').length, nv: encodeTicket(rendered, 'stored-nv').length, upload: encodeTicket(rendered, 'upload-nv').length };
  };
  const emblemBytes = await withLogo(await emblem());
  const rampBytes = await withLogo(await ramp());

  const detail = '576 dots, default job (priority label, rights line)';
  return [
    { name: 'bytes per default ticket, header in NV memory', value: nvBytes, unit: 'B', target: { op: '<=', value: TICKET_BYTE_BUDGET }, detail: `${detail}; first ticket of a session adds the upload: ${uploadBytes} B` },
    { name: 'bytes per default ticket, plain raster header', value: plainBytes, unit: 'B', target: { op: '<=', value: TICKET_BYTE_BUDGET }, detail },
    { name: 'bytes per default ticket with a logo, header in NV memory', value: emblemBytes.nv, unit: 'B', target: { op: '<=', value: TICKET_BYTE_BUDGET }, detail: `${detail}; 120×120-dot emblem; first ticket after a logo change adds the upload: ${emblemBytes.upload} B` },
    { name: 'bytes per default ticket with a logo, plain raster header', value: emblemBytes.plain, unit: 'B', target: { op: '<=', value: TICKET_BYTE_BUDGET }, detail: `${detail}; 120×120-dot emblem (ring and disc, uploaded at 400×400)` },
    { name: 'bytes per default ticket with a worst-case logo, plain raster header', value: rampBytes.plain, unit: 'B', detail: `${detail}; the widest and tallest logo (560×120 dots), a grey ramp dithered to ink everywhere; NV header: ${rampBytes.nv} B, upload ${rampBytes.upload} B` },
    { name: 'transfer at 115200 baud, NV header', value: wireMs(nvBytes, 115200), unit: 'ms', detail: 'bytes × 10 / baud' },
    { name: 'transfer at 115200 baud, plain raster', value: wireMs(plainBytes, 115200), unit: 'ms', detail: 'bytes × 10 / baud' },
    { name: 'transfer at 38400 baud, NV header', value: wireMs(nvBytes, 38400), unit: 'ms', detail: 'bytes × 10 / baud' },
    { name: 'transfer at 38400 baud, plain raster', value: wireMs(plainBytes, 38400), unit: 'ms', detail: 'bytes × 10 / baud' },
    { name: 'ticket render time, p50', value: percentile(renderMs, 50), unit: 'ms', detail: '50 renders of differing jobs after 5 warm-up' },
    { name: 'ticket render time, p99', value: percentile(renderMs, 99), unit: 'ms', detail: '50 renders of differing jobs after 5 warm-up' },
  ];
};
