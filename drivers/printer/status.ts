// Reads the printer's state from the three real-time status bytes (DLE EOT 1, 2, 4), decides which
// fault stops printing, and words it in Persian for the office staff.
import type { PrinterFault, PrinterStatus } from './types.js';

export interface StatusBytes {
  /** DLE EOT 1: printer status (bit 3 offline). */
  printer: number;
  /** DLE EOT 2: offline cause (bit 2 cover open, bit 5 stopped by paper end, bit 6 error). */
  offlineCause: number;
  /** DLE EOT 4: roll paper sensor (bits 2–3 near end, bits 5–6 paper end). */
  paperSensor: number;
}

/** Every status byte has bits 1 and 4 set and bits 0 and 7 clear; anything else is not an answer. */
export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

export function parseStatus({ printer, offlineCause, paperSensor }: StatusBytes): PrinterStatus {
  const coverOpen = (offlineCause & 0x04) !== 0;
  const paperEnd = (paperSensor & 0x60) !== 0 || (offlineCause & 0x20) !== 0;
  const paperNearEnd = (paperSensor & 0x0c) !== 0;
  const online = (printer & 0x08) === 0;
  const status: PrinterStatus = { online, paperEnd, paperNearEnd, coverOpen };
  const fault = faultOf(status, (offlineCause & 0x40) !== 0);
  if (fault) status.fault = fault;
  return status;
}

/** Paper near end still prints; it is for staff to see, not a reason to refuse a ticket. */
function faultOf(status: PrinterStatus, error: boolean): PrinterFault | undefined {
  if (status.coverOpen) return 'cover_open';
  if (status.paperEnd) return 'paper_end';
  if (error) return 'error';
  if (!status.online) return 'offline';
  return undefined;
}

export const healthyStatus: PrinterStatus = { online: true, paperEnd: false, paperNearEnd: false, coverOpen: false };

export function unreachableStatus(fault: PrinterFault): PrinterStatus {
  return { online: false, paperEnd: false, paperNearEnd: false, coverOpen: false, fault };
}

export const faultMessages: Record<PrinterFault, string> = {
  paper_end: 'کاغذ چاپگر تمام شده است',
  cover_open: 'درِ چاپگر باز است',
  offline: 'چاپگر در دسترس نیست یا خاموش است',
  timeout: 'چاپگر پاسخ نمی‌دهد',
  error: 'چاپگر با خطا متوقف شده است',
};
