// Indicators 12, 19, 20, 22 and 23 of a period, from the feedback and meeting tables (items filed,
// citizens registered, on the period's days) and the open statistics of the same period.
import type { StatsDays } from '../stats/days.js';
import type { StatsRange } from '../stats/range.js';
import { serviceDay } from '../time/day.js';
import { ageOf } from './answer-time.js';
import { FEEDBACK_KINDS, STAFF_BEHAVIOUR, type FeedbackKind } from './config.js';
import type { AnswerTimeIndicator, FeedbackIndicator, OpenDataIndicator, PublicMeetingsIndicator, RespectIndicator, VoiceIndicators } from './indicator-types.js';
import { FEEDBACK_STATUSES, MEETING_REASONS, MEETING_RESULTS, type FeedbackStatus, type MeetingReason, type MeetingResult } from './labels.js';
import { WEEKLY_MINUTES_REQUIRED, weeklyMinutes } from './meeting-schedule.js';
import { OPEN_COLUMNS, openSummary } from './open-summary.js';
import type { Weekday } from '../config/schema.js';

export async function voiceIndicators(stats: StatsDays, range: StatsRange, now: number): Promise<VoiceIndicators> {
  const items = stats.db
    .prepare(`SELECT kind, topic, status, created_at AS createdAt, answered_at AS answeredAt FROM feedback WHERE day BETWEEN ? AND ?`)
    .all(range.from, range.to) as Array<{ kind: FeedbackKind; topic: string; status: FeedbackStatus; createdAt: number; answeredAt: number | null }>;
  return {
    respect: respectOf(items),
    openData: await openDataOf(stats, range),
    publicMeetings: publicMeetingsOf(stats, range, now),
    feedback: feedbackOf(stats, items),
    answerTime: answerTimeOf(stats, items, now),
  };
}

type Item = { kind: FeedbackKind; topic: string; status: FeedbackStatus; createdAt: number; answeredAt: number | null };

function respectOf(items: readonly Item[]): RespectIndicator {
  const complaints = items.filter((i) => i.kind === 'complaint');
  const staffBehaviour = complaints.filter((i) => i.topic === STAFF_BEHAVIOUR).length;
  return { complaints: complaints.length, staffBehaviour, share: complaints.length ? staffBehaviour / complaints.length : null };
}

const zeroKinds = (): Record<FeedbackKind, number> => ({ complaint: 0, criticism: 0, suggestion: 0, appreciation: 0 });

function feedbackOf(stats: StatsDays, items: readonly Item[]): FeedbackIndicator {
  const byKind = zeroKinds();
  const byStatus = Object.fromEntries(FEEDBACK_STATUSES.map((s) => [s, 0])) as Record<FeedbackStatus, number>;
  const topics = new Map(stats.config().voice.topics.map((t) => [t.id, { topic: t.id, name: t.name, byKind: zeroKinds(), total: 0 }]));
  for (const item of items) {
    byKind[item.kind]++;
    byStatus[item.status]++;
    let topic = topics.get(item.topic);
    // A topic the office has since removed still counts, under its id.
    if (!topic) topics.set(item.topic, (topic = { topic: item.topic, name: item.topic, byKind: zeroKinds(), total: 0 }));
    topic.byKind[item.kind]++;
    topic.total++;
  }
  return { total: items.length, byKind, byTopic: [...topics.values()], byStatus, answered: items.filter((i) => i.answeredAt !== null).length };
}

function answerTimeOf(stats: StatsDays, items: readonly Item[], now: number): AnswerTimeIndicator {
  const targets = stats.config().voice.answerTargetHours;
  return {
    byKind: FEEDBACK_KINDS.map((kind) => {
      const filed = items.filter((i) => i.kind === kind);
      const answered = filed.filter((i) => i.answeredAt !== null).map((i) => ageOf(i, targets, now));
      const seconds = answered.map((a) => a.ageSeconds).sort((a, b) => a - b);
      const overdue = filed.filter((i) => i.answeredAt === null && i.status !== 'closed' && ageOf(i, targets, now).overdue).length;
      return {
        kind,
        filed: filed.length,
        answered: seconds.length,
        meanSeconds: seconds.length ? seconds.reduce((a, b) => a + b, 0) / seconds.length : null,
        // Nearest rank, as the statistics' own percentiles.
        p90Seconds: seconds.length ? seconds[Math.ceil(0.9 * seconds.length) - 1]! : null,
        targetSeconds: targets[kind] * 3600,
        withinTargetShare: seconds.length ? answered.filter((a) => !a.overdue).length / seconds.length : null,
        overdue,
      };
    }),
  };
}

function publicMeetingsOf(stats: StatsDays, range: StatsRange, now: number): PublicMeetingsIndicator {
  const { db } = stats;
  const sessions = db.prepare(`SELECT weekday, start AS "from", end AS "to", active FROM meetings`).all() as Array<{ weekday: Weekday; from: string; to: string; active: number }>;
  const rows = db
    .prepare(`SELECT meeting_id AS meetingId, day, reason, status, result, due_date AS dueDate, follow_up_done_at AS doneAt, rating FROM meeting_registrations WHERE day BETWEEN ? AND ?`)
    .all(range.from, range.to) as Array<{ meetingId: string; day: string; reason: MeetingReason; status: string; result: MeetingResult | null; dueDate: string | null; doneAt: number | null; rating: number | null }>;
  const timeZone = stats.config().timeZone;
  const today = serviceDay(now, timeZone).iso;
  const met = rows.filter((r) => r.status === 'met');
  const byResult = Object.fromEntries(MEETING_RESULTS.map((r) => [r, 0])) as Record<MeetingResult, number>;
  for (const r of met) if (r.result) byResult[r.result]++;
  const followUps = met.filter((r) => r.result === 'follow_up');
  const done = followUps.filter((r) => r.doneAt !== null);
  const doneOnTime = done.filter((r) => r.dueDate !== null && serviceDay(r.doneAt!, timeZone).iso <= r.dueDate).length;
  const ratings = rows.flatMap((r) => (r.rating === null ? [] : [r.rating]));
  return {
    weeklyMinutes: weeklyMinutes(sessions.map((s) => ({ ...s, active: s.active === 1 }))),
    weeklyMinutesRequired: WEEKLY_MINUTES_REQUIRED,
    sessionsHeld: new Set(met.map((r) => `${r.meetingId}|${r.day}`)).size,
    registered: rows.length,
    citizensMet: met.length,
    byReason: MEETING_REASONS.map((reason) => ({ reason, count: rows.filter((r) => r.reason === reason).length })),
    byResult,
    followUps: {
      total: followUps.length,
      done: done.length,
      doneOnTime,
      open: followUps.length - done.length,
      overdue: followUps.filter((r) => r.doneAt === null && r.dueDate !== null && r.dueDate < today).length,
      onTimeShare: done.length ? doneOnTime / done.length : null,
    },
    satisfaction: { answers: ratings.length, meanOutOf5: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null },
  };
}

async function openDataOf(stats: StatsDays, range: StatsRange): Promise<OpenDataIndicator> {
  const summary = await openSummary(stats, range);
  const query = `from=${range.from}&to=${range.to}`;
  return {
    page: `/open?${query}`,
    json: `/api/v1/open/summary?${query}`,
    csv: `/api/v1/open/summary.csv?${query}`,
    months: summary.months,
    rows: summary.rows.length,
    cells: summary.rows.length * OPEN_COLUMNS.length,
    suppressedCells: summary.rows.reduce((n, r) => n + r.suppressed.length, 0),
  };
}
