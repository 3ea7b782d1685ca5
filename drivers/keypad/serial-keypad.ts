// A Keypad over a real serial line: opens the port (by path or USB ids), feeds its bytes through
// the line reader into the session, writes the session's frames back, and reopens the line with
// backoff by itself when it closes, fails or falls silent.
import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import type { Keypad, KeypadHealth } from './types.js';
import { Backoff, type BackoffOptions, DEFAULT_BACKOFF } from './backoff.js';
import { findKeypadPort } from './find-port.js';
import { encodeFrame, isKeypadFrame, KEYPAD_FRAME_TYPES } from './frame.js';
import { KeypadSession, type KeypadMode, type SessionStep } from './keypad-session.js';
import { LineReader } from './line-reader.js';

export interface KeypadConfig {
  /** Serial device, e.g. /dev/ttyACM0; or leave it out and give vendorId and productId. */
  path?: string;
  vendorId?: string;
  productId?: string;
  baudRate: 9600 | 115200;
  mode: KeypadMode;
  /** Exit keypads: presses closer together than this count once. Default 3. */
  exitRepeatSeconds?: number;
}

/** Knobs for tests and tuning; the defaults suit a real keypad. */
export interface SerialKeypadOptions {
  now?: () => number;
  backoff?: BackoffOptions;
  /** How often arming expiry and silence are checked. */
  tickMs?: number;
}

export class SerialKeypad extends EventEmitter implements Keypad {
  private readonly session: KeypadSession;
  private readonly reader = new LineReader(KEYPAD_FRAME_TYPES);
  private readonly backoff: Backoff;
  private readonly now: () => number;
  private readonly tickTimer: NodeJS.Timeout;
  private port: SerialPort | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private reconnects = 0;

  constructor(
    private readonly config: KeypadConfig,
    options: SerialKeypadOptions = {},
  ) {
    super();
    if (!config.path && !(config.vendorId && config.productId)) {
      throw new TypeError('keypad config needs a path, or a vendorId and a productId');
    }
    this.session = new KeypadSession({ mode: config.mode, exitRepeatSeconds: config.exitRepeatSeconds });
    this.backoff = new Backoff(options.backoff ?? DEFAULT_BACKOFF);
    this.now = options.now ?? Date.now;
    this.tickTimer = setInterval(() => this.apply(this.session.tick(this.now())), options.tickMs ?? 250);
    void this.connect();
  }

  arm(token: string, seconds: number): void {
    this.apply(this.session.arm(token, seconds, this.now()));
  }

  disarm(): void {
    this.apply(this.session.disarm());
  }

  health(): KeypadHealth {
    const errors = this.reader.errorCounts();
    for (const [kind, count] of Object.entries(this.session.errorCounts())) errors[kind] = (errors[kind] ?? 0) + count;
    return { ...this.session.current(), errors, reconnects: this.reconnects };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.tickTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private async connect(): Promise<void> {
    this.reconnectTimer = null;
    if (this.closed) return;
    const path = await findKeypadPort(this.config).catch(() => null);
    if (path === null) return this.scheduleReconnect();
    const port = new SerialPort({ path, baudRate: this.config.baudRate, autoOpen: false });
    // Kept for the port's whole life: an 'error' with no listener would throw.
    port.on('error', () => this.lineDown(port));
    port.on('close', () => this.lineDown(port));
    port.on('data', (bytes: Buffer) => {
      if (this.port === port) this.onBytes(bytes);
    });
    port.open((error) => {
      if (error) return this.scheduleReconnect();
      if (this.closed) return port.close();
      this.port = port;
      this.session.lineOpened(this.now());
    });
  }

  private onBytes(bytes: Buffer): void {
    for (const frame of this.reader.push(bytes)) {
      if (!isKeypadFrame(frame)) continue;
      // A line that carries valid frames has proved itself; the next failure starts the backoff afresh.
      this.backoff.reset();
      this.apply(this.session.receive(frame, this.now()));
    }
  }

  /** The port closed or failed under us (unplugged, pty gone): report it and try again later. */
  private lineDown(port: SerialPort): void {
    if (this.port !== port) return;
    this.port = null;
    if (port.isOpen) port.close();
    this.apply(this.session.lineLost());
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    this.reconnects++;
    this.reconnectTimer = setTimeout(() => void this.connect(), this.backoff.take());
  }

  private apply(step: SessionStep): void {
    const port = this.port;
    // Listeners store a rating synchronously, so the keypad's press is acknowledged only after it is
    // durable: a crash in between makes the keypad resend, and the store counts it once. A listener
    // that throws could not store it: the press goes unacknowledged and the keypad sends it again.
    for (const rating of step.ratings) {
      try {
        this.emit('rating', rating);
      } catch {
        this.session.refuse(rating, step);
      }
    }
    // Frames for a line that is down are lost; the session re-sends an arming when the keypad is back.
    if (port) for (const frame of step.send) port.write(encodeFrame(frame));
    if (step.healthChanged) this.emit('health', this.health());
    if (step.silent && port) {
      this.port = null;
      port.close();
      this.scheduleReconnect();
    }
  }
}
