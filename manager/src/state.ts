// The manager screen's one immutable state object: the shell replaces it on every change and passes
// it down. The live parts are the server's own shapes (server/realtime/contract.ts).
import type { AlertView, ManagerSnapshot } from '../../server/realtime/contract.js';
import type { Lang } from './i18n.js';
import type { OfficeInfo } from './data/office.js';
import type { Session } from './data/session.js';
import type { DayRange } from '../../ui/dates.js';

export type { AlertView, ManagerSnapshot };

export type Tab = 'today' | 'history' | 'report' | 'inbox' | 'meetings' | 'config';

export type { DayRange };

export interface ManagerState {
  lang: Lang;
  office: OfficeInfo | null;
  session: Session | null;
  /** Shown on the sign-in screen: why the manager is there again, or why signing in failed. */
  notice: { text: string; error: boolean } | null;
  signingIn: boolean;
  tab: Tab;
  /** False while the live connection is down: the screen says so and keeps what it last knew. */
  connected: boolean;
  live: ManagerSnapshot | null;
  /** The server's clock minus this browser's, from the latest snapshot: waits count in server time. */
  clockOffsetMs: number;
  alerts: AlertView[];
  /** The alert whose acknowledgement is in flight. */
  acknowledging: number | null;
  /** A refusal or failure to show at the top. */
  error: string | null;
  /** The range the history and report tabs show; today by the server's clock until one is chosen. */
  range: DayRange | null;
  /** Counts the citizens' feedback filed or changed, and reconnections: the inbox reads again when it moves. */
  feedbackRevision: number;
  /** Counts registrations for public meetings, and reconnections: the meeting screen reads its line again when it moves. */
  meetingRevision: number;
}

export function isAdmin(session: Session | null): boolean {
  return session?.user.role === 'admin';
}
