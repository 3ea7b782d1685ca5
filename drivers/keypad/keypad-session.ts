// What the server knows and decides about one keypad line, with no I/O and no clock of its own:
// each call takes `now` and returns the frames to write, the ratings to report and whether the
// keypad's health changed. Acks, press identity, arming, the exit repeat filter and silence live here.
import type { KeypadRating } from './types.js';
import { isValidToken, type KeypadFrame, type ServerFrame } from './frame.js';
import { RecentPresses } from './recent-presses.js';

export const HEARTBEAT_MS = 2_000;
export const MISSED_HEARTBEATS_OFFLINE = 3;
const SILENCE_MS = HEARTBEAT_MS * MISSED_HEARTBEATS_OFFLINE;

export type KeypadMode = 'desk' | 'exit';

export interface KeypadSessionOptions {
  mode: KeypadMode;
  /** Exit keypads: presses closer together than this count once. Default 3. */
  exitRepeatSeconds?: number;
}

export interface SessionStep {
  /** Frames to write to the keypad, in order. */
  send: ServerFrame[];
  ratings: KeypadRating[];
  healthChanged: boolean;
  /** The open line stayed silent for three heartbeats: close and reopen it. */
  silent: boolean;
}

/** KeypadHealth without the dropped-frame counts (the line reader holds them) and reconnects (the line). */
export interface KeypadStatus {
  device: string | null;
  online: boolean;
  lastHeartbeatAt: number | null;
  bootId: string | null;
  firmware: string | null;
}

interface Arming {
  token: string;
  expiresAt: number;
}

export class KeypadSession {
  private readonly mode: KeypadMode;
  private readonly exitRepeatMs: number;
  private status: KeypadStatus = { device: null, online: false, lastHeartbeatAt: null, bootId: null, firmware: null };
  private buttons: number | null = null;
  /** When the line was (re)opened, while it is open; silence is measured from here or the last frame. */
  private lineOpenedAt: number | null = null;
  private nextServerSeq = 0;
  private arming: Arming | null = null;
  /** The arming the last attributed press answered, should its rating be refused. */
  private answered: Arming | null = null;
  private lastExitPressAt: number | null = null;
  private readonly recentPresses = new RecentPresses();
  private readonly dropped: Record<string, number> = {};

  constructor(options: KeypadSessionOptions) {
    this.mode = options.mode;
    this.exitRepeatMs = (options.exitRepeatSeconds ?? 3) * 1000;
  }

  current(): KeypadStatus {
    return { ...this.status };
  }

  /** Presses dropped for what they mean rather than how they were framed (`bad_button`, …). */
  errorCounts(): Record<string, number> {
    return { ...this.dropped };
  }

  isArmed(now: number): boolean {
    return this.arming !== null && now < this.arming.expiresAt;
  }

  lineOpened(now: number): void {
    this.lineOpenedAt = now;
  }

  lineLost(): SessionStep {
    const step = emptyStep();
    this.lineOpenedAt = null;
    this.goOffline(step);
    return step;
  }

  receive(frame: KeypadFrame, now: number): SessionStep {
    const step = emptyStep();
    this.expireArming(now, step);
    // A keypad that was away, rebooted or was swapped has forgotten any arming: tell it again.
    let keypadForgotArming = !this.status.online || this.status.device !== frame.device;
    if (this.status.device !== frame.device) {
      // Another keypad on this line: what we knew of the previous one no longer holds.
      this.status = { ...this.status, device: frame.device, bootId: null, firmware: null };
      this.buttons = null;
    }
    if (keypadForgotArming) step.healthChanged = true;
    this.status.online = true;
    // Any valid frame shows the keypad alive, not only a heartbeat.
    this.status.lastHeartbeatAt = now;
    step.send.push({ type: 'A', device: frame.device, seq: frame.seq });

    if (frame.type === 'H') keypadForgotArming = this.hello(frame, step) || keypadForgotArming;
    if (frame.type === 'B') this.press(frame, now, step);
    if (keypadForgotArming && this.arming) step.send.push(this.armFrame(frame.device, this.arming, now));
    return step;
  }

  /** Invites a rating of `token`; a later arm replaces an earlier one. Exit keypads are never armed. */
  arm(token: string, seconds: number, now: number): SessionStep {
    const step = emptyStep();
    if (this.mode === 'exit') return step;
    if (!isValidToken(token)) throw new RangeError(`arm token must match [A-Za-z0-9]{1,12}: ${token}`);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 65535) {
      throw new RangeError(`arm seconds must be an integer 1..65535: ${seconds}`);
    }
    this.arming = { token, expiresAt: now + seconds * 1000 };
    // Before the keypad has spoken there is no device to address; the first frame sends the arm.
    if (this.status.device !== null) step.send.push(this.armFrame(this.status.device, this.arming, now));
    return step;
  }

  disarm(): SessionStep {
    const step = emptyStep();
    this.arming = null;
    if (this.status.device !== null) step.send.push(this.disarmFrame(this.status.device));
    return step;
  }

  /**
   * Whoever keeps ratings could not keep `rating` (its store failed): the press goes unacknowledged,
   * so the keypad sends it again, and that copy counts as new; an arming it answered stands again
   * (unless a newer one came since), so the copy still rates the ticket while its time lasts; and on
   * an exit keypad the copy is not taken for a quick repeat of it.
   */
  refuse(rating: KeypadRating, step: SessionStep): void {
    withholdAck(step, rating.device, rating.seq);
    this.recentPresses.forget(rating.device, rating.boot, rating.seq);
    if (this.lastExitPressAt === rating.at) this.lastExitPressAt = null;
    if (rating.token !== null && this.arming === null && this.answered?.token === rating.token) this.arming = this.answered;
  }

  /** Call now and then (every few hundred ms): expires the arming and notices a silent line. */
  tick(now: number): SessionStep {
    const step = emptyStep();
    this.expireArming(now, step);
    if (this.lineOpenedAt === null) return step;
    const lastSign = Math.max(this.lineOpenedAt, this.status.lastHeartbeatAt ?? -Infinity);
    if (now - lastSign >= SILENCE_MS) {
      step.silent = true;
      this.lineOpenedAt = null;
      this.goOffline(step);
    }
    return step;
  }

  /** Returns whether the keypad rebooted (its boot id changed). */
  private hello(frame: Extract<KeypadFrame, { type: 'H' }>, step: SessionStep): boolean {
    const rebooted = this.status.bootId !== null && this.status.bootId !== frame.boot;
    if (this.status.bootId !== frame.boot || this.status.firmware !== frame.firmware) step.healthChanged = true;
    this.status.bootId = frame.boot;
    this.status.firmware = frame.firmware;
    this.buttons = frame.buttons;
    return rebooted;
  }

  private press(frame: Extract<KeypadFrame, { type: 'B' }>, now: number, step: SessionStep): void {
    const boot = this.status.bootId;
    const buttons = this.buttons;
    if (boot === null || buttons === null) {
      // Until a hello names the boot and the scale, a press has no identity to be stored under:
      // it is refused, not acknowledged, and the keypad keeps it and sends it again.
      withholdAck(step, frame.device, frame.seq);
      this.count('press_before_hello');
      return;
    }
    if (!this.recentPresses.remember(frame.device, boot, frame.seq, now)) return;
    if (frame.button > buttons) {
      this.count('bad_button');
      return;
    }
    let token: string | null = null;
    if (this.mode === 'exit') {
      if (this.lastExitPressAt !== null && now - this.lastExitPressAt < this.exitRepeatMs) return;
      this.lastExitPressAt = now;
    } else if (this.arming && frame.token === this.arming.token) {
      // Only the token of the current arming rates a ticket, so a press meant for a ticket the desk
      // has moved on from can never land on the next one.
      token = this.arming.token;
      this.answered = this.arming;
      this.arming = null;
      step.send.push(this.disarmFrame(frame.device));
    }
    step.ratings.push({ device: frame.device, boot, seq: frame.seq, button: frame.button, buttons, token, at: now });
  }

  private expireArming(now: number, step: SessionStep): void {
    if (!this.arming || now < this.arming.expiresAt) return;
    this.arming = null;
    // The keypad times out by itself; the disarm only makes sure its LED agrees.
    if (this.status.device !== null) step.send.push(this.disarmFrame(this.status.device));
  }

  private goOffline(step: SessionStep): void {
    if (!this.status.online) return;
    this.status.online = false;
    step.healthChanged = true;
  }

  private armFrame(device: string, arming: Arming, now: number): ServerFrame {
    const seconds = Math.max(1, Math.ceil((arming.expiresAt - now) / 1000));
    return { type: 'R', device, seq: this.takeServerSeq(), token: arming.token, seconds };
  }

  private disarmFrame(device: string): ServerFrame {
    return { type: 'D', device, seq: this.takeServerSeq() };
  }

  private takeServerSeq(): number {
    const seq = this.nextServerSeq;
    this.nextServerSeq = (seq + 1) % 65536;
    return seq;
  }

  private count(kind: string): void {
    this.dropped[kind] = (this.dropped[kind] ?? 0) + 1;
  }
}

function withholdAck(step: SessionStep, device: string, seq: number): void {
  step.send = step.send.filter((frame) => !(frame.type === 'A' && frame.device === device && frame.seq === seq));
}

function emptyStep(): SessionStep {
  return { send: [], ratings: [], healthChanged: false, silent: false };
}
