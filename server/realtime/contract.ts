// The Socket.IO contract between the server and the screens. Type-only: the screens import it too
// (with the directions reversed). Every message carries the event log's `seq`, so a client knows
// whether it has missed anything; on every (re)connection it gets a fresh snapshot first.
import type { QueueEvent } from '../queue/types.js';
import type { DeskView, PublicTicketView, ServiceView } from '../office/read-model.js';
import type { PublicOffice } from '../config/public.js';

export type { PublicOffice };

/** A call or recall as the waiting room sees it: numbers and desks only, nothing personal. */
export interface PublicCall {
  seq: number;
  number: string;
  serviceId: string;
  deskId: string;
  deskNumber: number;
  recall: boolean;
  at: number;
  /**
   * Set when the call is to a manager's public meeting rather than a desk: the number is the
   * meeting line's own (M01), `deskNumber` is 0 and `place` says where to go.
   */
  meeting?: { place: string };
}

export type { DeskView };

/** One desk's view with the event log's position it reflects. */
export type DeskSnapshot = DeskView & { seq: number };

export interface BoardSnapshot {
  seq: number;
  office: { name: string; nameEn?: string; timeZone: string };
  services: Array<Pick<ServiceView, 'id' | 'code' | 'name' | 'nameEn' | 'active' | 'open' | 'waiting' | 'desksOpen' | 'estimatedWaitSeconds' | 'estimatedWait' | 'waitNote' | 'opensAt'>>;
  calls: PublicCall[];
  announcements: string[];
  now: number;
}

/** What a manager's «امروز» tab shows live; waits grow with the clock, so it carries `now`. */
export interface ManagerSnapshot {
  seq: number;
  now: number;
  services: Array<
    Pick<ServiceView, 'id' | 'name' | 'nameEn' | 'open' | 'waiting' | 'desksOpen' | 'estimatedWaitSeconds' | 'estimatedWait' | 'waitNote' | 'opensAt' | 'targetWaitMinutes'> & {
      /** When the longest-waiting ticket of this line was issued, or null when nobody waits. */
      oldestIssuedAt: number | null;
    }
  >;
  desks: Array<{
    id: string;
    number: number;
    name: string;
    nameEn: string | null;
    open: boolean;
    pause: { reason: string; since: number } | null;
    staffName: string | null;
    current: { number: string; serviceId: string; status: string; since: number } | null;
  }>;
  today: {
    issued: number;
    served: number;
    noShows: number;
    /** Keypad ratings today, each scaled to 1..5 for the mean. */
    ratings: { count: number; mean: number | null; poor: number };
  };
}

export type AlertKind = 'wait' | 'ratings' | 'printer' | 'keypad' | 'device' | 'feedback' | 'sms';

/** One alert as managers see it: raised once per condition, kept until acknowledged with a comment. */
export interface AlertView {
  id: number;
  kind: AlertKind;
  /** What it is about (a service, desk, device or keypad id), for deduplication. */
  subject: string;
  message: string;
  messageEn: string;
  /** When it was raised. */
  at: number;
  /** When the condition last held. */
  lastSeenAt: number;
  /** When the condition went away by itself, or null while it holds. */
  clearedAt: number | null;
  acknowledged: { by: string; byName: string; at: number; comment: string } | null;
}

export interface ServerToClientEvents {
  /** Waiting-room and kiosk view; sent on connection and, coalesced, after changes. */
  'board:snapshot': (board: BoardSnapshot) => void;
  /** A call to announce now (chime and voice), not coalesced. */
  'call:announced': (call: PublicCall) => void;
  /** One desk's whole view; to the staff at that desk. */
  'desk:snapshot': (view: DeskSnapshot) => void;
  /** Every committed event, for staff and managers (notes removed). */
  'queue:event': (message: { seq: number; event: QueueEvent }) => void;
  /** One ticket's view, to whoever tracks it by its id. */
  'ticket:snapshot': (view: PublicTicketView & { seq: number }) => void;
  /** Whether the ticket a kiosk just issued was printed; on a fault the kiosk keeps it on screen. */
  'print:result': (message: { ticketId: string; ok: boolean; fault?: string; message?: string }) => void;
  /** Something to see now, in Persian: printer faults to staff and managers, every kind to managers. */
  'alert:raised': (alert: AlertView) => void;
  /** An alert's condition went away (it stays listed until acknowledged). */
  'alert:cleared': (alert: AlertView) => void;
  /** A manager acknowledged an alert with a comment. */
  'alert:acknowledged': (alert: AlertView) => void;
  /** Every unacknowledged alert and those acknowledged in the last day; sent to managers on connection. */
  'alerts:snapshot': (message: { alerts: AlertView[] }) => void;
  /**
   * A citizen's feedback was filed, assigned, answered or closed: to managers only (never to a desk,
   * as a complaint may be about its clerk), and with nothing of its content; the inbox reads it again.
   */
  'feedback:changed': (message: { feedbackId: string; change: 'received' | 'assigned' | 'answered' | 'closed' }) => void;
  /** A citizen registered at the kiosk for a public meeting: to managers, whose meeting screen reads its line again. */
  'meeting:registered': (message: { meetingId: string }) => void;
  /** The office live, to managers: on connection, after changes, and as waits grow. */
  'manager:snapshot': (snapshot: ManagerSnapshot) => void;
  /**
   * An admin changed the configuration: the office's public texts and settings. Screens re-read the
   * services (names, guidance, which are open) and re-render without reloading; fresh snapshots follow.
   */
  'config:changed': (office: PublicOffice & { revision: number }) => void;
  /** Something the server could not do for this socket, in Persian. */
  'error:refused': (error: { code: string; message: string }) => void;
}

export interface ClientToServerEvents {
  /** Follow one ticket (the phone tracking page); the id is the only credential. */
  'ticket:track': (message: { ticketId: string }) => void;
}

/** What a socket sends in its handshake `auth`. */
export interface HandshakeAuth {
  token?: string;
  /** The last `seq` this client saw, when it reconnects. */
  lastSeq?: number;
  /** Set by the tracking page instead of a token. */
  ticketId?: string;
  /** Which screen a demo device on the server's own machine is (no token needed in the demo office). */
  screen?: 'kiosk' | 'display';
}

export interface SocketData {
  /** 'manager' stands for managers and admins. */
  role: 'staff' | 'manager' | 'display' | 'kiosk' | 'tracker';
  deskId: string | null;
  /** `session:<digest>` or `device:<id>`: what ends this socket when it is signed out or revoked. */
  credential: string | null;
  sessionExpiresAt?: number | undefined;
  /** A paired kiosk's or display's device id, followed for the offline alert. */
  deviceId: string | null;
}
