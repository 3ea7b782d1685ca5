// Every keypad of the office, wired to the queue: it opens each configured keypad's line, arms a
// desk's keypad when that desk finishes a ticket (with a token naming that ticket) and disarms it
// when the desk moves on, and stores each rating with the ticket, desk, service, staff and hour it
// belongs to. It never tells the desk or staff rooms about a rating: people rate honestly when the
// clerk cannot see it.
//
// Health, for the manager's screen and alerts: `health()` lists every keypad's state now, and the
// 'health' event carries one keypad's state whenever it changes (online/offline, a new boot or
// firmware). Offline means no frame for three heartbeats (6 s) or the line gone; the driver then
// reopens the line with backoff by itself (`reconnects` counts the attempts).
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { SerialKeypad, type KeypadHealth, type KeypadRating } from '../../drivers/keypad/index.js';
import { DEFAULT_ARM_SECONDS, DEFAULT_REPEAT_FILTER_SECONDS, type KeypadSettings } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { Office } from '../office/office.js';
import type { StoredEvent } from '../store/event-store.js';
import { armingChange } from './arming.js';
import type { RatingStore } from './rating-store.js';

/** An exit rating is put beside the services finished in these minutes before it. */
export const EXIT_MIX_MINUTES = 10;

/** One keypad as the manager sees it. */
export interface KeypadStatus extends KeypadHealth {
  id: string;
  kind: 'desk' | 'exit';
  deskId: string | null;
  /** The configured port: its path, or `usb <vendor>:<product>`. */
  port: string;
}

interface HubEvents {
  health: [KeypadStatus];
}

export interface KeypadHubOptions {
  keypads: readonly KeypadSettings[];
  office: Office;
  ratings: RatingStore;
  log: Logger;
}

interface Attached {
  settings: KeypadSettings;
  keypad: SerialKeypad;
  /** The ticket a desk keypad is armed for, and the token that names it on the line. */
  armed: { token: string; ticketId: string } | null;
  storeFailures: number;
  /** As last logged. */
  online: boolean;
}

export class KeypadHub extends EventEmitter<HubEvents> {
  private readonly attached: Attached[];
  private readonly onCommitted = (stored: StoredEvent[]) => this.follow(stored);

  constructor(private readonly options: KeypadHubOptions) {
    super();
    this.attached = options.keypads.map((settings) => {
      const entry: Attached = { settings, keypad: openSerial(settings, () => options.office.now()), armed: null, storeFailures: 0, online: false };
      entry.keypad.on('rating', (rating) => this.rated(entry, rating));
      entry.keypad.on('health', () => this.healthChanged(entry));
      return entry;
    });
    options.office.on('committed', this.onCommitted);
  }

  health(): KeypadStatus[] {
    return this.attached.map((entry) => this.statusOf(entry));
  }

  async close(): Promise<void> {
    this.options.office.off('committed', this.onCommitted);
    await Promise.all(this.attached.map((entry) => entry.keypad.close()));
  }

  private follow(stored: StoredEvent[]): void {
    const events = stored.map((s) => s.event);
    for (const entry of this.attached) {
      const { deskId, kind } = entry.settings;
      if (kind !== 'desk' || deskId === undefined) continue;
      const change = armingChange(events, deskId);
      if (change === 'disarm' && entry.armed) {
        entry.armed = null;
        entry.keypad.disarm();
      } else if (change !== null && change !== 'disarm') {
        // A fresh random token per arming: a keypad still lit from before a restart cannot rate this ticket.
        entry.armed = { token: randomBytes(6).toString('hex'), ticketId: change.arm };
        entry.keypad.arm(entry.armed.token, entry.settings.armSeconds ?? DEFAULT_ARM_SECONDS);
      }
    }
  }

  /**
   * Stores one press. When the store fails (a full disk, a read-only database) it throws, and the
   * driver leaves the press unacknowledged: the keypad sends it again, and a copy that arrives once
   * the store is back is stored, once, on the ticket it was meant for.
   */
  private rated(entry: Attached, rating: KeypadRating): void {
    const { id, kind } = entry.settings;
    const at = this.options.office.now();
    const deskId = entry.settings.deskId ?? null;
    // The driver passes on a token only when it is the one of the current arming.
    const armed = entry.armed !== null && rating.token === entry.armed.token ? entry.armed : null;
    try {
      const facts = armed ? this.options.ratings.ticketFacts(armed.ticketId) : undefined;
      const staffAtDesk = deskId ? (this.options.office.state.desks.get(deskId)?.staffId ?? null) : null;
      this.options.ratings.record({
        at, keypadId: id, kind, device: rating.device, boot: rating.boot, seq: rating.seq, button: rating.button, buttons: rating.buttons,
        deskId,
        ticketId: armed?.ticketId ?? null,
        serviceId: facts?.serviceId ?? null,
        staffId: armed ? (facts?.staffId ?? null) : staffAtDesk,
        ...(kind === 'exit' ? { finishedServices: this.options.ratings.finishedBefore(at, EXIT_MIX_MINUTES) } : {}),
      });
    } catch (error) {
      entry.storeFailures++;
      this.options.log.error('keypad rating not stored; the press is left unacknowledged for the keypad to send again', {
        keypad: id, device: rating.device, seq: rating.seq, error: error instanceof Error ? error.message : String(error),
      });
      this.emit('health', this.statusOf(entry));
      throw error;
    }
    if (armed) entry.armed = null;
  }

  private healthChanged(entry: Attached): void {
    const status = this.statusOf(entry);
    if (status.online !== entry.online) {
      const fields = { keypad: status.id, device: status.device, port: status.port };
      if (status.online) this.options.log.info('keypad online', fields);
      else this.options.log.warn('keypad offline', fields);
      entry.online = status.online;
    }
    this.emit('health', status);
  }

  private statusOf(entry: Attached): KeypadStatus {
    const { id, kind, deskId, path, usb } = entry.settings;
    const health = entry.keypad.health();
    const errors = entry.storeFailures > 0 ? { ...health.errors, store_failed: entry.storeFailures } : health.errors;
    return { id, kind, deskId: deskId ?? null, port: path ?? `usb ${usb?.vendorId}:${usb?.productId}`, ...health, errors };
  }
}

/** On the office's clock: arming time and silence are the office's, like the ratings' times. */
function openSerial(settings: KeypadSettings, now: () => number): SerialKeypad {
  return new SerialKeypad({
    ...(settings.path ? { path: settings.path } : {}),
    ...(settings.usb ? { vendorId: settings.usb.vendorId, productId: settings.usb.productId } : {}),
    baudRate: settings.baudRate,
    mode: settings.kind,
    exitRepeatSeconds: settings.repeatFilterSeconds ?? DEFAULT_REPEAT_FILTER_SECONDS,
  }, { now });
}
