// A network printer on its raw port (9100 by convention) over TCP.
import { connect } from 'node:net';
import { IncomingBytes, LinkGoneError, withTimeout, type ByteLink } from './byte-link.js';

export async function openTcpLink(host: string, port: number, timeoutMs: number): Promise<ByteLink> {
  const socket = connect({ host, port, noDelay: true });
  try {
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('error', (error) => reject(new LinkGoneError(error.message)));
      }),
      timeoutMs,
      `connecting to ${host}:${port}`,
    );
  } catch (error) {
    socket.destroy();
    throw error;
  }
  const incoming = new IncomingBytes();
  let alive = true;
  socket.on('data', (chunk) => incoming.push(chunk));
  socket.on('error', () => undefined); // 'close' follows
  socket.on('close', () => {
    alive = false;
    incoming.end(new LinkGoneError(`${host}:${port} closed`));
  });

  const link: ByteLink = {
    get alive() {
      return alive;
    },
    async write(bytes, writeTimeoutMs) {
      if (!alive) throw new LinkGoneError(`${host}:${port} closed`);
      await withTimeout(
        new Promise<void>((resolve, reject) => socket.write(bytes, (error) => (error ? reject(new LinkGoneError(error.message)) : resolve()))),
        writeTimeoutMs,
        `writing ${bytes.length} bytes to ${host}:${port}`,
      );
    },
    async ask(request, accept, askTimeoutMs) {
      incoming.clear();
      await link.write(request, askTimeoutMs);
      return incoming.next(accept, askTimeoutMs);
    },
    async close() {
      if (socket.destroyed) return;
      await new Promise<void>((resolve) => socket.end(() => resolve()));
      socket.destroy();
    },
  };
  return link;
}
