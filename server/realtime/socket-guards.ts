// What one socket may cost the server: messages over its rate are dropped without an answer (an
// answer each would let a client that never reads grow the server's memory without end), a socket
// that keeps flooding is cut off, and so is one that lets more than a bound wait unsent for it.
import type { Socket } from 'socket.io';
import { TokenBuckets, type BucketLimits } from '../limits/token-bucket.js';
import type { Logger } from '../log.js';
import { faDigits } from '../time/digits.js';

/** Messages a socket may send: a tracking page follows a ticket or two, not dozens a second. */
export const SOCKET_RATE: BucketLimits = { capacity: 20, refillPerSecond: 2 };
/** Messages over the rate in a row after which the socket is disconnected. */
export const FLOOD_DROPS = 100;
/** Bytes that may wait unsent for one socket (a board snapshot is a few KB; a stalled screen catches up with the next). */
export const WRITE_BUFFER_BYTES = 1_000_000;

export interface SocketGuardLimits {
  rate?: BucketLimits;
  writeBufferBytes?: number;
}

export class SocketGuards {
  private readonly buckets: TokenBuckets;
  private readonly writeBufferBytes: number;

  constructor(private readonly log: Logger, limits: SocketGuardLimits = {}) {
    this.buckets = new TokenBuckets(limits.rate ?? SOCKET_RATE);
    this.writeBufferBytes = limits.writeBufferBytes ?? WRITE_BUFFER_BYTES;
  }

  guard(socket: Socket): void {
    this.limitMessages(socket);
    this.boundWriteBuffer(socket);
  }

  /**
   * The first message over the rate is answered once, so that an honest client learns to wait; the
   * rest of the streak is dropped, and a streak of FLOOD_DROPS disconnects.
   */
  private limitMessages(socket: Socket): void {
    let dropped = 0;
    socket.use((_packet, next) => {
      const waitMs = this.buckets.take(socket.id, performance.now());
      if (waitMs === 0) {
        dropped = 0;
        return next();
      }
      dropped += 1;
      if (dropped === 1) socket.emit('error:refused', { code: 'rate_limited', message: `پیام‌ها بیش از حد پشت سر هم فرستاده شده‌اند. لطفاً ${faDigits(Math.ceil(waitMs / 1000))} ثانیه صبر کنید.` });
      if (dropped >= FLOOD_DROPS) this.cutOff(socket, 'kept sending over its message rate');
    });
    socket.on('disconnect', () => this.buckets.forget(socket.id));
  }

  /**
   * Counts what engine.io queues for the socket until it hands the queue to the transport (which
   * takes the next batch only once the last one is written): a client that does not read stops
   * the hand-overs, and once its queue passes the bound it is cut off and the queue dropped.
   */
  private boundWriteBuffer(socket: Socket): void {
    let queued = 0;
    socket.conn.on('packetCreate', (packet: { data?: unknown }) => {
      queued += typeof packet.data === 'string' ? packet.data.length : packet.data instanceof Buffer ? packet.data.byteLength : 0;
      if (queued > this.writeBufferBytes) this.cutOff(socket, 'does not read what it is sent');
    });
    socket.conn.on('flush', () => {
      queued = 0;
    });
  }

  /** Closes the connection at once, discarding what waits for it (a polite close would wait for it to drain). */
  private cutOff(socket: Socket, why: string): void {
    if (socket.conn.readyState === 'closed') return;
    this.log.warn(`socket disconnected: it ${why}`, { role: (socket.data as { role?: string }).role, transport: socket.conn.transport.name });
    socket.conn.close(true);
  }
}
