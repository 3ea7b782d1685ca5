// The queue's vocabulary: tickets, desks, the state one office day holds, the commands staff and
// kiosks give, and the events those commands yield. Pure data; no I/O anywhere in server/queue/.
import type { OpeningHours, PriorityGroup, QueuePolicy } from '../config/schema.js';

export type { PriorityGroup, QueuePolicy };

export type TicketStatus = 'issued' | 'called' | 'serving' | 'parked' | 'done' | 'no_show' | 'cancelled';
export type Position = 'first' | 'last';
export type FinishOutcome = 'done' | 'referred' | 'incomplete_documents';
export type PauseReason = 'break' | 'prayer' | 'meeting' | 'back_office' | 'other';

export interface Ticket {
  id: string;
  /** As shown and spoken: the service prefix and the day's counter, e.g. "1042". */
  number: string;
  serviceId: string;
  priorityGroup: PriorityGroup | null;
  status: TicketStatus;
  /** The office-local calendar day (ISO) the ticket belongs to. */
  day: string;
  issuedAt: number;
  /** Orders the waiting line: the smallest waits longest. Issue time, or moved by transfer and reinstate. */
  rank: number;
  /** Set when a transfer sent the ticket to one desk rather than to a service's queue. */
  targetDeskId: string | null;
  /** The desk holding the ticket while called, serving or parked. */
  deskId: string | null;
  calledAt: number | null;
  lastCalledAt: number | null;
  recalls: number;
  startedAt: number | null;
  /** A visitor who booked and checked in on time: called at the booked time, ahead of walk-ins. */
  appointment?: { start: number } | null;
}

export interface DeskState {
  id: string;
  services: string[];
  /** Someone is signed in at the desk. */
  open: boolean;
  staffId: string | null;
  pause: { reason: PauseReason; note: string | null; since: number } | null;
  /** The ticket called or being served here; at most one. */
  currentTicketId: string | null;
  /** Priority tickets called in a row, to bound how long normal tickets can be passed over. */
  priorityStreak: number;
}

export interface ServiceRules {
  id: string;
  prefix: string;
  active: boolean;
  priorityGroups: PriorityGroup[];
  /** When it issues tickets: its own hours or the office's. Absent: always (replays of a recorded day). */
  hours?: OpeningHours;
}

export interface QueueRules {
  policy: QueuePolicy;
  services: ReadonlyMap<string, ServiceRules>;
  /** The office's time zone, which decides the service day and so the numbering. */
  timeZone: string;
  /** How early before a booked time a check-in is taken, and how late it still counts as booked; defaults without it. */
  checkIn?: CheckInWindow;
}

export interface CheckInWindow {
  earlyMinutes: number;
  graceMinutes: number;
}

/** What a ticket issued at a booking's check-in carries: the booking and its time. */
export interface AppointmentRef {
  id: string;
  start: number;
}

export interface QueueState {
  rules: QueueRules;
  /** Today's tickets that are not finished: waiting, called, serving, parked, and no-shows (for reinstating). */
  tickets: Map<string, Ticket>;
  desks: Map<string, DeskState>;
  /** Last counter used per service for `counterDay`. */
  counters: Map<string, number>;
  counterDay: string | null;
}

/**
 * The wait a visitor was told at issue, in seconds: the estimate and the range around it. Kept on the
 * ticket so that the indicators report can say how often the promise held.
 */
export interface WaitPromise {
  seconds: number;
  low: number;
  high: number;
}

/** What every command carries from the edge: who, when and, for issuing, the new id. */
interface CommandBase {
  now: number;
}

/** The kiosk's language when a ticket was taken there: its slip prints in it. Absent for tickets not taken at a kiosk. */
export type SlipLanguage = 'fa' | 'en';

export type QueueCommand =
  | (CommandBase & { type: 'issueTicket'; ticketId: string; serviceId: string; priorityGroup: PriorityGroup | null; promise?: WaitPromise | null; appointment?: AppointmentRef | null; language?: SlipLanguage })
  | (CommandBase & { type: 'callNext'; deskId: string })
  | (CommandBase & { type: 'callTicket'; deskId: string; ticketId: string })
  | (CommandBase & { type: 'recall'; deskId: string; ticketId: string })
  | (CommandBase & { type: 'markNoShow'; deskId: string; ticketId: string })
  | (CommandBase & { type: 'reinstate'; ticketId: string; position: Position })
  | (CommandBase & { type: 'startService'; deskId: string; ticketId: string })
  | (CommandBase & { type: 'park'; deskId: string; ticketId: string })
  | (CommandBase & { type: 'finishService'; deskId: string; ticketId: string; outcome: FinishOutcome; note: string | null })
  | (CommandBase & { type: 'transfer'; deskId: string; ticketId: string; to: { serviceId: string } | { deskId: string }; position: Position })
  | (CommandBase & { type: 'cancel'; ticketId: string; deskId: string | null })
  | (CommandBase & { type: 'openDesk'; deskId: string; staffId: string })
  | (CommandBase & { type: 'closeDesk'; deskId: string })
  | (CommandBase & { type: 'pauseDesk'; deskId: string; reason: PauseReason; note: string | null })
  | (CommandBase & { type: 'resumeDesk'; deskId: string })
  | (CommandBase & { type: 'closeDay' });

export type CommandType = QueueCommand['type'];

interface EventBase {
  at: number;
}

export type QueueEvent =
  | (EventBase & { type: 'ticket.issued'; ticketId: string; serviceId: string; number: string; counter: number; day: string; priorityGroup: PriorityGroup | null; promise?: WaitPromise | null; appointment?: AppointmentRef & { late: boolean }; language?: SlipLanguage })
  | (EventBase & { type: 'ticket.called'; ticketId: string; deskId: string; serviceId: string; number: string; priorityGroup: PriorityGroup | null; waitedSeconds: number; how: 'next' | 'specific' | 'call_back' })
  | (EventBase & { type: 'ticket.recalled'; ticketId: string; deskId: string; recalls: number })
  | (EventBase & { type: 'ticket.no_show'; ticketId: string; deskId: string })
  | (EventBase & { type: 'ticket.reinstated'; ticketId: string; rank: number })
  | (EventBase & { type: 'ticket.started'; ticketId: string; deskId: string })
  | (EventBase & { type: 'ticket.parked'; ticketId: string; deskId: string })
  | (EventBase & { type: 'ticket.finished'; ticketId: string; deskId: string; outcome: FinishOutcome; note: string | null; serviceSeconds: number })
  | (EventBase & { type: 'ticket.transferred'; ticketId: string; fromDeskId: string; fromServiceId: string; serviceId: string; targetDeskId: string | null; rank: number; servedSeconds: number })
  | (EventBase & { type: 'ticket.cancelled'; ticketId: string; deskId: string | null; reason: 'staff' | 'day_closed' })
  | (EventBase & { type: 'desk.opened'; deskId: string; staffId: string; takenOverFrom?: string })
  | (EventBase & { type: 'desk.closed'; deskId: string })
  | (EventBase & { type: 'desk.paused'; deskId: string; reason: PauseReason; note: string | null })
  | (EventBase & { type: 'desk.resumed'; deskId: string });

export type QueueEventType = QueueEvent['type'];
export type EventOf<T extends QueueEventType> = Extract<QueueEvent, { type: T }>;
