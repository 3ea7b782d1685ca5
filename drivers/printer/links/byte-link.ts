// What the printer needs from a transport: write a job, ask a one-byte real-time question, and say
// when the port has gone, so that the caller can reopen it later.

export interface ByteLink {
  /** False once the port or socket has closed under us; the link is then thrown away. */
  readonly alive: boolean;
  write(bytes: Uint8Array, timeoutMs: number): Promise<void>;
  /** Drops unread input, sends `request` and resolves with the next byte `accept` takes. */
  ask(request: Uint8Array, accept: (byte: number) => boolean, timeoutMs: number): Promise<number>;
  close(): Promise<void>;
}

/** The port or socket is not there (unplugged, closed, refused): worth reopening later. */
export class LinkGoneError extends Error {
  override name = 'LinkGoneError';
}

/** The device is there but did not answer or take the bytes in time. */
export class LinkTimeoutError extends Error {
  override name = 'LinkTimeoutError';
}

/** Bytes arriving from the device, waited on one at a time. */
export class IncomingBytes {
  private buffered: number[] = [];
  private waiter?: { accept: (byte: number) => boolean; resolve: (byte: number) => void; reject: (error: Error) => void };
  private gone?: Error;

  push(chunk: Uint8Array): void {
    for (const byte of chunk) {
      if (this.waiter?.accept(byte)) {
        const { resolve } = this.waiter;
        this.waiter = undefined;
        resolve(byte);
      } else if (!this.waiter) {
        this.buffered.push(byte);
      }
    }
  }

  clear(): void {
    this.buffered = [];
  }

  /** Every later wait fails with `error`, as does the current one. */
  end(error: Error): void {
    this.gone = error;
    this.waiter?.reject(error);
    this.waiter = undefined;
  }

  next(accept: (byte: number) => boolean, timeoutMs: number): Promise<number> {
    while (this.buffered.length > 0) {
      const byte = this.buffered.shift()!;
      if (accept(byte)) return Promise.resolve(byte);
    }
    if (this.gone) return Promise.reject(this.gone);
    if (this.waiter) return Promise.reject(new Error('IncomingBytes: one question at a time'));
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new LinkTimeoutError(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = {
        accept,
        resolve: (byte) => (clearTimeout(timer), resolve(byte)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
    });
  }
}

/** Rejects with a LinkTimeoutError when `work` takes longer than `timeoutMs`. */
export function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LinkTimeoutError(`${what} took over ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
