// The printer's worker thread: renders, encodes and sends tickets, so that the Persian layout and
// raster work (milliseconds a ticket) never holds up the server's answers to kiosks and desks.
import { parentPort, workerData } from 'node:worker_threads';
import { createPrinter } from '../index.js';
import type { PrinterConfig } from '../types.js';
import type { WorkerReply, WorkerRequest } from './messages.js';

const printer = createPrinter(workerData as PrinterConfig);
const port = parentPort!;

port.on('message', (request: WorkerRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});

async function answer(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.kind) {
    case 'print':
      return { id: request.id, kind: 'print', result: await printer.print(request.job) };
    case 'status':
      return { id: request.id, kind: 'status', status: await printer.status() };
    case 'close':
      await printer.close();
      return { id: request.id, kind: 'close' };
  }
}
