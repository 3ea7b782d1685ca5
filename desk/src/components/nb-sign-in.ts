import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PropertyValues } from 'lit';
import { emit } from '../events.js';
import { localDigits } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import type { OfficeDirectory } from '../data/session.js';
import { staffStyles } from '../../../ui/styles/staff.styles.js';
import { signInStyles } from '../../../ui/styles/sign-in.styles.js';

/**
 * Signing in at a desk: username, password and the desk, which this machine remembers. The desk
 * list comes from the public GET /api/v1/office, so the clerk picks it before having a token.
 * @event nb-sign-in - The clerk submitted the form.
 */
@customElement('nb-sign-in')
export class NbSignIn extends LitElement {
  /** The office's desks; null while loading. */
  @property({ attribute: false }) office: OfficeDirectory | null = null;
  /** The desk chosen last on this machine. */
  @property() deskId: string | null = null;
  /** Why the clerk is here (session ended, signed out), or the refusal of the last try. */
  @property() message: string | null = null;
  /** Whether the last attempt failed (the message is then an error). */
  @property({ type: Boolean }) failed = false;
  /** The last attempt was refused because another clerk holds the desk: offer to take it over. */
  @property({ type: Boolean }) deskTaken = false;
  /** A sign-in is in flight. */
  @property({ type: Boolean }) busy = false;
  /** The reader's language. */
  @property() language: Lang = 'fa';

  /** Offered after a desk_taken refusal, until the clerk edits the form (another desk, another name). */
  @state() private offerTakeOver = false;

  static override styles = [
    staffStyles,
    signInStyles,
    css`
      input,
      select {
        font: inherit;
        font-size: 1.15rem;
        min-block-size: 48px;
        padding-inline: 0.75rem;
        border: 2px solid var(--nb-line);
        border-radius: 10px;
        background: var(--nb-surface);
        color: var(--nb-text);
      }
      input:focus-visible,
      select:focus-visible {
        outline: 3px solid #f0a500;
        outline-offset: 1px;
      }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('deskTaken')) this.offerTakeOver = this.deskTaken;
  }

  override render() {
    const lang = this.language;
    const bound = this.office?.boundDeskId ?? null;
    const desks = (this.office?.desks ?? []).filter((d) => bound === null || d.id === bound);
    const chosen = desks.some((d) => d.id === this.deskId) ? this.deskId : desks[0]?.id;
    return html`
      <form class="panel" @submit=${this.submit} @input=${() => (this.offerTakeOver = false)}>
        <h2>${t(lang, 'signInTitle')}</h2>
        ${this.message ? html`<p class="message ${this.failed ? 'error' : ''}" role=${this.failed ? 'alert' : 'status'}>${this.message}</p>` : ''}
        <label>${t(lang, 'username')}<input name="username" autocomplete="username" required dir="ltr" /></label>
        <label>${t(lang, 'password')}<input name="password" type="password" autocomplete="current-password" required dir="ltr" /></label>
        <label
          >${t(lang, 'desk')}
          <select name="deskId" required aria-label=${t(lang, 'chooseDesk')}>
            ${desks.map((d) => html`<option value=${d.id} ?selected=${d.id === chosen}>${lang === 'en' ? (d.nameEn ?? `Desk ${d.number}`) : d.name || t(lang, 'deskN', { n: localDigits(d.number, lang) })}</option>`)}
          </select>
        </label>
        ${this.offerTakeOver
          ? html`<button class="primary" type="submit" data-action="take-over" ?disabled=${this.busy}>${t(lang, 'takeOverDesk')}</button>`
          : html`<button class="primary" type="submit" ?disabled=${this.busy || !desks.length}>${t(lang, this.busy ? 'signingIn' : 'signIn')}</button>`}
      </form>
    `;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const field = (name: string) => String(data.get(name) ?? '');
    const takeOver = event.submitter?.dataset['action'] === 'take-over';
    emit(this, 'nb-sign-in', { username: field('username').trim(), password: field('password'), deskId: field('deskId'), takeOver });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-sign-in': NbSignIn;
  }
}
