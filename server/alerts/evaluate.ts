// Which alert conditions hold now, from what the office knows: each line's longest current wait
// against its target, poor keypad ratings in the last hour, the printer's last result, keypads that
// went silent, and paired kiosks and displays whose socket is gone. Pure: the clock comes in.
import type { AlertKind } from '../realtime/contract.js';
import { faDigits } from '../time/digits.js';
import { overdueFeedbackAlerts, type OverdueKind } from '../voice/answer-time.js';
import type { FeedbackKind } from '../voice/config.js';

export interface AlertCondition {
  kind: AlertKind;
  /** What it is about; one open alert per kind and subject. */
  subject: string;
  message: string;
  messageEn: string;
}

export interface AlertInput {
  now: number;
  services: ReadonlyArray<{ id: string; name: string; nameEn: string; targetWaitMinutes: number; oldestIssuedAt: number | null }>;
  /** Keypad ratings of the last `rules.ratingsWindowMs` (older ones are ignored). */
  ratings: ReadonlyArray<{ at: number; deskId: string | null; deskNumber: number | null; button: number; buttons: number }>;
  /** The printer's fault after its last job, or null when it printed. */
  printerFault: { fault: string; message: string } | null;
  /** The printer's backlog is full: new tickets are shown on the kiosk's screen only. */
  printerBehind: boolean;
  keypads: ReadonlyArray<{ id: string; name: string; online: boolean; since: number }>;
  /** Paired kiosks and displays that had a socket and lost it, since when. */
  lostDevices: ReadonlyArray<{ id: string; kind: 'kiosk' | 'display'; name: string; since: number }>;
  /** Feedback kinds with unanswered items past the office's target answer time. */
  overdueFeedback?: { kinds: readonly OverdueKind[]; targetHours: Record<FeedbackKind, number> };
  /** The SMS gateway, when it keeps failing: messages wait in the outbox meanwhile. */
  smsDown?: { error: string | null; pending: number } | null;
}

export interface AlertRules {
  /** This many poor ratings at one desk (or at the exit) within the window raise an alert. */
  poorRatingsRun: number;
  ratingsWindowMs: number;
  /** A device may reconnect within this long (a reload, a Wi-Fi blip) before it counts as offline. */
  deviceGraceMs: number;
  /** A keypad the hub reports offline for this long raises an alert. */
  keypadGraceMs: number;
}

export const DEFAULT_ALERT_RULES: AlertRules = { poorRatingsRun: 3, ratingsWindowMs: 3_600_000, deviceGraceMs: 60_000, keypadGraceMs: 10_000 };

/** A rating in the lower two fifths of its keypad's scale (1–2 of 5, 1 of 3 or 4). */
export function isPoorRating(button: number, buttons: number): boolean {
  return button * 5 <= buttons * 2;
}

export function evaluateAlerts(input: AlertInput, rules: AlertRules = DEFAULT_ALERT_RULES): AlertCondition[] {
  const conditions: AlertCondition[] = [];
  const { now } = input;

  for (const service of input.services) {
    if (service.oldestIssuedAt === null) continue;
    const waited = Math.floor((now - service.oldestIssuedAt) / 60_000);
    if (now - service.oldestIssuedAt <= service.targetWaitMinutes * 60_000) continue;
    conditions.push({
      kind: 'wait',
      subject: service.id,
      message: `انتظار در «${service.name}» از هدف ${faDigits(service.targetWaitMinutes)} دقیقه گذشته است (طولانی‌ترین انتظار: ${faDigits(waited)} دقیقه).`,
      messageEn: `The wait for "${service.nameEn}" is past its target of ${service.targetWaitMinutes} min (longest wait: ${waited} min).`,
    });
  }

  const poorByPlace = new Map<string, { count: number; deskNumber: number | null }>();
  for (const rating of input.ratings) {
    if (rating.at <= now - rules.ratingsWindowMs || rating.at > now || !isPoorRating(rating.button, rating.buttons)) continue;
    const place = rating.deskId ?? 'exit';
    const entry = poorByPlace.get(place) ?? { count: 0, deskNumber: rating.deskNumber };
    poorByPlace.set(place, { ...entry, count: entry.count + 1 });
  }
  for (const [place, { count, deskNumber }] of poorByPlace) {
    if (count < rules.poorRatingsRun) continue;
    const where = place === 'exit' ? { fa: 'در خروجی اداره', en: 'at the exit' } : { fa: `در باجهٔ ${faDigits(deskNumber ?? place)}`, en: `at desk ${deskNumber ?? place}` };
    conditions.push({
      kind: 'ratings',
      subject: place,
      message: `${faDigits(count)} رأی ناخشنود ${where.fa} در یک ساعت گذشته.`,
      messageEn: `${count} poor ratings ${where.en} in the last hour.`,
    });
  }

  if (input.printerFault) {
    conditions.push({
      kind: 'printer',
      subject: 'printer',
      message: `چاپگر نوبت کار نمی‌کند: ${input.printerFault.message}`,
      messageEn: `The ticket printer is not working (${input.printerFault.fault}).`,
    });
  }

  if (input.printerBehind) {
    conditions.push({
      kind: 'printer',
      subject: 'printer-backlog',
      message: 'چاپگر نوبت از نوبت‌های صادرشده عقب مانده است؛ نوبت‌های تازه فقط روی صفحهٔ کیوسک نشان داده می‌شوند.',
      messageEn: 'The ticket printer is behind: new tickets are shown on the kiosk screen only.',
    });
  }

  for (const keypad of input.keypads) {
    if (keypad.online || now - keypad.since < rules.keypadGraceMs) continue;
    conditions.push({
      kind: 'keypad',
      subject: keypad.id,
      message: `صفحه‌کلید نظرسنجی «${keypad.name}» پاسخ نمی‌دهد.`,
      messageEn: `The satisfaction keypad "${keypad.name}" is silent.`,
    });
  }

  for (const device of input.lostDevices) {
    if (now - device.since < rules.deviceGraceMs) continue;
    const what = device.kind === 'kiosk' ? { fa: 'کیوسک', en: 'kiosk' } : { fa: 'نمایشگر', en: 'display' };
    const minutes = Math.floor((now - device.since) / 60_000);
    conditions.push({
      kind: 'device',
      subject: device.id,
      message: `${what.fa} «${device.name}» از ${faDigits(minutes)} دقیقه پیش به سامانه وصل نیست.`,
      messageEn: `The ${what.en} "${device.name}" has been offline for ${minutes} min.`,
    });
  }

  if (input.overdueFeedback) conditions.push(...overdueFeedbackAlerts(input.overdueFeedback.kinds, input.overdueFeedback.targetHours, now));
  if (input.smsDown) {
    conditions.push({
      kind: 'sms',
      subject: 'gateway',
      message: `سامانهٔ پیامک پاسخ نمی‌دهد؛ ${faDigits(input.smsDown.pending)} پیامک در صف ارسال مانده و پس از برقراری فرستاده می‌شود.`,
      messageEn: `The SMS gateway is failing (${input.smsDown.error ?? 'unknown error'}); ${input.smsDown.pending} messages wait and will be sent once it answers.`,
    });
  }
  return conditions;
}
