// The booking page's DOM events: named nb-*, bubbling and composed so they cross shadow roots to the shell.
import { eventEmitter } from '../../ui/events.js';
import type { FreeSlot } from './data/appointments.js';

export interface BookEvents {
  'nb-pick-service': { serviceId: string };
  'nb-pick-day': { date: string };
  'nb-pick-slot': { slot: FreeSlot };
  /** `mobile` as 09xxxxxxxxx. */
  'nb-send-mobile': { mobile: string };
  'nb-confirm-code': { code: string };
  'nb-find-booking': { code: string };
  'nb-cancel-booking': { code: string };
  'nb-reschedule': { code: string; serviceId: string };
  'nb-back': Record<string, never>;
  'nb-start-over': Record<string, never>;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nb-pick-service': CustomEvent<BookEvents['nb-pick-service']>;
    'nb-pick-day': CustomEvent<BookEvents['nb-pick-day']>;
    'nb-pick-slot': CustomEvent<BookEvents['nb-pick-slot']>;
    'nb-send-mobile': CustomEvent<BookEvents['nb-send-mobile']>;
    'nb-confirm-code': CustomEvent<BookEvents['nb-confirm-code']>;
    'nb-find-booking': CustomEvent<BookEvents['nb-find-booking']>;
    'nb-cancel-booking': CustomEvent<BookEvents['nb-cancel-booking']>;
    'nb-reschedule': CustomEvent<BookEvents['nb-reschedule']>;
    'nb-back': CustomEvent<BookEvents['nb-back']>;
    'nb-start-over': CustomEvent<BookEvents['nb-start-over']>;
  }
}

/** Fires one of the book screen's events from `from`. */
export const emit = eventEmitter<BookEvents>();
