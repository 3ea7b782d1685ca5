import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { emit } from '../events.js';
import { t, type Lang } from '../i18n.js';
import { staffStyles } from '../../../ui/styles/staff.styles.js';
import { dialogStyles } from '../../../ui/styles/dialog.styles.js';
import { closeOnCancel, keepTabInside, showModal } from './modal.js';

const MIN_PASSWORD = 8;

/**
 * The clerk's own account: change the password (the server ends the clerk's other sessions), or
 * sign out on every device at once.
 * @event nb-change-password - The current and the new password, checked for length and repetition.
 * @event nb-sign-out-everywhere - End every session of this clerk.
 * @event nb-close-dialog - Closed.
 */
@customElement('nb-account-dialog')
export class NbAccountDialog extends LitElement {
  /** The clerk's name, for the title. */
  @property() name = '';
  /** The outcome of the last request: the server's refusal or a confirmation. */
  @property({ attribute: false }) outcome: { text: string; error: boolean } | null = null;
  /** A request is in flight. */
  @property({ type: Boolean }) busy = false;
  /** The reader's language. */
  @property() language: Lang = 'fa';

  /** What the form itself found wrong before sending. */
  @state() private problem: string | null = null;

  static override styles = [
    staffStyles,
    dialogStyles,
    css`
      fieldset {
        display: grid;
      }
      label {
        display: grid;
        gap: 0.25rem;
      }
      input {
        font: inherit;
        font-size: 1.05rem;
        border: 2px solid var(--nb-line);
        border-radius: 10px;
        padding: 0.5rem 0.75rem;
        min-block-size: 48px;
      }
      .outcome {
        margin: 0;
        font-weight: 700;
      }
      .outcome.error {
        color: var(--nb-danger);
      }
      .everywhere {
        border-block-start: 1px solid var(--nb-line);
        padding-block-start: 1rem;
        display: grid;
        gap: 0.5rem;
      }
      .everywhere p {
        margin: 0;
      }
    `,
  ];

  override firstUpdated() {
    showModal(this, 'input[name="current"]');
  }

  override render() {
    const lang = this.language;
    const message = this.problem ? { text: this.problem, error: true } : this.outcome;
    return html`<dialog aria-labelledby="account-title" @cancel=${closeOnCancel(this)} @keydown=${keepTabInside}>
      <form @submit=${this.submit}>
        <h2 id="account-title">${t(lang, 'accountTitle', { name: this.name })}</h2>
        <fieldset>
          <legend>${t(lang, 'changePassword')}</legend>
          <label>${t(lang, 'currentPassword')}<input name="current" type="password" autocomplete="current-password" required /></label>
          <label>${t(lang, 'newPassword')}<input name="next" type="password" autocomplete="new-password" required /></label>
          <label>${t(lang, 'repeatPassword')}<input name="repeat" type="password" autocomplete="new-password" required /></label>
        </fieldset>
        <p class="outcome ${message?.error ? 'error' : ''}" role=${message?.error ? 'alert' : 'status'}>${message?.text ?? ''}</p>
        <div class="buttons">
          <button type="button" class="secondary" data-action="close" @click=${() => emit(this, 'nb-close-dialog', {})}>${t(lang, 'close')}</button>
          <button type="submit" class="primary" data-action="change-password" ?disabled=${this.busy}>${t(lang, 'changePassword')}</button>
        </div>
        <div class="everywhere">
          <p>${t(lang, 'signOutEverywhereHint')}</p>
          <button type="button" class="danger" data-action="sign-out-everywhere" ?disabled=${this.busy} @click=${() => emit(this, 'nb-sign-out-everywhere', {})}>
            ${t(lang, 'signOutEverywhere')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const [currentPassword, newPassword, repeat] = ['current', 'next', 'repeat'].map((name) => String(data.get(name) ?? ''));
    if ((newPassword ?? '').length < MIN_PASSWORD) this.problem = t(this.language, 'passwordTooShort');
    else if (newPassword !== repeat) this.problem = t(this.language, 'passwordsDiffer');
    else this.problem = null;
    if (this.problem) return;
    emit(this, 'nb-change-password', { currentPassword: currentPassword ?? '', newPassword: newPassword ?? '' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-account-dialog': NbAccountDialog;
  }
}
