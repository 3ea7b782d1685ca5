// How long feedback has waited for its answer against the office's target per kind, and the alert
// conditions for the kinds with items past it. Pure: the clock comes in.
import type { AlertCondition } from '../alerts/evaluate.js';
import { faDigits } from '../time/digits.js';
import type { FeedbackKind } from './config.js';
import { KIND_LABELS } from './labels.js';

export interface FeedbackAge {
  /** Seconds since it was filed, until its answer (or until now while unanswered). */
  ageSeconds: number;
  targetSeconds: number;
  overdue: boolean;
}

export function ageOf(item: { kind: FeedbackKind; createdAt: number; answeredAt: number | null }, targetHours: Record<FeedbackKind, number>, now: number): FeedbackAge {
  const ageSeconds = Math.max(0, Math.round(((item.answeredAt ?? now) - item.createdAt) / 1000));
  const targetSeconds = targetHours[item.kind] * 3600;
  return { ageSeconds, targetSeconds, overdue: ageSeconds > targetSeconds };
}

/** Unanswered items past their target, counted per kind. */
export interface OverdueKind {
  kind: FeedbackKind;
  count: number;
  oldestCreatedAt: number;
}

/** One alert per kind with unanswered items past the target (not one per item: an inbox can hold hundreds). */
export function overdueFeedbackAlerts(overdue: readonly OverdueKind[], targetHours: Record<FeedbackKind, number>, now: number): AlertCondition[] {
  return overdue
    .filter((k) => k.count > 0)
    .map((k) => {
      const days = Math.floor((now - k.oldestCreatedAt) / 86_400_000);
      const hours = targetHours[k.kind];
      const label = KIND_LABELS[k.kind];
      return {
        kind: 'feedback' as const,
        subject: k.kind,
        message: `${faDigits(k.count)} ${label.fa} از زمان هدف پاسخ (${faDigits(hours)} ساعت) گذشته و هنوز پاسخ داده نشده است؛ قدیمی‌ترین ${faDigits(days)} روز پیش ثبت شده است.`,
        messageEn: `${k.count} ${label.en} past the target answer time (${hours} h) without an answer; the oldest was filed ${days} days ago.`,
      };
    });
}
