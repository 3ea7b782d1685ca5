// Signing managers and admins in and out. Staff accounts are refused here: the server asks them for a
// desk (`desk_required`), which on this screen means "this page is not for you". The session lives in
// sessionStorage (this tab only; a reload keeps it).
import { Refused, send } from '../../../ui/http/api.js';
import { endSession, sessionSlot } from '../../../ui/http/session-slot.js';

export interface Session {
  token: string;
  user: { id: string; name: string; role: 'staff' | 'manager' | 'admin' };
}

/** Staff tried to sign in here. */
export class StaffRefused extends Error {}

const slot = sessionSlot<Session>('nobat.manager.session');

export async function signIn(username: string, password: string): Promise<Session> {
  let answer: { token: string; user: Session['user'] };
  try {
    answer = await send('POST', '/auth/login', { body: { username, password } });
  } catch (error) {
    if (error instanceof Refused && error.code === 'desk_required') throw new StaffRefused();
    throw error;
  }
  const session: Session = { token: answer.token, user: answer.user };
  if (session.user.role === 'staff') {
    await signOut(session);
    throw new StaffRefused();
  }
  slot.save(session);
  return session;
}

export async function signOut(session: Session): Promise<void> {
  await endSession('/auth/logout', session.token);
  slot.forget();
}

export function forgetSession(): void {
  slot.forget();
}

export function storedSession(): Session | null {
  return slot.load();
}
