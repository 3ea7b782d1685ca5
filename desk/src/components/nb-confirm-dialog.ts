import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { t, type Lang } from '../i18n.js';
import type { DeskAction } from '../state.js';
import { staffStyles } from '../../../ui/styles/staff.styles.js';
import { dialogStyles } from '../../../ui/styles/dialog.styles.js';
import { closeOnCancel, keepTabInside, showModal } from './modal.js';

/**
 * Asks before an action that cannot simply be taken back (a no-show, a cancellation). The safe
 * choice has the focus, so a stray Enter does nothing harmful.
 * @event nb-action - The action, confirmed.
 * @event nb-close-dialog - Not confirmed.
 */
@customElement('nb-confirm-dialog')
export class NbConfirmDialog extends LitElement {
  /** The action to confirm. */
  @property({ attribute: false }) action!: DeskAction;
  /** The question, in the reader's language. */
  @property() message = '';
  /** The confirming button's text. */
  @property() confirmLabel = '';
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    staffStyles,
    dialogStyles,
    css`
      p {
        margin: 0;
        font-size: 1.15rem;
        line-height: 1.8;
      }
    `,
  ];

  override firstUpdated() {
    showModal(this, 'button[data-action="close"]');
  }

  override render() {
    return html`<dialog role="alertdialog" aria-describedby="confirm-text" @cancel=${closeOnCancel(this)} @keydown=${keepTabInside}>
      <form @submit=${this.submit}>
        <p id="confirm-text">${this.message}</p>
        <div class="buttons">
          <button type="button" class="secondary" data-action="close" @click=${() => emit(this, 'nb-close-dialog', {})}>${t(this.language, 'close')}</button>
          <button type="submit" class="danger" data-action="confirm">${this.confirmLabel}</button>
        </div>
      </form>
    </dialog>`;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    emit(this, 'nb-action', { action: this.action, confirmed: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-confirm-dialog': NbConfirmDialog;
  }
}
