// The citizens' voice in the office's event log: each change is one 'voice.*' event, written in the
// change's own transaction, so the log stays the full record (indicator 24). A visitor's mobile
// number never goes into an event, sealed or not: the log is kept for good and copied into every backup.
import type { Db } from '../store/open.js';

export type VoiceEventType =
  | 'voice.feedback_received'
  | 'voice.feedback_assigned'
  | 'voice.feedback_answered'
  | 'voice.feedback_closed'
  | 'voice.feedback_contact_read'
  | 'voice.mobiles_erased'
  | 'voice.meeting_scheduled'
  | 'voice.meeting_registered'
  | 'voice.meeting_called'
  | 'voice.meeting_recalled'
  | 'voice.meeting_result'
  | 'voice.meeting_rated'
  | 'voice.follow_up_done';

/** Inside the caller's transaction; returns the event's sequence number. */
export function appendVoiceEvent(db: Db, at: number, type: VoiceEventType, actor: string, data: Record<string, unknown>): number {
  const info = db.prepare(`INSERT INTO events (at, type, ticket_id, desk_id, actor, data) VALUES (?, ?, ?, ?, ?, ?)`).run(
    at,
    type,
    typeof data.ticketId === 'string' ? data.ticketId : null,
    typeof data.deskId === 'string' ? data.deskId : null,
    actor,
    JSON.stringify({ type, at, ...data }),
  );
  return Number(info.lastInsertRowid);
}
