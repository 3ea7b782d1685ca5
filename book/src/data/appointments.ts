// The appointment routes as the booking page uses them (../shared/api.md, "Appointments and messages"):
// the bookable days and free times of a service, a hold with a one-time code sent by SMS, its
// confirmation, and a booking read, cancelled or replaced by its code.
import { request } from './request.js';

/** A bookable day ahead: a Gregorian ISO date and how many visits can still be booked on it. */
export interface BookableDay {
  date: string;
  free: number;
}

/** A time on a day (epoch ms) and how many visits can still be booked at it. */
export interface FreeSlot {
  start: number;
  end: number;
  free: number;
}

/** A slot held while the visitor types the code sent to their mobile. */
export interface Hold {
  holdId: string;
  expiresAt: number;
}

/** A confirmed booking, as the holder of its code may read it: nothing personal. */
export interface Booking {
  id: string;
  /** The booking code: ten digits. */
  code: string;
  serviceId: string;
  start: number;
  end: number;
  status: 'booked' | 'cancelled' | 'checked_in';
}

export interface ServiceName {
  id: string;
  name: string;
  nameEn: string | null;
}

export const bookableDays = (serviceId: string) => request<BookableDay[]>('GET', `/appointments/days?serviceId=${encodeURIComponent(serviceId)}`);

export const freeSlots = (serviceId: string, date: string) =>
  request<FreeSlot[]>('GET', `/appointments/slots?serviceId=${encodeURIComponent(serviceId)}&date=${encodeURIComponent(date)}`);

/** Holds the slot and has the server send a one-time code to `mobile` (09xxxxxxxxx). */
export const holdSlot = (serviceId: string, start: number, mobile: string, token?: string) => request<Hold>('POST', '/appointments', { serviceId, start, mobile }, token);

export const confirmHold = (holdId: string, code: string) => request<Booking>('POST', `/appointments/${encodeURIComponent(holdId)}/confirm`, { code });

export const readBooking = (code: string) => request<Booking>('GET', `/appointments/${encodeURIComponent(code)}`);

export const cancelBooking = (code: string) => request<Booking>('POST', `/appointments/${encodeURIComponent(code)}/cancel`, {});

/** Moves the booking to another free time of its service. */
export const rescheduleBooking = (code: string, start: number) => request<Booking>('POST', `/appointments/${encodeURIComponent(code)}/reschedule`, { start });

export const serviceNames = () => request<ServiceName[]>('GET', '/services');

export const officeName = () => request<{ name: string; nameEn: string | null; timeZone: string }>('GET', '/office');
