// The messages between the server and the printer's worker thread.
import type { PrintResult, PrinterStatus, PrintJob } from '../types.js';

export type WorkerRequest =
  | { id: number; kind: 'print'; job: PrintJob }
  | { id: number; kind: 'status' }
  | { id: number; kind: 'close' };

export type WorkerReply =
  | { id: number; kind: 'print'; result: PrintResult }
  | { id: number; kind: 'status'; status: PrinterStatus }
  | { id: number; kind: 'close' };
