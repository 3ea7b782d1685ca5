// What one desk's screen shows (GET /desks/:id, desk:snapshot, and the answer to each desk command).
import type { DeskState, Ticket } from '../queue/types.js';
import type { DeskDayCounts } from '../store/ticket-rows.js';

/** A ticket in one of the desk's lists: no name, no mobile number. */
export type DeskTicket = Pick<Ticket, 'id' | 'number' | 'serviceId' | 'priorityGroup' | 'issuedAt' | 'targetDeskId' | 'status'> & {
  /** A booked visitor's ticket, with its booked time, which the desk marks. */
  booked: { start: number } | null;
};

/** The ticket called or being served at the desk, with its calls. */
export type DeskCurrentTicket = DeskTicket & Pick<Ticket, 'calledAt' | 'lastCalledAt' | 'recalls' | 'startedAt'>;

export interface DeskView {
  desk: Pick<DeskState, 'id' | 'services' | 'open' | 'staffId' | 'pause'> & { number: number };
  current: DeskCurrentTicket | null;
  /** The desk's line, first called first. */
  waiting: DeskTicket[];
  /** Parked at this desk, or in one of its services. */
  parked: DeskTicket[];
  /** Today's no-shows of its services, which may be reinstated. */
  noShows: DeskTicket[];
  today: DeskDayCounts;
  /** So the desk can count down to when a recalled visitor may be marked a no-show. */
  noShowGraceSeconds: number;
  now: number;
  /** Minutes since midnight on the office's wall clock. */
  localMinutes: number;
}

/** What every desk command answers (besides the ticket or desk it acted on): the desk's new view. */
export interface DeskCommandAnswer {
  view: DeskView | null;
}
