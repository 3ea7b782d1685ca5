// Complaints, criticisms, suggestions and appreciations: filed by visitors with a follow-up code,
// read back by that code (status and answer, nothing else), worked through by managers (assigned,
// answered, closed). Each change is one transaction with its 'voice.*' event. The visitor's mobile
// number is sealed before it is stored and erased after the office's retention period.
import { EventEmitter } from 'node:events';
import { newId } from '../auth/secrets.js';
import { ApiError } from '../http/errors.js';
import type { Db } from '../store/open.js';
import { serviceDay } from '../time/day.js';
import { ageOf, type FeedbackAge, type OverdueKind } from './answer-time.js';
import { newFollowUpCode } from './codes.js';
import { FEEDBACK_KINDS, type FeedbackKind, type VoiceConfig } from './config.js';
import { appendVoiceEvent } from './events.js';
import type { FeedbackStatus } from './labels.js';
import type { MobileVault } from './mobile-vault.js';

export interface NewFeedback {
  kind: FeedbackKind;
  topic: string;
  text: string;
  serviceId: string | null;
  ticketId: string | null;
  /** Normalised (09xxxxxxxxx); sealed before it is stored. */
  mobile: string | null;
  source: 'kiosk' | 'public' | 'staff';
}

/** What the holder of the follow-up code reads: nothing about anyone. */
export interface FeedbackStatusView {
  kind: FeedbackKind;
  status: FeedbackStatus;
  createdAt: number;
  answeredAt?: number;
  answer?: string;
}

/** An item in the managers' inbox. */
export interface FeedbackItem extends FeedbackAge {
  id: string;
  kind: FeedbackKind;
  topic: string;
  status: FeedbackStatus;
  source: NewFeedback['source'];
  serviceId: string | null;
  deskId: string | null;
  /** Who served the ticket it came from: a complaint about a clerk names them here, for managers only. */
  staffId: string | null;
  ticketId: string | null;
  createdAt: number;
  answeredAt: number | null;
  closedAt: number | null;
  text: string;
  answer: string | null;
  assignedTo: { id: string; name: string } | null;
  /** Whether a mobile number is kept to answer on (the number itself only through `contact`). */
  hasMobile: boolean;
}

export interface FeedbackFilter {
  kind?: FeedbackKind;
  status?: FeedbackStatus;
  topic?: string;
  serviceId?: string;
  /** Gregorian ISO days, both included. */
  from?: string;
  to?: string;
  /** Only items filed at or before this instant (the inbox's «older than» filter). */
  filedBefore?: number;
  limit: number;
}

/** Someone an item can be given to: any active account, shown by name. */
export interface Assignee {
  id: string;
  name: string;
  role: 'staff' | 'manager' | 'admin';
}

interface Row {
  id: string;
  code: string;
  kind: FeedbackKind;
  topic: string;
  text: string;
  source: NewFeedback['source'];
  service_id: string | null;
  desk_id: string | null;
  staff_id: string | null;
  ticket_id: string | null;
  mobile_sealed: string | null;
  status: FeedbackStatus;
  assigned_to: string | null;
  assigned_name: string | null;
  created_at: number;
  answer: string | null;
  answered_at: number | null;
  closed_at: number | null;
}

const SELECT = `SELECT f.*, u.name AS assigned_name FROM feedback f LEFT JOIN users u ON u.id = f.assigned_to`;
const OPEN: readonly FeedbackStatus[] = ['received', 'in_progress'];

const notFound = () => new ApiError(404, 'unknown_feedback', 'این مورد پیدا نشد.');

/** An item filed or changed, committed: managers' inboxes read it again. Nothing of its content. */
export interface FeedbackChange {
  feedbackId: string;
  change: 'received' | 'assigned' | 'answered' | 'closed';
}

export class FeedbackStore extends EventEmitter<{ changed: [FeedbackChange] }> {
  constructor(
    private readonly db: Db,
    private readonly vault: MobileVault,
    private readonly config: () => { timeZone: string; voice: VoiceConfig; services: ReadonlyArray<{ id: string }> },
  ) {
    super();
  }

  /**
   * Files the feedback; the service, desk and clerk come from the ticket when one is named. A
   * `requestKey` already used answers with what it filed then (`replayed`), filing nothing.
   */
  submit(input: NewFeedback, actor: string, at: number, requestKey?: string): { id: string; code: string; replayed: boolean } {
    if (requestKey !== undefined) {
      const earlier = this.db.prepare(`SELECT id, code FROM feedback WHERE request_key = ?`).get(requestKey) as { id: string; code: string } | undefined;
      if (earlier) return { ...earlier, replayed: true };
    }
    const config = this.config();
    if (!config.voice.topics.some((t) => t.id === input.topic)) throw new ApiError(400, 'unknown_topic', 'این موضوع در فهرست موضوع‌های اداره نیست.');
    let service = input.serviceId;
    let deskId: string | null = null;
    let staffId: string | null = null;
    if (input.ticketId) {
      const ticket = this.db.prepare(`SELECT service_id AS serviceId, COALESCE(called_desk_id, desk_id) AS deskId, staff_id AS staffId FROM tickets WHERE id = ?`).get(input.ticketId) as
        | { serviceId: string; deskId: string | null; staffId: string | null }
        | undefined;
      if (!ticket) throw new ApiError(404, 'unknown_ticket', 'این نوبت پیدا نشد.');
      ({ serviceId: service, deskId, staffId } = ticket);
    } else if (service !== null && !config.services.some((s) => s.id === service)) {
      throw new ApiError(400, 'unknown_service', 'این خدمت در اداره نیست.');
    }
    const day = serviceDay(at, config.timeZone);
    const id = newId();
    for (let attempt = 0; ; attempt++) {
      const code = newFollowUpCode();
      try {
        this.db.transaction(() => {
          this.db
            .prepare(`INSERT INTO feedback (id, code, kind, topic, text, source, service_id, desk_id, staff_id, ticket_id, mobile_sealed, status, created_at, day, jmonth, request_key)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?)`)
            .run(id, code, input.kind, input.topic, input.text, input.source, service, deskId, staffId, input.ticketId, input.mobile ? this.vault.seal(input.mobile, id) : null, at, day.iso, day.jalali.slice(0, 7), requestKey ?? null);
          appendVoiceEvent(this.db, at, 'voice.feedback_received', actor, {
            feedbackId: id, kind: input.kind, topic: input.topic, text: input.text, source: input.source, serviceId: service, deskId, staffId, ticketId: input.ticketId, withMobile: input.mobile !== null,
          });
        })();
        this.emit('changed', { feedbackId: id, change: 'received' });
        return { id, code, replayed: false };
      } catch (error) {
        // A code already given out (one in a billion per try): draw another.
        if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE' || attempt >= 4) throw error;
      }
    }
  }

  byCode(code: string): FeedbackStatusView | undefined {
    const row = this.db.prepare(`SELECT kind, status, created_at, answer, answered_at FROM feedback WHERE code = ?`).get(code) as Pick<Row, 'kind' | 'status' | 'created_at' | 'answer' | 'answered_at'> | undefined;
    if (!row) return undefined;
    return { kind: row.kind, status: row.status, createdAt: row.created_at, ...(row.answered_at !== null && row.answer !== null ? { answeredAt: row.answered_at, answer: row.answer } : {}) };
  }

  list(filter: FeedbackFilter, now: number): FeedbackItem[] {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (filter.kind) add('f.kind = ?', filter.kind);
    if (filter.status) add('f.status = ?', filter.status);
    if (filter.topic) add('f.topic = ?', filter.topic);
    if (filter.serviceId) add('f.service_id = ?', filter.serviceId);
    if (filter.from) add('f.day >= ?', filter.from);
    if (filter.to) add('f.day <= ?', filter.to);
    if (filter.filedBefore !== undefined) add('f.created_at <= ?', filter.filedBefore);
    const rows = this.db.prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY f.created_at DESC, f.id LIMIT ?`).all(...params, filter.limit) as Row[];
    return rows.map((row) => this.item(row, now));
  }

  get(id: string, now: number): FeedbackItem {
    return this.item(this.row(id), now);
  }

  assign(id: string, userId: string, actor: string, at: number): void {
    this.change(id, 'assigned', (row) => {
      if (!OPEN.includes(row.status)) throw new ApiError(409, 'feedback_not_open', 'این مورد پاسخ داده یا بسته شده است و دیگر به کسی سپرده نمی‌شود.');
      const user = this.db.prepare(`SELECT 1 FROM users WHERE id = ? AND disabled = 0`).get(userId);
      if (!user) throw new ApiError(400, 'unknown_user', 'این کاربر پیدا نشد یا غیرفعال است.');
      // The clerk a complaint is about is never the one to answer it (nor can they read it).
      if (row.staff_id === userId) throw new ApiError(409, 'assignee_is_subject', 'این مورد دربارهٔ همین کارمند است و به خود او سپرده نمی‌شود.');
      this.db.prepare(`UPDATE feedback SET assigned_to = ?, status = 'in_progress' WHERE id = ?`).run(userId, id);
      appendVoiceEvent(this.db, at, 'voice.feedback_assigned', actor, { feedbackId: id, assignedTo: userId });
    });
  }

  assignees(): Assignee[] {
    return this.db.prepare(`SELECT id, name, role FROM users WHERE disabled = 0 ORDER BY role DESC, name, id`).all() as Assignee[];
  }

  /** The answer the visitor reads; a second answer replaces the text, the time of the first stays. */
  answer(id: string, text: string, userId: string, actor: string, at: number): void {
    this.change(id, 'answered', (row) => {
      if (row.status === 'closed') throw new ApiError(409, 'feedback_closed', 'این مورد بسته شده است.');
      this.db.prepare(`UPDATE feedback SET answer = ?, answered_at = COALESCE(answered_at, ?), answered_by = ?, status = 'answered' WHERE id = ?`).run(text, at, userId, id);
      appendVoiceEvent(this.db, at, 'voice.feedback_answered', actor, { feedbackId: id, answer: text });
    });
  }

  close(id: string, actor: string, at: number): void {
    this.change(id, 'closed', (row) => {
      if (row.status === 'closed') throw new ApiError(409, 'feedback_closed', 'این مورد پیش‌تر بسته شده است.');
      this.db.prepare(`UPDATE feedback SET status = 'closed', closed_at = ? WHERE id = ?`).run(at, id);
      appendVoiceEvent(this.db, at, 'voice.feedback_closed', actor, { feedbackId: id, answered: row.answered_at !== null });
    });
  }

  /** The mobile number to answer on, for a manager; who read it is recorded. Null once erased or never given. */
  contact(id: string, actor: string, at: number): string | null {
    this.eraseExpired(at);
    return this.db.transaction(() => {
      const row = this.row(id);
      if (row.mobile_sealed === null) return null;
      appendVoiceEvent(this.db, at, 'voice.feedback_contact_read', actor, { feedbackId: id });
      return this.vault.open(row.mobile_sealed, id);
    })();
  }

  /** Erases the mobile numbers filed longer ago than the office keeps them; answers how many. */
  eraseExpired(now: number): number {
    const before = now - this.config().voice.mobileRetentionDays * 86_400_000;
    return this.db.transaction(() => {
      const { changes } = this.db.prepare(`UPDATE feedback SET mobile_sealed = NULL, mobile_erased_at = ? WHERE mobile_sealed IS NOT NULL AND created_at < ?`).run(now, before);
      if (changes > 0) appendVoiceEvent(this.db, now, 'voice.mobiles_erased', 'system', { count: changes, filedBefore: before });
      return changes;
    })();
  }

  /** Unanswered items past their kind's target, per kind. */
  overdue(now: number): OverdueKind[] {
    const targets = this.config().voice.answerTargetHours;
    const query = this.db.prepare(`SELECT COUNT(*) AS count, MIN(created_at) AS oldest FROM feedback WHERE kind = ? AND status IN ('received', 'in_progress') AND created_at < ?`);
    return FEEDBACK_KINDS.flatMap((kind) => {
      const { count, oldest } = query.get(kind, now - targets[kind] * 3_600_000) as { count: number; oldest: number | null };
      return count > 0 && oldest !== null ? [{ kind, count, oldestCreatedAt: oldest }] : [];
    });
  }

  private change(id: string, change: FeedbackChange['change'], apply: (row: Row) => void): void {
    this.db.transaction(() => apply(this.row(id)))();
    this.emit('changed', { feedbackId: id, change });
  }

  private row(id: string): Row {
    const row = this.db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as Row | undefined;
    if (!row) throw notFound();
    return row;
  }

  private item(row: Row, now: number): FeedbackItem {
    return {
      id: row.id,
      kind: row.kind,
      topic: row.topic,
      status: row.status,
      source: row.source,
      serviceId: row.service_id,
      deskId: row.desk_id,
      staffId: row.staff_id,
      ticketId: row.ticket_id,
      createdAt: row.created_at,
      answeredAt: row.answered_at,
      closedAt: row.closed_at,
      text: row.text,
      answer: row.answer,
      assignedTo: row.assigned_to ? { id: row.assigned_to, name: row.assigned_name ?? '' } : null,
      hasMobile: row.mobile_sealed !== null,
      ...ageOf({ kind: row.kind, createdAt: row.created_at, answeredAt: row.answered_at }, this.config().voice.answerTargetHours, now),
    };
  }
}
