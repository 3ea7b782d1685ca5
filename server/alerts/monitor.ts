// Watches the office for alert conditions and keeps the stored alerts in line with them. The sources
// that only live in memory (which devices have a socket, the keypads' health, the printer's last
// result) are fed by the realtime layer, the keypad hub and the printing; at start-up they are seeded
// from the alerts still holding, so a restart neither forgets nor falsely clears them. Checks run on
// every commit, on every report from a source, and on a timer (waits grow by themselves).
import { EventEmitter } from 'node:events';
import type { OfficeConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { QueueState } from '../queue/index.js';
import type { AlertView } from '../realtime/contract.js';
import type { Db } from '../store/open.js';
import { AlertBook, type AckOutcome } from './book.js';
import type { OverdueKind } from '../voice/answer-time.js';
import { DEFAULT_ALERT_RULES, evaluateAlerts, type AlertInput, type AlertRules } from './evaluate.js';

interface MonitorEvents {
  raised: [AlertView];
  cleared: [AlertView];
  acknowledged: [AlertView];
}

export interface MonitorDeps {
  db: Db;
  config: OfficeConfig;
  state: QueueState;
  clock: () => number;
  log: Logger;
  rules?: AlertRules;
  /** Feedback kinds with unanswered items past their target answer time. */
  overdueFeedback?: (now: number) => OverdueKind[];
}

/** The longest-waiting ticket of each line: when it was issued. */
export function oldestWaiting(state: QueueState): Map<string, number> {
  const oldest = new Map<string, number>();
  for (const ticket of state.tickets.values()) {
    if (ticket.status !== 'issued') continue;
    const seen = oldest.get(ticket.serviceId);
    if (seen === undefined || ticket.issuedAt < seen) oldest.set(ticket.serviceId, ticket.issuedAt);
  }
  return oldest;
}

/** How long after a commit the alerts are checked, so that the commits of that moment share one check. */
const CHECK_AFTER_COMMIT_MS = 200;

export class AlertMonitor extends EventEmitter<MonitorEvents> {
  private readonly book: AlertBook;
  private readonly rules: AlertRules;
  private printerFault: AlertInput['printerFault'] = null;
  private printerIsBehind = false;
  private smsDown: AlertInput['smsDown'] = null;
  private readonly keypads = new Map<string, { name: string; online: boolean; since: number }>();
  /** Paired kiosks and displays seen on a socket: how many sockets they hold now, and since when none. */
  private readonly devices = new Map<string, { kind: 'kiosk' | 'display'; name: string; sockets: number; lostAt: number | null }>();
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Timeout | null = null;
  /** After close(), late reports (a print job failing as the server shuts down) are ignored. */
  private closed = false;

  constructor(private readonly deps: MonitorDeps) {
    super();
    this.book = new AlertBook(deps.db);
    this.rules = deps.rules ?? DEFAULT_ALERT_RULES;
    if (this.book.holding('printer').length > 0) this.printerFault = { fault: 'unknown', message: 'خطای پیشین چاپگر هنوز برطرف نشده است.' };
    for (const alert of this.book.holding('keypad')) this.keypads.set(alert.subject, { name: alert.subject, online: false, since: alert.at });
    for (const alert of this.book.holding('device')) {
      const device = this.deviceRow(alert.subject);
      if (device) this.devices.set(alert.subject, { ...device, sockets: 0, lostAt: alert.at });
    }
  }

  /** Checks every `intervalMs` until close(). */
  start(intervalMs: number): void {
    this.timer = setInterval(() => this.check(), intervalMs);
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
  }

  /** Checks shortly after a commit, once for all the commits of that moment (a busy office commits per ticket). */
  checkSoon(): void {
    this.soon ??= setTimeout(() => {
      this.soon = null;
      this.check();
    }, CHECK_AFTER_COMMIT_MS);
  }

  /** Evaluates the conditions now and raises or clears alerts; never throws. */
  check(): void {
    if (this.closed) return;
    try {
      const now = this.deps.clock();
      const { raised, cleared } = this.book.reconcile(evaluateAlerts(this.input(now), this.rules), now);
      for (const alert of raised) this.emit('raised', alert);
      for (const alert of cleared) this.emit('cleared', alert);
    } catch (error) {
      this.deps.log.error('alert check failed', { error: (error as Error).message });
    }
  }

  /** Unacknowledged alerts and those acknowledged in the last day. */
  list(): AlertView[] {
    return this.book.list(this.deps.clock() - 86_400_000);
  }

  acknowledge(id: number, userId: string, comment: string): AckOutcome {
    const outcome = this.book.acknowledge(id, userId, comment, this.deps.clock());
    if (outcome.ok) this.emit('acknowledged', outcome.alert);
    return outcome;
  }

  /** The outcome of a print job: a fault raises an alert, the next good print clears it. */
  printed(result: { ok: true } | { ok: false; fault: string; message: string }): void {
    this.printerFault = result.ok ? null : { fault: result.fault, message: result.message };
    this.check();
  }

  /** From the printing: its backlog is full (new tickets are shown on the kiosk only), or has printed down. */
  printerBehind(behind: boolean): void {
    this.printerIsBehind = behind;
    this.check();
  }

  /** From the SMS dispatcher: the gateway went down or came back. */
  smsHealth(health: { down: boolean; error: string | null; pending: number }): void {
    this.smsDown = health.down ? { error: health.error, pending: health.pending } : null;
    this.check();
  }

  /** From the keypad hub: whether a keypad is heard. */
  keypadHealth(keypadId: string, name: string, online: boolean): void {
    const known = this.keypads.get(keypadId);
    if (known && known.online === online) return;
    this.keypads.set(keypadId, { name, online, since: this.deps.clock() });
    this.check();
  }

  /** A rating was stored (the keypad hub calls this so a run of poor ones is seen at once). */
  ratingRecorded(): void {
    this.check();
  }

  /** A paired kiosk or display opened a socket. */
  deviceConnected(deviceId: string): void {
    const known = this.devices.get(deviceId);
    const device = known ?? this.deviceRow(deviceId);
    if (!device) return;
    this.devices.set(deviceId, { kind: device.kind, name: device.name, sockets: (known?.sockets ?? 0) + 1, lostAt: null });
    this.check();
  }

  /** A paired kiosk's or display's socket closed. */
  deviceDisconnected(deviceId: string): void {
    const known = this.devices.get(deviceId);
    if (!known) return;
    const sockets = Math.max(0, known.sockets - 1);
    this.devices.set(deviceId, { ...known, sockets, lostAt: sockets === 0 ? this.deps.clock() : null });
    this.check();
  }

  private input(now: number): AlertInput {
    const { config, state, db } = this.deps;
    const oldest = oldestWaiting(state);
    const deskNumbers = new Map(config.desks.map((d) => [d.id, d.number]));
    const ratings = db.prepare(`SELECT at, desk_id AS deskId, button, buttons FROM ratings WHERE at > ? AND at <= ?`).all(now - this.rules.ratingsWindowMs, now) as Array<{
      at: number;
      deskId: string | null;
      button: number;
      buttons: number;
    }>;
    return {
      now,
      services: config.services.map((s) => ({ id: s.id, name: s.name, nameEn: s.nameEn, targetWaitMinutes: s.targetWaitMinutes, oldestIssuedAt: oldest.get(s.id) ?? null })),
      ratings: ratings.map((r) => ({ ...r, deskNumber: r.deskId ? (deskNumbers.get(r.deskId) ?? null) : null })),
      printerFault: this.printerFault,
      printerBehind: this.printerIsBehind,
      smsDown: this.smsDown,
      keypads: [...this.keypads].map(([id, k]) => ({ id, ...k })),
      lostDevices: [...this.devices].flatMap(([id, d]) => (d.lostAt === null ? [] : [{ id, kind: d.kind, name: d.name, since: d.lostAt }])),
      ...(this.deps.overdueFeedback ? { overdueFeedback: { kinds: this.deps.overdueFeedback(now), targetHours: config.voice.answerTargetHours } } : {}),
    };
  }

  private deviceRow(deviceId: string): { kind: 'kiosk' | 'display'; name: string } | undefined {
    const row = this.deps.db.prepare(`SELECT kind, name FROM devices WHERE id = ? AND revoked_at IS NULL`).get(deviceId) as { kind: string; name: string } | undefined;
    return row && (row.kind === 'kiosk' || row.kind === 'display') ? { kind: row.kind, name: row.name } : undefined;
  }
}
