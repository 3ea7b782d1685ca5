// The kiosk's device token: outside the demo office a kiosk is paired once with a one-time code from
// `nobat device add --kind kiosk`, and keeps the token it gets in this browser's storage.
import { storedDeviceToken } from '../../../ui/device-token.js';

const STORAGE_KEY = 'nobat.kiosk.token';

/** A token given in the address (set up by hand) is kept and then taken out of the address bar. */
export function deviceToken(): string | null {
  return storedDeviceToken(STORAGE_KEY, 'token');
}

export function authHeaders(): Record<string, string> {
  const token = deviceToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Exchanges a pairing code for a kiosk token; the server's Persian message on refusal. */
export async function pairKiosk(code: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const response = await fetch('/api/v1/auth/pair', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const body = (await response.json().catch(() => null)) as { token?: string; kind?: string; error?: { message: string } } | null;
  if (!response.ok || !body?.token) return { ok: false, message: body?.error?.message ?? `HTTP ${response.status}` };
  if (body.kind !== 'kiosk') return { ok: false, message: 'این کد برای کیوسک نیست.' };
  localStorage.setItem(STORAGE_KEY, body.token);
  return { ok: true };
}
