import { customElement } from 'lit/decorators.js';
import { t, type Lang } from '../i18n.js';
import type { DeskAction, PauseReason } from '../state.js';
import { ChoiceDialog } from './choice-dialog.js';

export const PAUSE_REASONS: PauseReason[] = ['break', 'prayer', 'meeting', 'back_office', 'other'];

/**
 * Pausing the desk, with a reason (a break by default) and a note; a paused desk gets no calls.
 * @event nb-action - pause, with the reason.
 * @event nb-close-dialog - Closed without pausing.
 */
@customElement('nb-pause-dialog')
export class NbPauseDialog extends ChoiceDialog<PauseReason> {
  protected readonly field = 'reason';
  protected readonly choices = PAUSE_REASONS;
  protected readonly confirm = { label: 'pause', action: 'confirm-pause' } as const;

  protected heading(lang: Lang): string {
    return t(lang, 'pauseTitle');
  }

  protected legend(lang: Lang): string {
    return t(lang, 'pauseTitle');
  }

  protected action(reason: PauseReason, note: string): DeskAction {
    return { kind: 'pause', reason, note };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-pause-dialog': NbPauseDialog;
  }
}
