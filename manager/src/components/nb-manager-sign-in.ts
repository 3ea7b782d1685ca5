import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { t, type Lang } from '../i18n.js';
import { signInStyles } from '../../../ui/styles/sign-in.styles.js';
import { managerStyles } from './manager.styles.js';

/**
 * Signing a manager or an admin in: username and password, no desk.
 * @event nb-sign-in - The manager submitted the form.
 */
@customElement('nb-manager-sign-in')
export class NbManagerSignIn extends LitElement {
  /** Why the manager is here (session ended, signed out), or the refusal of the last try. */
  @property() message: string | null = null;
  /** Whether the last attempt failed (the message is then an error). */
  @property({ type: Boolean }) failed = false;
  /** A sign-in is in flight. */
  @property({ type: Boolean }) busy = false;
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [managerStyles, signInStyles];

  override render() {
    const lang = this.language;
    return html`
      <form class="panel" @submit=${this.submit}>
        <h2>${t(lang, 'signInTitle')}</h2>
        ${this.message ? html`<p class="message ${this.failed ? 'error' : ''}" role=${this.failed ? 'alert' : 'status'}>${this.message}</p>` : ''}
        <label>${t(lang, 'username')}<input name="username" autocomplete="username" required dir="ltr" /></label>
        <label>${t(lang, 'password')}<input name="password" type="password" autocomplete="current-password" required dir="ltr" /></label>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t(lang, this.busy ? 'signingIn' : 'signIn')}</button>
      </form>
    `;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const field = (name: string) => String(data.get(name) ?? '');
    emit(this, 'nb-sign-in', { username: field('username').trim(), password: field('password') });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-manager-sign-in': NbManagerSignIn;
  }
}
