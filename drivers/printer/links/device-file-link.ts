// A USB printer through its kernel device file (/dev/usb/lp0). The file is opened non-blocking:
// usblp allows one open at a time and a blocking read would hold a libuv thread until the printer
// spoke, so reads and writes that would block are retried on a short timer until their deadline.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { LinkGoneError, LinkTimeoutError, type ByteLink } from './byte-link.js';

const retryMs = 5;
const wouldBlock = new Set(['EAGAIN', 'EWOULDBLOCK']);

export async function openDeviceFileLink(path: string): Promise<ByteLink> {
  let file: FileHandle;
  try {
    file = await open(path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    throw new LinkGoneError(`${path}: ${(error as Error).message}`);
  }
  let alive = true;
  const gone = async (error: unknown): Promise<never> => {
    alive = false;
    await file.close().catch(() => undefined);
    throw new LinkGoneError(`${path}: ${(error as Error).message}`);
  };
  const isWouldBlock = (error: unknown) => wouldBlock.has((error as NodeJS.ErrnoException).code ?? '');
  const scratch = Buffer.alloc(64);

  const link: ByteLink = {
    get alive() {
      return alive;
    },
    async write(bytes, timeoutMs) {
      if (!alive) throw new LinkGoneError(`${path} closed`);
      const deadline = Date.now() + timeoutMs;
      let at = 0;
      while (at < bytes.length) {
        try {
          const { bytesWritten } = await file.write(bytes, at, bytes.length - at);
          at += bytesWritten;
          continue;
        } catch (error) {
          if (!isWouldBlock(error)) return gone(error);
        }
        if (Date.now() > deadline) throw new LinkTimeoutError(`${path} took no bytes for ${timeoutMs} ms`);
        await delay(retryMs);
      }
    },
    async ask(request, accept, timeoutMs) {
      await drain();
      await link.write(request, timeoutMs);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        let got = 0;
        try {
          got = (await file.read(scratch, 0, scratch.length, null)).bytesRead;
        } catch (error) {
          if (!isWouldBlock(error)) return gone(error);
        }
        for (let i = 0; i < got; i++) if (accept(scratch[i]!)) return scratch[i]!;
        if (Date.now() > deadline) throw new LinkTimeoutError(`no answer from ${path} within ${timeoutMs} ms`);
        if (got === 0) await delay(retryMs);
      }
    },
    async close() {
      if (!alive) return;
      alive = false;
      await file.close();
    },
  };

  /** Drops answers that arrived late for an earlier question. */
  async function drain(): Promise<void> {
    for (;;) {
      try {
        if ((await file.read(scratch, 0, scratch.length, null)).bytesRead === 0) return;
      } catch (error) {
        if (isWouldBlock(error)) return;
        return gone(error);
      }
    }
  }
  return link;
}
