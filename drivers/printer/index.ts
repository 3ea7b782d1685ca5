// The ticket printer driver's entry point: builds the printer the configuration names.
import { EscPosPrinter } from './escpos-printer.js';
import { FilePrinter } from './file-printer.js';
import { openDeviceFileLink } from './links/device-file-link.js';
import { openSerialLink } from './links/serial-link.js';
import { openTcpLink } from './links/tcp-link.js';
import type { PrinterConfig, TicketPrinter } from './types.js';

export type * from './types.js';
export { faultMessages } from './status.js';
export { WorkerPrinter } from './worker/worker-printer.js';

export function createPrinter(config: PrinterConfig): TicketPrinter {
  const { transport, timeoutMs } = config;
  switch (transport.kind) {
    case 'file':
      return new FilePrinter(transport.dir, config);
    case 'serial':
      return new EscPosPrinter(config, () => openSerialLink(transport.path, transport.baudRate, timeoutMs));
    case 'usb':
      return new EscPosPrinter(config, () => openDeviceFileLink(transport.path));
    case 'tcp':
      return new EscPosPrinter(config, () => openTcpLink(transport.host, transport.port, timeoutMs));
  }
}
