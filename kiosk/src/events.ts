// The kiosk's DOM events: named nb-*, bubbling and composed so they cross shadow roots to the shell.
import { eventEmitter } from '../../ui/events.js';
import type { Lang } from './i18n.js';
import type { PriorityGroup } from './state.js';

export interface KioskEvents {
  'nb-select-service': { serviceId: string };
  'nb-take-ticket': { serviceId: string; priorityGroup: PriorityGroup | null };
  'nb-go-home': Record<string, never>;
  'nb-show-charter': Record<string, never>;
  'nb-set-lang': { lang: Lang };
  'nb-priority-change': { priorityGroup: PriorityGroup | null };
  'nb-stay': Record<string, never>;
  'nb-start-check-in': Record<string, never>;
  /** A booking code, ten Latin digits. */
  'nb-check-in': { code: string };
  'nb-open-voice': { form: 'feedback' | 'meeting' };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nb-select-service': CustomEvent<KioskEvents['nb-select-service']>;
    'nb-take-ticket': CustomEvent<KioskEvents['nb-take-ticket']>;
    'nb-go-home': CustomEvent<KioskEvents['nb-go-home']>;
    'nb-show-charter': CustomEvent<KioskEvents['nb-show-charter']>;
    'nb-set-lang': CustomEvent<KioskEvents['nb-set-lang']>;
    'nb-priority-change': CustomEvent<KioskEvents['nb-priority-change']>;
    'nb-stay': CustomEvent<KioskEvents['nb-stay']>;
    'nb-start-check-in': CustomEvent<KioskEvents['nb-start-check-in']>;
    'nb-check-in': CustomEvent<KioskEvents['nb-check-in']>;
    'nb-open-voice': CustomEvent<KioskEvents['nb-open-voice']>;
  }
}

/** Fires one of the kiosk screen's events from `from`. */
export const emit = eventEmitter<KioskEvents>();
