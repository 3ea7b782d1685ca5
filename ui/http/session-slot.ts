// Where a signed-in screen (desk, manager) keeps its session: sessionStorage, so this tab only and a
// reload keeps it; and ending a session on the server, where one it has already ended counts as ended.
import { SessionExpired, send } from './api.js';

export interface SessionSlot<T> {
  save(session: T): void;
  load(): T | null;
  forget(): void;
}

export function sessionSlot<T>(key: string): SessionSlot<T> {
  return {
    save: (session) => sessionStorage.setItem(key, JSON.stringify(session)),
    load() {
      const text = sessionStorage.getItem(key);
      if (!text) return null;
      try {
        return JSON.parse(text) as T;
      } catch {
        return null;
      }
    },
    forget: () => sessionStorage.removeItem(key),
  };
}

/** Signs this session out (`/auth/logout`) or every session of its user (`/auth/logout-all`). */
export async function endSession(path: '/auth/logout' | '/auth/logout-all', token: string): Promise<void> {
  try {
    await send('POST', path, { token });
  } catch (error) {
    if (!(error instanceof SessionExpired)) throw error;
  }
}
