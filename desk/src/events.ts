// The desk's DOM events: named nb-*, bubbling and composed so they cross shadow roots to the shell.
import { eventEmitter } from '../../ui/events.js';
import type { Lang } from './i18n.js';
import type { DeskAction, Dialog } from './state.js';

export interface DeskEvents {
  'nb-sign-in': { username: string; password: string; deskId: string; takeOver: boolean };
  'nb-sign-out': Record<string, never>;
  /** Do this now (after any confirmation the shell asks for). */
  'nb-action': { action: DeskAction; confirmed?: boolean };
  'nb-open-dialog': { dialog: Dialog };
  'nb-close-dialog': Record<string, never>;
  'nb-set-lang': { lang: Lang };
  'nb-change-password': { currentPassword: string; newPassword: string };
  'nb-sign-out-everywhere': Record<string, never>;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nb-sign-in': CustomEvent<DeskEvents['nb-sign-in']>;
    'nb-sign-out': CustomEvent<DeskEvents['nb-sign-out']>;
    'nb-action': CustomEvent<DeskEvents['nb-action']>;
    'nb-open-dialog': CustomEvent<DeskEvents['nb-open-dialog']>;
    'nb-close-dialog': CustomEvent<DeskEvents['nb-close-dialog']>;
    'nb-set-lang': CustomEvent<DeskEvents['nb-set-lang']>;
    'nb-change-password': CustomEvent<DeskEvents['nb-change-password']>;
    'nb-sign-out-everywhere': CustomEvent<DeskEvents['nb-sign-out-everywhere']>;
  }
}

/** Fires one of the desk screen's events from `from`. */
export const emit = eventEmitter<DeskEvents>();
