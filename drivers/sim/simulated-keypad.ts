// A keypad as firmware would behave, speaking the line protocol on one end of a serial line
// (a socat pty in tests and the demo): hello at power-up and every minute, heartbeats, presses
// resent until acknowledged, and arming obeyed. Losing the line is treated as a power cycle.
import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import { Backoff, type BackoffOptions } from '../keypad/backoff.js';
import { encodeFrame, type KeypadFrame, SERVER_FRAME_TYPES } from '../keypad/frame.js';
import { LineReader } from '../keypad/line-reader.js';

export interface KeypadSimOptions {
  /** The serial device to speak on, e.g. one end of a socat pty pair. */
  path: string;
  /** `[A-Z0-9]{1,8}` */
  device: string;
  buttons?: 3 | 4 | 5;
  firmware?: string;
  baudRate?: 9600 | 115200;
  heartbeatMs?: number;
  helloMs?: number;
  resendMs?: number;
  maxResends?: number;
  /** Reopening the line after it went away. */
  backoff?: BackoffOptions;
  random?: () => number;
  now?: () => number;
}

interface UnackedPress {
  frame: KeypadFrame;
  resendsLeft: number;
  timer: NodeJS.Timeout;
  settle: (acknowledged: boolean) => void;
}

/** Emits `armed` (token, seconds) on R, `disarmed` on D, `line` (open: boolean) when the line comes and goes. */
export class SimulatedKeypad extends EventEmitter {
  readonly buttons: number;
  private readonly options: Required<Omit<KeypadSimOptions, 'backoff'>>;
  private readonly backoff: Backoff;
  private readonly reader = new LineReader(SERVER_FRAME_TYPES);
  private port: SerialPort | null = null;
  private timers: NodeJS.Timeout[] = [];
  private reconnectTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private boot = 0;
  private bootedAt = 0;
  private nextSeq = 0;
  private arming: { token: string; expiresAt: number } | null = null;
  private readonly unacked = new Map<number, UnackedPress>();

  constructor(options: KeypadSimOptions) {
    super();
    this.options = {
      buttons: 5,
      firmware: 'sim-1.0',
      baudRate: 9600,
      heartbeatMs: 2_000,
      helloMs: 60_000,
      resendMs: 300,
      maxResends: 10,
      random: Math.random,
      now: Date.now,
      ...options,
    };
    this.buttons = this.options.buttons;
    this.backoff = new Backoff(options.backoff ?? { initialMs: 200, maxMs: 2_000 });
  }

  /** Resolves when the line is first open; later losses are recovered by reopening. */
  start(): Promise<void> {
    return new Promise((resolve, reject) => this.open(resolve, reject));
  }

  /** The boot id of the current power-up, as the hello carries it. */
  get bootId(): string {
    return String(this.boot);
  }

  get armedToken(): string | null {
    return this.arming && this.options.now() < this.arming.expiresAt ? this.arming.token : null;
  }

  /** A visitor presses `button`; resolves true once the server acknowledged it, false if it gave up. */
  press(button: number): Promise<boolean> {
    if (!Number.isInteger(button) || button < 1 || button > this.buttons) {
      throw new RangeError(`button must be 1..${this.buttons}: ${button}`);
    }
    const token = this.armedToken;
    // The first press while armed answers the arming; the keypad disarms itself.
    this.arming = null;
    const frame: KeypadFrame = { type: 'B', device: this.options.device, seq: this.takeSeq(), button, token };
    return new Promise((settle) => {
      const timer = setInterval(() => this.resend(frame.seq), this.options.resendMs);
      this.unacked.set(frame.seq, { frame, resendsLeft: this.options.maxResends, timer, settle });
      this.send(frame);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.powerOff();
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private open(onOpen?: () => void, onFail?: (error: Error) => void): void {
    this.reconnectTimer = null;
    if (this.closed) return;
    const port = new SerialPort({ path: this.options.path, baudRate: this.options.baudRate, autoOpen: false });
    port.on('error', () => this.lineDown(port));
    port.on('close', () => this.lineDown(port));
    port.on('data', (bytes: Buffer) => {
      if (this.port === port) this.onBytes(bytes);
    });
    port.open((error) => {
      if (error) return onFail ? onFail(error) : this.scheduleReopen();
      if (this.closed) return port.close();
      this.port = port;
      this.backoff.reset();
      this.powerOn();
      this.emit('line', true);
      onOpen?.();
    });
  }

  private lineDown(port: SerialPort): void {
    if (this.port !== port) return;
    this.port = null;
    if (port.isOpen) port.close();
    this.powerOff();
    this.emit('line', false);
    this.scheduleReopen();
  }

  private scheduleReopen(): void {
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => this.open(), this.backoff.take());
  }

  private powerOn(): void {
    this.boot = Math.floor(this.options.random() * 65536);
    this.bootedAt = this.options.now();
    this.nextSeq = 0;
    this.sendHello();
    this.timers = [
      setInterval(() => this.sendHello(), this.options.helloMs),
      setInterval(() => this.sendHeartbeat(), this.options.heartbeatMs),
    ];
  }

  private powerOff(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    this.arming = null;
    for (const press of this.unacked.values()) this.settle(press, false);
  }

  private sendHello(): void {
    const { device, firmware, buttons } = this.options;
    this.send({ type: 'H', device, seq: this.takeSeq(), firmware, buttons, boot: this.bootId });
  }

  private sendHeartbeat(): void {
    const uptime = Math.floor((this.options.now() - this.bootedAt) / 1000);
    this.send({ type: 'K', device: this.options.device, seq: this.takeSeq(), uptime });
  }

  private resend(seq: number): void {
    const press = this.unacked.get(seq);
    if (!press) return;
    if (press.resendsLeft-- <= 0) return this.settle(press, false);
    this.send(press.frame);
  }

  private settle(press: UnackedPress, acknowledged: boolean): void {
    clearInterval(press.timer);
    this.unacked.delete(press.frame.seq);
    press.settle(acknowledged);
  }

  private onBytes(bytes: Buffer): void {
    for (const frame of this.reader.push(bytes)) {
      if (frame.device !== this.options.device) continue;
      if (frame.type === 'A') {
        const press = this.unacked.get(frame.seq);
        if (press) this.settle(press, true);
      } else if (frame.type === 'R') {
        this.arming = { token: frame.token, expiresAt: this.options.now() + frame.seconds * 1000 };
        this.emit('armed', frame.token, frame.seconds);
      } else if (frame.type === 'D') {
        this.arming = null;
        this.emit('disarmed');
      }
    }
  }

  private send(frame: KeypadFrame): void {
    this.port?.write(encodeFrame(frame));
  }

  private takeSeq(): number {
    const seq = this.nextSeq;
    this.nextSeq = (seq + 1) % 65536;
    return seq;
  }
}
