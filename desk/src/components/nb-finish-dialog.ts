import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { numberText } from '../format.js';
import { t, type Lang } from '../i18n.js';
import type { FinishOutcome } from '../state.js';
import { deskStyles } from './desk.styles.js';
import { dialogStyles } from './dialog.styles.js';

const OUTCOMES: FinishOutcome[] = ['done', 'referred', 'incomplete_documents'];

/**
 * Finishing a visit: its outcome (done by default, so Enter finishes at once) and a short note.
 * @event nb-action - finish, with the outcome and note.
 * @event nb-close-dialog - Closed without finishing.
 */
@customElement('nb-finish-dialog')
export class NbFinishDialog extends LitElement {
  /** The number of the ticket being finished. */
  @property() number = '';
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [deskStyles, dialogStyles];

  override firstUpdated() {
    this.renderRoot.querySelector<HTMLInputElement>('input[value="done"]')?.focus();
  }

  override render() {
    const lang = this.language;
    return html`<div class="backdrop">
      <form role="dialog" aria-modal="true" aria-labelledby="finish-title" @submit=${this.submit}>
        <h2 id="finish-title">${t(lang, 'finish')} — ${numberText(this.number, lang)}</h2>
        <fieldset>
          <legend>${t(lang, 'outcome')}</legend>
          ${OUTCOMES.map((o) => html`<label class="choice"><input type="radio" name="outcome" value=${o} ?checked=${o === 'done'} />${t(lang, o)}</label>`)}
        </fieldset>
        <textarea name="note" rows="2" maxlength="500" aria-label=${t(lang, 'note')} placeholder=${t(lang, 'note')}></textarea>
        <div class="buttons">
          <button type="button" class="secondary" @click=${() => emit(this, 'nb-close-dialog', {})}>${t(lang, 'close')}</button>
          <button type="submit" class="primary" data-action="confirm-finish">${t(lang, 'finish')}</button>
        </div>
      </form>
    </div>`;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const outcome = String(data.get('outcome') ?? 'done') as FinishOutcome;
    emit(this, 'nb-action', { action: { kind: 'finish', outcome, note: String(data.get('note') ?? '').trim() } });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-finish-dialog': NbFinishDialog;
  }
}
