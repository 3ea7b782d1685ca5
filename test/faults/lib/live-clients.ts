// Socket.IO clients that behave as the screens do (desk/src/data/live.ts, display/src/data/board.ts):
// websocket only, reconnecting by themselves, sending the last `seq` they saw in every handshake.
// Each keeps what it was sent, so a test can compare a client's view with the store's.
import { io as connect, type Socket } from 'socket.io-client';

export interface Board {
  seq: number;
  services: Array<{ id: string; waiting: number }>;
  calls: Array<{ seq: number; number: string; deskId: string }>;
}

export interface DeskSnapshot {
  seq: number;
  [key: string]: unknown;
}

export interface SeenEvent {
  type: string;
  ticketId: string | null;
}

export class LiveClient {
  readonly socket: Socket;
  /** Successful connections: 1 at first, one more after each reconnection. */
  connects = 0;
  board: Board | undefined;
  desk: DeskSnapshot | undefined;
  /** Every `queue:event` received, by seq; a seq received twice is counted in `duplicates`. */
  readonly events = new Map<number, SeenEvent>();
  duplicates = 0;
  /** What the client would send as `lastSeq` on its next handshake. */
  lastSeq: number | undefined;
  /** The seq of the first board snapshot: events up to it came in the snapshot, not one by one. */
  firstSeq: number | undefined;
  private readonly waiters: Array<{ holds: () => boolean; resolve: () => void }> = [];

  constructor(url: string, auth: { token?: string; screen?: 'display' | 'kiosk' }) {
    this.socket = connect(url, {
      auth: (send) => send({ ...auth, ...(this.lastSeq === undefined ? {} : { lastSeq: this.lastSeq }) }),
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 1000,
    });
    this.socket.on('connect', () => this.changed(() => this.connects++));
    this.socket.on('board:snapshot', (board: Board) =>
      this.changed(() => {
        this.board = board;
        this.firstSeq ??= board.seq;
        this.lastSeq ??= board.seq;
      }),
    );
    this.socket.on('desk:snapshot', (view: DeskSnapshot) => this.changed(() => (this.desk = view)));
    this.socket.on('queue:event', ({ seq, event }: { seq: number; event: { type: string; ticketId?: string } }) =>
      this.changed(() => {
        if (this.events.has(seq)) this.duplicates++;
        this.events.set(seq, { type: event.type, ticketId: event.ticketId ?? null });
        this.lastSeq = Math.max(this.lastSeq ?? 0, seq);
      }),
    );
  }

  /** Resolves once `holds()` is true, checked after every message; rejects after `ms`. */
  until(holds: () => boolean, what: string, ms = 30_000): Promise<void> {
    if (holds()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        holds,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`client did not reach: ${what} within ${ms} ms`));
      }, ms);
      this.waiters.push(waiter);
    });
  }

  close(): void {
    this.socket.close();
  }

  private changed(update: () => void): void {
    update();
    for (const waiter of this.waiters.filter((w) => w.holds())) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}
