// Checking a booking in at the kiosk: the booking code becomes a ticket in its service's line, called
// at the booked time (POST /appointments/:code/check-in). The server says in Persian why it refuses:
// an unknown or cancelled code, or a booking for another day. Past the grace time the ticket is a
// walk-in's, and says so.
import { authHeaders } from './device.js';
import { TicketRefused, type IssuedTicket } from './tickets.js';

export async function checkIn(code: string, language: 'fa' | 'en'): Promise<IssuedTicket> {
  // The slip prints in the kiosk's language; the same code again gives back the same ticket.
  const response = await fetch(`/api/v1/appointments/${encodeURIComponent(code)}/check-in?language=${language}`, { method: 'POST', headers: authHeaders() });
  const body = (await response.json().catch(() => null)) as (IssuedTicket & { error?: { code: string; message: string } }) | null;
  if (response.status === 201 && body) return body;
  throw new TicketRefused(body?.error?.code ?? 'refused', body?.error?.message ?? `HTTP ${response.status}`);
}
