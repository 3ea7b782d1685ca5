// The printer driver's settings from the office's: the configured printer with its defaults, or the
// virtual one that writes each ticket as bytes and a PNG into the data folder.
import { join } from 'node:path';
import type { PrinterConfig } from '../../drivers/printer/types.js';
import type { OfficeConfig } from '../config/schema.js';

export function printerDriverSettings(config: OfficeConfig, dataDir: string): PrinterConfig {
  const settings = { widthDots: 576, nvHeader: false, timeoutMs: 2000, ...config.printer } as const;
  return { widthDots: settings.widthDots, nvHeader: settings.nvHeader, timeoutMs: settings.timeoutMs, transport: config.printer?.transport ?? { kind: 'file', dir: join(dataDir, 'printed') } };
}
