// Managers' public meetings (program 9, indicator 20): weekly sessions an admin sets, the citizens
// who register at the kiosk on the session's day (a number in the meeting's own line and a follow-up
// code), the manager calling them in turn and recording what came of it, and the follow-ups until
// they are done. Each change is one transaction with its 'voice.*' event.
import { EventEmitter } from 'node:events';
import type { Weekday } from '../config/schema.js';
import { newId } from '../auth/secrets.js';
import { ApiError } from '../http/errors.js';
import type { Db } from '../store/open.js';
import { serviceDay } from '../time/day.js';
import { newFollowUpCode } from './codes.js';
import { appendVoiceEvent } from './events.js';
import type { MeetingReason, MeetingResult } from './labels.js';
import { nextDate, openForRegistration, weeklyMinutes } from './meeting-schedule.js';

/** The most citizens one session's line takes. */
export const MAX_REGISTRATIONS_PER_SESSION = 200;

export interface MeetingSession {
  id: string;
  /** The manager who meets citizens (a user id), and their name. */
  host: string;
  hostName: string;
  weekday: Weekday;
  /** The date it next takes place (Gregorian ISO). */
  date: string;
  from: string;
  to: string;
  place: string;
  active: boolean;
}

export interface Registration {
  id: string;
  meetingId: string;
  /** The session's date. */
  day: string;
  number: string;
  reason: MeetingReason;
  text: string | null;
  status: 'waiting' | 'called' | 'met';
  registeredAt: number;
  calledAt: number | null;
  metAt: number | null;
  result: MeetingResult | null;
  note: string | null;
  followUp: { by: string; dueDate: string; doneAt: number | null; note: string | null } | null;
}

/** What the holder of a registration's code reads. */
export interface RegistrationStatusView {
  number: string;
  date: string;
  status: Registration['status'];
  result?: MeetingResult;
  followUp?: { dueDate: string; done: boolean };
  /** Once met: whether the satisfaction question was answered. */
  rated?: boolean;
}

/** A citizen called to a meeting, committed: the waiting room's board announces it like a ticket. */
export interface MeetingCall {
  /** The event log's sequence number of the call. */
  seq: number;
  meetingId: string;
  number: string;
  /** Where the meeting takes place (the admin's text: a room, a floor). */
  place: string;
  at: number;
  /** Called again: the citizen did not come at the first call. */
  recall: boolean;
}

interface SessionRow {
  id: string;
  host_id: string;
  host_name: string | null;
  weekday: Weekday;
  start: string;
  end: string;
  place: string;
  active: number;
}

interface RegistrationRow {
  id: string;
  code: string;
  meeting_id: string;
  day: string;
  number: string;
  reason: MeetingReason;
  text: string | null;
  status: Registration['status'];
  registered_at: number;
  called_at: number | null;
  met_at: number | null;
  result: MeetingResult | null;
  note: string | null;
  follow_up_by: string | null;
  due_date: string | null;
  follow_up_done_at: number | null;
  follow_up_note: string | null;
  rating: number | null;
}

const SESSIONS = `SELECT m.*, u.name AS host_name FROM meetings m LEFT JOIN users u ON u.id = m.host_id`;

export class MeetingStore extends EventEmitter<{ called: [MeetingCall]; registered: [{ meetingId: string }] }> {
  constructor(
    private readonly db: Db,
    private readonly timeZone: () => string,
  ) {
    super();
  }

  schedule(input: { host: string; weekday: Weekday; from: string; to: string; place: string }, actor: string, at: number): { session: MeetingSession; weeklyMinutes: number } {
    const host = this.db.prepare(`SELECT role FROM users WHERE id = ? AND disabled = 0`).get(input.host) as { role: string } | undefined;
    if (!host || (host.role !== 'manager' && host.role !== 'admin')) throw new ApiError(400, 'unknown_host', 'میزبان ملاقات باید یکی از مدیران فعال اداره باشد.');
    const id = newId();
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO meetings (id, host_id, weekday, start, end, place, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(id, input.host, input.weekday, input.from, input.to, input.place, at);
      appendVoiceEvent(this.db, at, 'voice.meeting_scheduled', actor, { meetingId: id, ...input });
    })();
    return { session: this.session(id, at), weeklyMinutes: this.weeklyMinutes() };
  }

  /** Who may host a session: the active managers and admins. */
  hosts(): Array<{ id: string; name: string }> {
    return this.db.prepare(`SELECT id, name FROM users WHERE disabled = 0 AND role IN ('manager', 'admin') ORDER BY name, id`).all() as Array<{ id: string; name: string }>;
  }

  sessions(now: number): MeetingSession[] {
    return (this.db.prepare(`${SESSIONS} ORDER BY m.created_at, m.start, m.id`).all() as SessionRow[]).map((row) => this.view(row, now));
  }

  /** Sessions citizens can register for now. */
  openToday(now: number): MeetingSession[] {
    return this.sessions(now).filter((s) => openForRegistration(s, now, this.timeZone()));
  }

  weeklyMinutes(): number {
    return weeklyMinutes(this.sessions(0));
  }

  /** Registers a citizen in today's line; a `requestKey` already used answers with that registration (`replayed`). */
  register(meetingId: string, input: { reason: MeetingReason; text: string | null }, actor: string, at: number, requestKey?: string): { id: string; number: string; code: string; replayed: boolean } {
    if (requestKey !== undefined) {
      const earlier = this.db.prepare(`SELECT id, number, code FROM meeting_registrations WHERE request_key = ? AND meeting_id = ?`).get(requestKey, meetingId) as { id: string; number: string; code: string } | undefined;
      if (earlier) return { ...earlier, replayed: true };
    }
    const session = this.session(meetingId, at);
    if (!openForRegistration(session, at, this.timeZone())) throw new ApiError(409, 'meeting_not_open', 'ثبت‌نام برای این ملاقات امروز باز نیست.');
    const day = serviceDay(at, this.timeZone()).iso;
    const id = newId();
    for (let attempt = 0; ; attempt++) {
      const code = newFollowUpCode();
      try {
        const registered = this.db.transaction(() => {
          const { n } = this.db.prepare(`SELECT COALESCE(MAX(counter), 0) AS n FROM meeting_registrations WHERE meeting_id = ? AND day = ?`).get(meetingId, day) as { n: number };
          if (n >= MAX_REGISTRATIONS_PER_SESSION) throw new ApiError(409, 'meeting_full', 'نوبت‌های این ملاقات تمام شده است.');
          const number = `M${String(n + 1).padStart(2, '0')}`;
          this.db
            .prepare(`INSERT INTO meeting_registrations (id, code, meeting_id, day, counter, number, reason, text, status, registered_at, request_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?)`)
            .run(id, code, meetingId, day, n + 1, number, input.reason, input.text, at, requestKey ?? null);
          appendVoiceEvent(this.db, at, 'voice.meeting_registered', actor, { meetingId, registrationId: id, day, number, reason: input.reason, text: input.text });
          return { id, number, code, replayed: false };
        })();
        this.emit('registered', { meetingId });
        return registered;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE' || attempt >= 4) throw error;
      }
    }
  }

  /** The session's line on `day`, in order. */
  registrations(meetingId: string, day: string): Registration[] {
    this.session(meetingId, 0);
    return (this.db.prepare(`SELECT * FROM meeting_registrations WHERE meeting_id = ? AND day = ? ORDER BY counter`).all(meetingId, day) as RegistrationRow[]).map(registrationView);
  }

  /** Calls the first citizen still waiting in today's line; null when nobody waits. */
  callNext(meetingId: string, actor: string, at: number): Registration | null {
    const session = this.session(meetingId, at);
    const day = serviceDay(at, this.timeZone()).iso;
    const called = this.db.transaction(() => {
      const next = this.db.prepare(`SELECT id, number FROM meeting_registrations WHERE meeting_id = ? AND day = ? AND status = 'waiting' ORDER BY counter LIMIT 1`).get(meetingId, day) as { id: string; number: string } | undefined;
      if (!next) return null;
      this.db.prepare(`UPDATE meeting_registrations SET status = 'called', called_at = ? WHERE id = ?`).run(at, next.id);
      const seq = appendVoiceEvent(this.db, at, 'voice.meeting_called', actor, { meetingId, registrationId: next.id, number: next.number });
      return { seq, registration: this.registration(next.id) };
    })();
    if (!called) return null;
    this.emit('called', { seq: called.seq, meetingId, number: called.registration.number, place: session.place, at, recall: false });
    return called.registration;
  }

  /** Calls the citizen being called again (to the board, with the chime), as a desk recalls a ticket. */
  recall(id: string, actor: string, at: number): Registration {
    const recalled = this.db.transaction(() => {
      const row = this.row(id);
      if (row.status !== 'called') throw new ApiError(409, 'not_called', 'این شهروند اکنون فراخوانده نشده است.');
      const seq = appendVoiceEvent(this.db, at, 'voice.meeting_recalled', actor, { meetingId: row.meeting_id, registrationId: id, number: row.number });
      return { seq, row };
    })();
    const session = this.session(recalled.row.meeting_id, at);
    this.emit('called', { seq: recalled.seq, meetingId: session.id, number: recalled.row.number, place: session.place, at, recall: true });
    return registrationView(recalled.row);
  }

  /** Today's meeting calls and recalls from the event log, newest first: the board's recent calls survive a restart. */
  callsSince(at: number, limit: number): MeetingCall[] {
    const rows = this.db
      .prepare(`SELECT e.seq, e.at, e.type, json_extract(e.data, '$.meetingId') AS meetingId, json_extract(e.data, '$.number') AS number, m.place
        FROM events e JOIN meetings m ON m.id = json_extract(e.data, '$.meetingId')
        WHERE e.type IN ('voice.meeting_called', 'voice.meeting_recalled') AND e.at >= ? ORDER BY e.seq DESC LIMIT ?`)
      .all(at, limit) as Array<{ seq: number; at: number; type: string; meetingId: string; number: string; place: string }>;
    return rows.map((r) => ({ seq: r.seq, meetingId: r.meetingId, number: r.number, place: r.place, at: r.at, recall: r.type === 'voice.meeting_recalled' }));
  }

  recordResult(id: string, input: { result: MeetingResult; note: string | null; followUpBy: string | null; dueDate: string | null }, actor: string, at: number): Registration {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (row.status === 'met') throw new ApiError(409, 'already_recorded', 'نتیجهٔ این ملاقات پیش‌تر ثبت شده است.');
      if (input.result === 'follow_up' && (!input.followUpBy || !input.dueDate)) throw new ApiError(400, 'follow_up_incomplete', 'برای پیگیری، نام پیگیری‌کننده و مهلت پیگیری را بنویسید.');
      if (input.dueDate !== null && input.dueDate < row.day) throw new ApiError(400, 'due_date_past', 'مهلت پیگیری نمی‌تواند پیش از روز ملاقات باشد.');
      const followUp = input.result === 'follow_up';
      this.db
        .prepare(`UPDATE meeting_registrations SET status = 'met', met_at = ?, called_at = COALESCE(called_at, ?), result = ?, note = ?, follow_up_by = ?, due_date = ? WHERE id = ?`)
        .run(at, at, input.result, input.note, followUp ? input.followUpBy : null, followUp ? input.dueDate : null, id);
      appendVoiceEvent(this.db, at, 'voice.meeting_result', actor, { meetingId: row.meeting_id, registrationId: id, result: input.result, note: input.note, ...(followUp ? { followUpBy: input.followUpBy, dueDate: input.dueDate } : {}) });
      return this.registration(id);
    })();
  }

  followUpDone(id: string, note: string | null, actor: string, at: number): Registration {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (row.result !== 'follow_up') throw new ApiError(409, 'no_follow_up', 'این ملاقات پیگیری ندارد.');
      if (row.follow_up_done_at !== null) throw new ApiError(409, 'follow_up_done', 'این پیگیری پیش‌تر انجام شده است.');
      this.db.prepare(`UPDATE meeting_registrations SET follow_up_done_at = ?, follow_up_note = ? WHERE id = ?`).run(at, note, id);
      appendVoiceEvent(this.db, at, 'voice.follow_up_done', actor, { meetingId: row.meeting_id, registrationId: id, note, dueDate: row.due_date });
      return this.registration(id);
    })();
  }

  /** Follow-ups, oldest due first: those still open, or done, or all (at most `limit`). */
  followUps(status: 'open' | 'done' | 'all', limit: number): Registration[] {
    const done = status === 'open' ? 'AND follow_up_done_at IS NULL' : status === 'done' ? 'AND follow_up_done_at IS NOT NULL' : '';
    return (this.db.prepare(`SELECT * FROM meeting_registrations WHERE result = 'follow_up' ${done} ORDER BY due_date, registered_at LIMIT ?`).all(limit) as RegistrationRow[]).map(registrationView);
  }

  byCode(code: string): RegistrationStatusView | undefined {
    const row = this.db.prepare(`SELECT * FROM meeting_registrations WHERE code = ?`).get(code) as RegistrationRow | undefined;
    if (!row) return undefined;
    return {
      number: row.number,
      date: row.day,
      status: row.status,
      ...(row.result ? { result: row.result } : {}),
      ...(row.result === 'follow_up' && row.due_date ? { followUp: { dueDate: row.due_date, done: row.follow_up_done_at !== null } } : {}),
      ...(row.status === 'met' ? { rated: row.rating !== null } : {}),
    };
  }

  /** The citizen's answer to «how satisfied were you with the meeting?», once, after it was held. */
  rate(code: string, score: number, at: number): void {
    this.db.transaction(() => {
      const row = this.db.prepare(`SELECT id, meeting_id, status, rating FROM meeting_registrations WHERE code = ?`).get(code) as Pick<RegistrationRow, 'id' | 'meeting_id' | 'status' | 'rating'> | undefined;
      if (!row) throw new ApiError(404, 'unknown_code', 'کد پیگیری پیدا نشد. آن را دوباره از روی رسید بخوانید.');
      if (row.status !== 'met') throw new ApiError(409, 'not_met', 'نظر شما پس از برگزاری ملاقات پرسیده می‌شود.');
      if (row.rating !== null) throw new ApiError(409, 'already_rated', 'نظر شما دربارهٔ این ملاقات پیش‌تر ثبت شده است.');
      this.db.prepare(`UPDATE meeting_registrations SET rating = ?, rated_at = ? WHERE id = ?`).run(score, at, row.id);
      appendVoiceEvent(this.db, at, 'voice.meeting_rated', 'anonymous', { meetingId: row.meeting_id, registrationId: row.id, score });
    })();
  }

  registration(id: string): Registration {
    return registrationView(this.row(id));
  }

  private session(id: string, now: number): MeetingSession {
    const row = this.db.prepare(`${SESSIONS} WHERE m.id = ?`).get(id) as SessionRow | undefined;
    if (!row) throw new ApiError(404, 'unknown_meeting', 'این ملاقات پیدا نشد.');
    return this.view(row, now);
  }

  private row(id: string): RegistrationRow {
    const row = this.db.prepare(`SELECT * FROM meeting_registrations WHERE id = ?`).get(id) as RegistrationRow | undefined;
    if (!row) throw new ApiError(404, 'unknown_registration', 'این ثبت‌نام پیدا نشد.');
    return row;
  }

  private view(row: SessionRow, now: number): MeetingSession {
    const times = { weekday: row.weekday, from: row.start, to: row.end, active: row.active === 1 };
    return { id: row.id, host: row.host_id, hostName: row.host_name ?? '', ...times, place: row.place, date: nextDate(times, now, this.timeZone()) };
  }
}

function registrationView(row: RegistrationRow): Registration {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    day: row.day,
    number: row.number,
    reason: row.reason,
    text: row.text,
    status: row.status,
    registeredAt: row.registered_at,
    calledAt: row.called_at,
    metAt: row.met_at,
    result: row.result,
    note: row.note,
    followUp: row.result === 'follow_up' && row.follow_up_by && row.due_date ? { by: row.follow_up_by, dueDate: row.due_date, doneAt: row.follow_up_done_at, note: row.follow_up_note } : null,
  };
}
