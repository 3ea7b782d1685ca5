// Signing in at a desk and out again, and what the sign-in screen needs before any token: the
// office's desks. The session lives in sessionStorage (this tab only; a reload keeps it); the desk
// chosen last is remembered on this machine, since a clerk's PC usually stands at one desk.
import { send } from '../../../ui/http/api.js';
import { deskDeviceToken } from './device.js';
import { endSession, sessionSlot } from '../../../ui/http/session-slot.js';

export interface OfficeDirectory {
  name: string;
  nameEn: string | null;
  timeZone: string;
  desks: Array<{ id: string; name: string; nameEn: string | null; number: number }>;
  /** Set when this machine is paired as the PC of one desk: only that desk may be chosen. */
  boundDeskId: string | null;
}

export interface Session {
  token: string;
  deskId: string;
  user: { id: string; name: string; role: string };
}

const slot = sessionSlot<Session>('nobat.desk.session');
const DESK_KEY = 'nobat.desk.deskId';

// The desk PC's device token goes with the two requests made before any session: the office
// (which says which desk this machine is bound to) and the sign-in (which the server holds to it).
export function fetchOffice(): Promise<OfficeDirectory> {
  const device = deskDeviceToken();
  return send<OfficeDirectory>('GET', '/office', { giveUpAfterMs: 60_000, ...(device ? { deviceToken: device } : {}) });
}

/** Refused with `desk_taken` while another clerk holds the desk, unless `takeOver` ends their session. */
export async function signIn(username: string, password: string, deskId: string, takeOver: boolean): Promise<Session> {
  const device = deskDeviceToken();
  const body = { username, password, deskId, ...(takeOver ? { takeOver } : {}) };
  const answer = await send<{ token: string; user: Session['user'] }>('POST', '/auth/login', { body, ...(device ? { deviceToken: device } : {}) });
  const session: Session = { token: answer.token, deskId, user: answer.user };
  slot.save(session);
  localStorage.setItem(DESK_KEY, deskId);
  return session;
}

/** Closes the desk on the server; refused (Refused) while the desk still holds a ticket. */
export async function signOut(session: Session): Promise<void> {
  await endSession('/auth/logout', session.token);
  slot.forget();
}

/** Refused (Refused) with the server's Persian reason: a wrong current password, a lock-out. */
export async function changePassword(session: Session, currentPassword: string, newPassword: string): Promise<void> {
  await send('POST', '/auth/password', { token: session.token, body: { currentPassword, newPassword } });
}

/** Ends every session of this clerk, this one included. */
export async function signOutEverywhere(session: Session): Promise<void> {
  await endSession('/auth/logout-all', session.token);
  slot.forget();
}

export function forgetSession(): void {
  slot.forget();
}

export function storedSession(): Session | null {
  return slot.load();
}

export function rememberedDeskId(): string | null {
  return localStorage.getItem(DESK_KEY);
}
