// The booking page's one immutable state object: the shell replaces it on every change and passes
// its parts down. The step is where the visitor is in «service → day → time → mobile → code».
import type { Lang } from '../../server/time/persian.js';
import type { BookableDay, Booking, FreeSlot, Hold } from './data/appointments.js';

export interface BookableService {
  id: string;
  name: string;
  nameEn: string | null;
  days: BookableDay[];
}

export type Step =
  | { name: 'loading' }
  | { name: 'service' }
  | { name: 'day'; serviceId: string }
  | { name: 'slot'; serviceId: string; date: string; slots: FreeSlot[] | null }
  | { name: 'mobile'; serviceId: string; date: string; slot: FreeSlot }
  | { name: 'code'; serviceId: string; date: string; slot: FreeSlot; mobile: string; hold: Hold }
  | { name: 'booked'; booking: Booking }
  | { name: 'lookup' }
  | { name: 'view'; booking: Booking };

export interface BookState {
  lang: Lang;
  office: { name: string; nameEn: string | null; timeZone: string };
  services: BookableService[];
  step: Step;
  /** A request is under way: its button says so and the form waits. */
  busy: boolean;
  /** What went wrong last, in the reader's language; cleared by the next step. */
  error: string | null;
  /** A short word of success (a cancellation, a reschedule). */
  notice: string | null;
  /** While rescheduling: the code of the booking the new one replaces. */
  replacing: string | null;
}

/** A service's name in the reader's language. */
export function serviceName(service: { name: string; nameEn: string | null }, lang: Lang): string {
  return lang === 'en' && service.nameEn ? service.nameEn : service.name;
}
