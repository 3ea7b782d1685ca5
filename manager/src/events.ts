// The manager screen's DOM events: named nb-*, bubbling and composed so they cross shadow roots to the shell.
import { eventEmitter } from '../../ui/events.js';
import type { Lang } from './i18n.js';
import type { DayRange, Tab } from './state.js';

export interface ManagerEvents {
  'nb-sign-in': { username: string; password: string };
  'nb-set-tab': { tab: Tab };
  'nb-set-lang': { lang: Lang };
  'nb-acknowledge': { alertId: number; comment: string };
  'nb-set-range': { range: DayRange };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nb-set-tab': CustomEvent<ManagerEvents['nb-set-tab']>;
    'nb-acknowledge': CustomEvent<ManagerEvents['nb-acknowledge']>;
    'nb-set-range': CustomEvent<ManagerEvents['nb-set-range']>;
  }
}

/** Fires one of the manager screen's events from `from`. */
export const emit = eventEmitter<ManagerEvents>();
