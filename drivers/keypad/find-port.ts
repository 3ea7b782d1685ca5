// Finds a keypad's serial device: the configured path, or the port whose USB vendor and product
// ids match, which survives the device being renumbered (/dev/ttyACM0 → ttyACM1) on replug.
import { SerialPort } from 'serialport';

export interface PortSelector {
  path?: string;
  vendorId?: string;
  productId?: string;
}

/** The path to open, or null when no such device is plugged in right now. */
export async function findKeypadPort(selector: PortSelector): Promise<string | null> {
  if (selector.path) return selector.path;
  const vendorId = normaliseUsbId(selector.vendorId);
  const productId = normaliseUsbId(selector.productId);
  const ports = await SerialPort.list();
  const match = ports.find(
    (port) => normaliseUsbId(port.vendorId) === vendorId && normaliseUsbId(port.productId) === productId,
  );
  return match?.path ?? null;
}

/** USB ids are written as `2341`, `0x2341` or `0X2341` depending on who wrote them. */
function normaliseUsbId(id: string | undefined): string | null {
  if (!id) return null;
  return id.toLowerCase().replace(/^0x/, '').padStart(4, '0');
}
