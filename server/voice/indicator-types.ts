// The shapes the citizens' voice adds to GET /api/v1/stats/indicators (indicators 12, 19, 20, 22 and
// 23). Times are seconds, shares fractions 0–1; counts are of items filed (or citizens registered)
// on the period's days.
import type { FeedbackKind } from './config.js';
import type { FeedbackStatus, MeetingReason, MeetingResult } from './labels.js';

/** Indicator 12: complaints about staff behaviour as a share of all complaints. */
export interface RespectIndicator {
  complaints: number;
  staffBehaviour: number;
  share: number | null;
}

/** Indicator 19: what the office publishes to citizens for the period (the /open page). */
export interface OpenDataIndicator {
  page: string;
  json: string;
  csv: string;
  months: string[];
  /** Rows of service × month, and how many of their cells were withheld as under 5 people. */
  rows: number;
  cells: number;
  suppressedCells: number;
}

/** Indicator 20: managers' public meetings. */
export interface PublicMeetingsIndicator {
  /** Minutes a week the active sessions add up to now, against the program's 120. */
  weeklyMinutes: number;
  weeklyMinutesRequired: number;
  /** Session days with at least one citizen met. */
  sessionsHeld: number;
  registered: number;
  citizensMet: number;
  byReason: Array<{ reason: MeetingReason; count: number }>;
  byResult: Record<MeetingResult, number>;
  followUps: { total: number; done: number; doneOnTime: number; open: number; overdue: number; onTimeShare: number | null };
  /** The citizens' answers to the satisfaction question after their meeting (1 to 5). */
  satisfaction: { answers: number; meanOutOf5: number | null };
}

/** Indicator 22: the complaints, criticisms and suggestions channel. */
export interface FeedbackIndicator {
  total: number;
  byKind: Record<FeedbackKind, number>;
  byTopic: Array<{ topic: string; name: string; byKind: Record<FeedbackKind, number>; total: number }>;
  /** What was done: where the period's items stand now. */
  byStatus: Record<FeedbackStatus, number>;
  answered: number;
}

/** Indicator 23: time to answer, per kind, against the office's target. */
export interface AnswerTimeIndicator {
  byKind: Array<{
    kind: FeedbackKind;
    filed: number;
    answered: number;
    meanSeconds: number | null;
    p90Seconds: number | null;
    targetSeconds: number;
    withinTargetShare: number | null;
    /** Still unanswered and already past the target. */
    overdue: number;
  }>;
}

export interface VoiceIndicators {
  respect: RespectIndicator;
  openData: OpenDataIndicator;
  publicMeetings: PublicMeetingsIndicator;
  feedback: FeedbackIndicator;
  answerTime: AnswerTimeIndicator;
}
