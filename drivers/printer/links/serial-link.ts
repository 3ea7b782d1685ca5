// A printer on a serial port (RS-232 or a USB-serial adapter) through the serialport package.
import { SerialPort } from 'serialport';
import { existsSync } from 'node:fs';
import { IncomingBytes, LinkGoneError, withTimeout, type ByteLink } from './byte-link.js';

const GONE_CHECK_MS = 500;

export async function openSerialLink(path: string, baudRate: number, timeoutMs: number): Promise<ByteLink> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await withTimeout(
    new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(new LinkGoneError(error.message)) : resolve()))),
    timeoutMs,
    `opening ${path}`,
  );
  const incoming = new IncomingBytes();
  let alive = true;
  port.on('data', (chunk: Buffer) => incoming.push(chunk));
  port.on('error', () => undefined); // 'close' follows and carries the consequence
  // serialport reads a hung-up tty (a USB adapter pulled out, a socat pty torn down) as endless
  // empty reads: no 'close', no 'error', and a core kept busy. The device node goes with it, so a
  // port whose path has gone is closed here.
  const watch = setInterval(() => existsSync(path) || port.close(() => undefined), GONE_CHECK_MS);
  watch.unref();
  port.on('close', () => {
    clearInterval(watch);
    alive = false;
    incoming.end(new LinkGoneError(`${path} closed`));
  });

  const link: ByteLink = {
    get alive() {
      return alive;
    },
    async write(bytes, writeTimeoutMs) {
      if (!alive) throw new LinkGoneError(`${path} closed`);
      // The wire itself takes bytes × 10 bits / baud; the timeout is on top of that.
      const wireMs = Math.ceil((bytes.length * 10 * 1000) / baudRate);
      await withTimeout(
        new Promise<void>((resolve, reject) => {
          port.write(Buffer.from(bytes), (error) => error && reject(new LinkGoneError(error.message)));
          port.drain((error) => (error ? reject(new LinkGoneError(error.message)) : resolve()));
        }),
        writeTimeoutMs + wireMs,
        `writing ${bytes.length} bytes to ${path}`,
      );
    },
    async ask(request, accept, askTimeoutMs) {
      incoming.clear();
      await link.write(request, askTimeoutMs);
      return incoming.next(accept, askTimeoutMs);
    },
    async close() {
      if (!port.isOpen) return;
      await new Promise<void>((resolve) => port.close(() => resolve()));
    },
  };
  return link;
}
