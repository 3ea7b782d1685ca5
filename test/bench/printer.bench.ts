// Printer figures: bytes of the default ticket (with and without the NV header), its time on a
// serial wire, and how long rendering a ticket takes.
import { renderTicket } from '../../drivers/printer/render.js';
import { encodeTicket } from '../../drivers/printer/ticket-bytes.js';
import { defaultJob, jobNumbered } from '../printer/fixtures.js';
import { percentile, type BenchFigure } from './figure.js';

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

  const detail = '576 dots, default job (priority label, rights line)';
  return [
    { name: 'bytes per default ticket, header in NV memory', value: nvBytes, unit: 'B', target: { op: '<=', value: 12288 }, detail: `${detail}; first ticket of a session adds the upload: ${uploadBytes} B` },
    { name: 'bytes per default ticket, plain raster header', value: plainBytes, unit: 'B', target: { op: '<=', value: 12288 }, detail },
    { name: 'transfer at 115200 baud, NV header', value: wireMs(nvBytes, 115200), unit: 'ms', detail: 'bytes × 10 / baud' },
    { name: 'transfer at 115200 baud, plain raster', value: wireMs(plainBytes, 115200), unit: 'ms', detail: 'bytes × 10 / baud' },
    { name: 'transfer at 38400 baud, NV header', value: wireMs(nvBytes, 38400), unit: 'ms', detail: 'bytes × 10 / baud' },
    { name: 'transfer at 38400 baud, plain raster', value: wireMs(plainBytes, 38400), unit: 'ms', detail: 'bytes × 10 / baud' },
    { name: 'ticket render time, p50', value: percentile(renderMs, 50), unit: 'ms', detail: '50 renders of differing jobs after 5 warm-up' },
    { name: 'ticket render time, p99', value: percentile(renderMs, 99), unit: 'ms', detail: '50 renders of differing jobs after 5 warm-up' },
  ];
};
