// Names of the citizens' voice's kinds, states, reasons and results, in Persian and English, for
// pages, alerts and exports.
import type { FeedbackKind } from './config.js';

export const KIND_LABELS: Record<FeedbackKind, { fa: string; en: string }> = {
  complaint: { fa: 'شکایت', en: 'complaints' },
  criticism: { fa: 'انتقاد', en: 'criticisms' },
  suggestion: { fa: 'پیشنهاد', en: 'suggestions' },
  appreciation: { fa: 'قدردانی', en: 'appreciations' },
};

export const FEEDBACK_STATUSES = ['received', 'in_progress', 'answered', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const MEETING_REASONS = ['unresolved_matter', 'complaint', 'request', 'suggestion', 'other'] as const;
export type MeetingReason = (typeof MEETING_REASONS)[number];
export const REASON_LABELS: Record<MeetingReason, string> = {
  unresolved_matter: 'کار انجام‌نشده یا معطل',
  complaint: 'شکایت از تصمیم یا رفتار',
  request: 'درخواست ویژه',
  suggestion: 'پیشنهاد',
  other: 'سایر',
};

export const MEETING_RESULTS = ['resolved', 'referred', 'follow_up'] as const;
export type MeetingResult = (typeof MEETING_RESULTS)[number];
export const RESULT_LABELS: Record<MeetingResult, string> = { resolved: 'حل شد', referred: 'ارجاع به واحد مربوط', follow_up: 'نیازمند پیگیری' };
