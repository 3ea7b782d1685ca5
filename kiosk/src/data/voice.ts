// The citizens' voice at the kiosk: the office's feedback topics, filing feedback, today's public
// meetings and registering for one. The server prints the follow-up slip itself once it has committed.
// A filing gets one Idempotency-Key and every retry sends it again: an answer the network lost is
// asked for again, never filed twice.
import type { FeedbackKind, FeedbackTopic } from '../../../server/voice/config.js';
import type { MeetingReason } from '../../../server/voice/labels.js';
import { newRequestId, send } from '../../../ui/http/api.js';
import { deviceToken } from './device.js';

export type { FeedbackKind, FeedbackTopic, MeetingReason };

export interface FeedbackOptions {
  kinds: FeedbackKind[];
  topics: FeedbackTopic[];
  /** Days a mobile number is kept before it is erased. */
  retentionDays: number;
}

export interface FeedbackDraft {
  kind: FeedbackKind;
  topic: string;
  serviceId: string | null;
  text: string;
  mobile: string | null;
}

export interface OpenMeeting {
  id: string;
  date: string;
  from: string;
  to: string;
  place: string;
}

export async function fetchFeedbackOptions(): Promise<FeedbackOptions> {
  return send<FeedbackOptions>('GET', '/feedback/topics');
}

export async function fileFeedback(draft: FeedbackDraft, language: 'fa' | 'en'): Promise<{ id: string; code: string }> {
  const body = { kind: draft.kind, topic: draft.topic, text: draft.text, language, ...(draft.serviceId ? { serviceId: draft.serviceId } : {}), ...(draft.mobile ? { mobile: draft.mobile } : {}) };
  return send('POST', '/feedback', { body, deviceToken: deviceToken() ?? undefined, idempotencyKey: newRequestId('kiosk') });
}

/** Sessions open for registration today (on now, or later today). */
export async function fetchOpenMeetings(): Promise<OpenMeeting[]> {
  return send<OpenMeeting[]>('GET', '/meetings/open');
}

export async function registerForMeeting(meetingId: string, reason: MeetingReason, text: string, language: 'fa' | 'en'): Promise<{ id: string; number: string; code: string }> {
  const body = { reason, language, ...(text.trim() ? { text } : {}) };
  return send('POST', `/meetings/${encodeURIComponent(meetingId)}/registrations`, { body, deviceToken: deviceToken() ?? undefined, idempotencyKey: newRequestId('kiosk') });
}
