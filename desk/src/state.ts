// The desk's one immutable state object: the shell replaces it on every change and passes it down.
import type { DeskView } from '../../server/office/desk-view.js';
import type { FinishOutcome, PauseReason, Position } from '../../server/queue/types.js';
import type { Lang } from './i18n.js';
import type { OfficeDirectory, Session } from './data/session.js';

export type { DeskView, FinishOutcome, PauseReason, Position };

export type QueuedTicket = DeskView['waiting'][number];
export type CurrentTicket = NonNullable<DeskView['current']>;

/** A service's name, for the queue summary and transfers (from GET /api/v1/services). */
export interface ServiceInfo {
  id: string;
  name: string;
  nameEn: string;
  open: boolean;
}

/** Another desk, as a transfer target (from GET /api/v1/desks). */
export interface DeskInfo {
  id: string;
  name: string;
  number: number;
  open: boolean;
  paused: boolean;
}

/** What the clerk can ask of the server; the shell turns each into one HTTP command. */
export type DeskAction =
  | { kind: 'next' }
  | { kind: 'call'; ticketId: string }
  | { kind: 'recall' }
  | { kind: 'no-show' }
  | { kind: 'start' }
  | { kind: 'park' }
  | { kind: 'finish'; outcome: FinishOutcome; note: string }
  | { kind: 'transfer'; to: { serviceId: string } | { deskId: string }; position: Position }
  | { kind: 'reinstate'; ticketId: string }
  | { kind: 'cancel'; ticketId: string }
  | { kind: 'pause'; reason: PauseReason; note: string }
  | { kind: 'resume' };

export type Dialog =
  | { kind: 'finish' }
  | { kind: 'transfer' }
  | { kind: 'pause' }
  | { kind: 'account' }
  | { kind: 'booking' }
  | { kind: 'confirm'; action: Extract<DeskAction, { kind: 'no-show' } | { kind: 'cancel' }>; number: string };

export interface DeskState {
  lang: Lang;
  office: OfficeDirectory | null;
  session: Session | null;
  /** Shown on the sign-in screen: why the clerk is there again, or why signing in failed (`deskTaken`: another clerk holds the desk). */
  notice: { text: string; error: boolean; deskTaken?: boolean } | null;
  signingIn: boolean;
  view: DeskView | null;
  /** The server's clock minus this browser's, from the latest view: timers count in server time. */
  clockOffsetMs: number;
  services: ServiceInfo[];
  desks: DeskInfo[];
  /** False while the live connection is down: the screen says so and keeps what it last knew. */
  connected: boolean;
  /** The action in flight: every action button is disabled until it is answered. */
  pending: DeskAction['kind'] | null;
  retrying: boolean;
  /** The server's refusal (in Persian) or why the action could not be sent. */
  error: string | null;
  /** The outcome of the last action when there is nothing else to see (nobody to call). */
  info: string | null;
  /** A printer fault or similar, raised by the server for staff. */
  alert: string | null;
  dialog: Dialog | null;
  /** The account dialog's last outcome (a refusal or a confirmation) and whether it is waiting. */
  account: { busy: boolean; outcome: { text: string; error: boolean } | null };
}

/** A service's name in the reader's language. */
export function serviceName(services: ServiceInfo[], serviceId: string, lang: Lang): string {
  const service = services.find((s) => s.id === serviceId);
  if (!service) return serviceId;
  return lang === 'en' && service.nameEn ? service.nameEn : service.name;
}

/** What the clerk may do now; buttons and keyboard shortcuts both read it. */
export interface Availability {
  /** Call next, or call a ticket from the lists. */
  call: boolean;
  recall: boolean;
  noShow: boolean;
  start: boolean;
  park: boolean;
  finish: boolean;
  transfer: boolean;
  /** Cancel or reinstate from the lists, pause and resume. */
  other: boolean;
  /** Milliseconds until a no-show may be marked, once recalled; 0 when it may. */
  graceLeftMs: number;
  /** What a called ticket still needs before a no-show (the server's rule): a recall, then the grace time. */
  noShowNeeds: 'recall' | 'grace' | null;
}

export function availability(view: DeskView | null, pending: boolean, serverNow: number): Availability {
  const current = view?.current ?? null;
  const free = view !== null && !pending;
  const called = free && current?.status === 'called';
  const held = free && (current?.status === 'called' || current?.status === 'serving');
  const graceMs = (view?.noShowGraceSeconds ?? 0) * 1000;
  // Clamped to the grace time: this browser's clock ticks in whole seconds behind the server's.
  const graceLeftMs = current && current.recalls > 0 ? Math.min(graceMs, Math.max(0, (current.lastCalledAt ?? 0) + graceMs - serverNow)) : 0;
  const noShowNeeds = current?.status !== 'called' ? null : current.recalls === 0 ? 'recall' : graceLeftMs > 0 ? 'grace' : null;
  return {
    // Calling while serving finishes that visit first (the server does it); a called ticket must be settled.
    call: free && !view.desk.pause && current?.status !== 'called',
    recall: called,
    noShow: called && (current?.recalls ?? 0) > 0 && graceLeftMs === 0,
    start: called,
    park: held,
    finish: held,
    transfer: held,
    other: free,
    graceLeftMs,
    noShowNeeds,
  };
}
