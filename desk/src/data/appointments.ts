// Booking a visit on a caller's behalf (POST /appointments as staff: no public rate limit): the days
// and times on offer, the hold that sends the caller a one-time code, and its confirmation with the
// code the caller reads back over the telephone.
import { send } from '../../../ui/http/api.js';

export interface BookableDay {
  date: string;
  jalali: string;
  free: number;
}

export interface FreeSlot {
  start: number;
  end: number;
  free: number;
}

export interface Booking {
  code: string;
  serviceId: string;
  start: number;
}

export const bookableDays = (token: string, serviceId: string) => send<BookableDay[]>('GET', `/appointments/days?serviceId=${encodeURIComponent(serviceId)}`, { token });

export const freeSlots = (token: string, serviceId: string, date: string) =>
  send<FreeSlot[]>('GET', `/appointments/slots?serviceId=${encodeURIComponent(serviceId)}&date=${encodeURIComponent(date)}`, { token });

export const holdSlot = (token: string, serviceId: string, start: number, mobile: string) =>
  send<{ holdId: string; expiresAt: number }>('POST', '/appointments', { token, body: { serviceId, start, mobile } });

export const confirmHold = (token: string, holdId: string, code: string) => send<Booking>('POST', `/appointments/${encodeURIComponent(holdId)}/confirm`, { token, body: { code } });
