// The citizens' voice API (/api/v1/feedback, /api/v1/meetings) as the manager's tabs use it. The
// shapes are the server's own (server/voice/*-store.ts); elements never build requests.
import { send } from '../../../../ui/http/api.js';
import type { Assignee, FeedbackItem } from '../../../../server/voice/feedback-store.js';
import type { MeetingSession, Registration } from '../../../../server/voice/meeting-store.js';
import type { FeedbackTopic, FeedbackKind } from '../../../../server/voice/config.js';
import type { FeedbackStatus, MeetingResult } from '../../../../server/voice/labels.js';
import type { Weekday } from '../../../../server/config/schema.js';

export type { Assignee, FeedbackItem, FeedbackKind, FeedbackStatus, FeedbackTopic, MeetingResult, MeetingSession, Registration, Weekday };

export interface InboxFilter {
  kind: FeedbackKind | '';
  topic: string;
  serviceId: string;
  status: FeedbackStatus | '';
  /** Only items filed at least this many hours ago; 0 for any age. */
  olderThanHours: number;
}

export const NO_FILTER: InboxFilter = { kind: '', topic: '', serviceId: '', status: '', olderThanHours: 0 };

/** A follow-up as the server lists it, with whether its due date has passed. */
export type FollowUpItem = Registration & { overdue: boolean };

export class VoiceApi {
  constructor(private readonly token: string) {}

  inbox(filter: InboxFilter): Promise<FeedbackItem[]> {
    const query = new URLSearchParams();
    for (const key of ['kind', 'topic', 'serviceId', 'status'] as const) if (filter[key]) query.set(key, filter[key]);
    if (filter.olderThanHours > 0) query.set('olderThanHours', String(filter.olderThanHours));
    return this.get(`/feedback?${query}`);
  }

  topics = () => send<{ topics: FeedbackTopic[] }>('GET', '/feedback/topics').then((r) => r.topics);
  services = () => send<Array<{ id: string; name: string; nameEn: string }>>('GET', '/services');
  assignees = () => this.get<Assignee[]>('/feedback/assignees');
  assign = (id: string, userId: string) => this.post<FeedbackItem>(`/feedback/${id}/assign`, { userId });
  answer = (id: string, text: string) => this.post(`/feedback/${id}/answer`, { text });
  close = (id: string) => this.post(`/feedback/${id}/close`);

  sessions = () => this.get<MeetingSession[]>('/meetings');
  hosts = () => this.get<Array<{ id: string; name: string }>>('/meetings/hosts');
  addSession = (session: { host: string; weekday: Weekday; from: string; to: string; place: string }) =>
    this.post<MeetingSession & { weeklyMinutes: number; warning: { message: string } | null }>('/meetings', session);
  line = (meetingId: string) => this.get<Registration[]>(`/meetings/${meetingId}/registrations`);
  callNext = (meetingId: string) => this.post<{ registration: Registration } | null>(`/meetings/${meetingId}/next`);
  recall = (id: string) => this.post<{ registration: Registration }>(`/meetings/registrations/${id}/recall`);
  recordResult = (id: string, result: { result: MeetingResult; note: string | null; followUpBy: string | null; dueDate: string | null }) =>
    this.post<{ registration: Registration }>(`/meetings/registrations/${id}/result`, result);
  followUps = () => this.get<FollowUpItem[]>('/meetings/follow-ups?status=open');
  followUpDone = (id: string, note: string | null) => this.post(`/meetings/registrations/${id}/follow-up/done`, { note });

  private get<T>(path: string): Promise<T> {
    return send<T>('GET', path, { token: this.token });
  }

  private post<T = unknown>(path: string, body: unknown = {}): Promise<T> {
    return send<T>('POST', path, { token: this.token, body });
  }
}
