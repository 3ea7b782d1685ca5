import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { t, type Lang } from '../i18n.js';
import type { PauseReason } from '../state.js';
import { deskStyles } from './desk.styles.js';
import { dialogStyles } from './dialog.styles.js';

export const PAUSE_REASONS: PauseReason[] = ['break', 'prayer', 'meeting', 'back_office', 'other'];

/**
 * Pausing the desk, with a reason (and a note); a paused desk gets no calls.
 * @event nb-action - pause, with the reason.
 * @event nb-close-dialog - Closed without pausing.
 */
@customElement('nb-pause-dialog')
export class NbPauseDialog extends LitElement {
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [deskStyles, dialogStyles];

  override firstUpdated() {
    this.renderRoot.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
  }

  override render() {
    const lang = this.language;
    return html`<div class="backdrop">
      <form role="dialog" aria-modal="true" aria-labelledby="pause-title" @submit=${this.submit}>
        <h2 id="pause-title">${t(lang, 'pauseTitle')}</h2>
        <fieldset>
          <legend>${t(lang, 'pauseTitle')}</legend>
          ${PAUSE_REASONS.map((r) => html`<label class="choice"><input type="radio" name="reason" value=${r} ?checked=${r === 'break'} />${t(lang, r)}</label>`)}
        </fieldset>
        <textarea name="note" rows="2" maxlength="500" aria-label=${t(lang, 'note')} placeholder=${t(lang, 'note')}></textarea>
        <div class="buttons">
          <button type="button" class="secondary" @click=${() => emit(this, 'nb-close-dialog', {})}>${t(lang, 'close')}</button>
          <button type="submit" class="primary" data-action="confirm-pause">${t(lang, 'pause')}</button>
        </div>
      </form>
    </div>`;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    emit(this, 'nb-action', { action: { kind: 'pause', reason: String(data.get('reason') ?? 'break') as PauseReason, note: String(data.get('note') ?? '').trim() } });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-pause-dialog': NbPauseDialog;
  }
}
