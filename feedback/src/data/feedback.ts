// What the feedback pages ask the server: the topics, the services, one ticket's service, filing, and
// reading a code back (feedback first; a public meeting's registration shares the code space), and
// the satisfaction question after a meeting.
import { send } from '../../../ui/http/api.js';
import type { FeedbackKind, FeedbackTopic } from '../../../server/voice/config.js';
import type { FeedbackStatus, MeetingResult } from '../../../server/voice/labels.js';
import { Refused } from '../../../ui/http/api.js';

export type { FeedbackKind, FeedbackTopic, FeedbackStatus, MeetingResult };

export interface FeedbackOptions {
  kinds: FeedbackKind[];
  topics: FeedbackTopic[];
  retentionDays: number;
}

export interface ServiceChoice {
  id: string;
  name: string;
  nameEn: string | null;
}

export interface TicketAbout {
  id: string;
  number: string;
  serviceId: string;
}

export type FollowUp =
  | { kind: 'feedback'; feedbackKind: FeedbackKind; status: FeedbackStatus; createdAt: number; answeredAt?: number; answer?: string }
  | { kind: 'meeting'; number: string; date: string; status: string; result?: MeetingResult; followUp?: { dueDate: string; done: boolean }; rated?: boolean };

export function fetchOptions(): Promise<FeedbackOptions> {
  return send<FeedbackOptions>('GET', '/feedback/topics');
}

export async function fetchServices(): Promise<ServiceChoice[]> {
  const services = await send<(ServiceChoice & { active?: boolean })[]>('GET', '/services');
  return services.filter((s) => s.active !== false).map(({ id, name, nameEn }) => ({ id, name, nameEn }));
}

export function fetchTicket(id: string): Promise<TicketAbout> {
  return send<TicketAbout>('GET', `/tickets/${encodeURIComponent(id)}`);
}

export interface NewFeedback {
  kind: FeedbackKind;
  topic: string;
  text: string;
  serviceId: string | null;
  ticketId: string | null;
  mobile: string;
}

export function fileFeedback(draft: NewFeedback): Promise<{ id: string; code: string }> {
  const body = {
    kind: draft.kind,
    topic: draft.topic,
    text: draft.text,
    ...(draft.ticketId ? { ticketId: draft.ticketId } : draft.serviceId ? { serviceId: draft.serviceId } : {}),
    ...(draft.mobile.trim() ? { mobile: draft.mobile } : {}),
  };
  return send('POST', '/feedback', { body });
}

/** The code's feedback, or its meeting registration; null when it is neither. */
/** The answer to the satisfaction question after a public meeting, 1 (not at all) to 5 (very). */
export async function rateMeeting(code: string, score: number): Promise<void> {
  await send('POST', `/meetings/status/${encodeURIComponent(code)}/rating`, { body: { score } });
}

export async function followUp(code: string): Promise<FollowUp | null> {
  try {
    const found = await send<{ kind: FeedbackKind; status: FeedbackStatus; createdAt: number; answeredAt?: number; answer?: string }>('GET', `/feedback/${encodeURIComponent(code)}`);
    return { ...found, kind: 'feedback', feedbackKind: found.kind };
  } catch (error) {
    if (!(error instanceof Refused) || error.status !== 404) throw error;
  }
  try {
    return { kind: 'meeting', ...(await send<Omit<Extract<FollowUp, { kind: 'meeting' }>, 'kind'>>('GET', `/meetings/status/${encodeURIComponent(code)}`)) };
  } catch (error) {
    if (error instanceof Refused && error.status === 404) return null;
    throw error;
  }
}
