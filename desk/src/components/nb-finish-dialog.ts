import { customElement, property } from 'lit/decorators.js';
import { ticketNumberText } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import type { DeskAction, FinishOutcome } from '../state.js';
import { ChoiceDialog } from './choice-dialog.js';

/**
 * Finishing a visit: its outcome (done by default, so Enter finishes at once) and a short note.
 * @event nb-action - finish, with the outcome and note.
 * @event nb-close-dialog - Closed without finishing.
 */
@customElement('nb-finish-dialog')
export class NbFinishDialog extends ChoiceDialog<FinishOutcome> {
  /** The number of the ticket being finished. */
  @property() number = '';

  protected readonly field = 'outcome';
  protected readonly choices: readonly FinishOutcome[] = ['done', 'referred', 'incomplete_documents'];
  protected readonly confirm = { label: 'finish', action: 'confirm-finish' } as const;

  protected heading(lang: Lang): string {
    return `${t(lang, 'finish')} — ${ticketNumberText(this.number, lang)}`;
  }

  protected legend(lang: Lang): string {
    return t(lang, 'outcome');
  }

  protected action(outcome: FinishOutcome, note: string): DeskAction {
    return { kind: 'finish', outcome, note };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-finish-dialog': NbFinishDialog;
  }
}
