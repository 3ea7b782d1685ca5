// Checking a booking in at the kiosk: the booking code becomes a ticket in its service's line, called
// at the booked time (POST /appointments/:code/check-in). The server says in Persian why it refuses:
// an unknown or used code, too early, or past the time it could still be kept.
import { authHeaders } from './device.js';
import { TicketRefused, type IssuedTicket } from './tickets.js';

export async function checkIn(code: string, language: 'fa' | 'en'): Promise<IssuedTicket> {
  const response = await fetch(`/api/v1/appointments/${encodeURIComponent(code)}/check-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...authHeaders() },
    body: JSON.stringify({ language }),
  });
  const body = (await response.json().catch(() => null)) as (IssuedTicket & { error?: { code: string; message: string } }) | null;
  if (response.status === 201 && body) return body;
  throw new TicketRefused(body?.error?.code ?? 'refused', body?.error?.message ?? `HTTP ${response.status}`);
}
