import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { toLatinDigits } from '../../../server/time/digits.js';
import '../../../ui/nb-persian-keyboard.js';
import { emit } from '../events.js';
import { t, type Lang } from '../i18n.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';

/** A booking code: ten digits, as the booking page and the SMS show it (with or without dashes). */
const CODE_DIGITS = 10;

/**
 * A visitor with a booking types its code on a large on-screen number pad (the kiosk has no
 * keyboard), and the kiosk checks it in.
 * @event nb-check-in - The ten digits were typed and sent.
 * @event nb-go-home - The visitor went back.
 */
@customElement('nb-checkin-page')
export class NbCheckinPage extends LitElement {
  /** The reader's language. */
  @property() language: Lang = 'fa';
  /** The check-in is under way. */
  @property({ type: Boolean }) sending = false;
  /** The server's refusal of the last code, as it said it. */
  @property() error = '';

  @state() private digits = '';
  @query('input') private input!: HTMLInputElement;

  static override styles = [
    baseStyles,
    css`
      .card {
        max-inline-size: 40rem;
        margin-inline: auto;
        background: var(--nb-surface);
        border-radius: 20px;
        padding: 2rem;
        display: grid;
        gap: 1.25rem;
      }
      h2 {
        font-size: 2rem;
        margin: 0;
        color: var(--nb-brand-dark);
      }
      p {
        font-size: 1.4rem;
        line-height: 1.7;
        margin: 0;
      }
      input {
        font: inherit;
        font-size: 3rem;
        font-weight: 800;
        letter-spacing: 0.15em;
        text-align: center;
        direction: ltr;
        padding: 0.5rem;
        border: 3px solid var(--nb-muted);
        border-radius: 14px;
      }
      .error {
        background: var(--nb-warn-bg);
        color: var(--nb-warn-text);
        border-inline-start: 8px solid #b26a00;
        border-radius: 12px;
        padding: 1rem 1.25rem;
      }
      .actions {
        display: flex;
        gap: 1rem;
      }
      .actions .primary {
        flex: 1;
      }
    `,
  ];

  override render() {
    const lang = this.language;
    const complete = this.digits.length === CODE_DIGITS;
    return html`
      <form class="card" @submit=${this.submit}>
        <h2>${t(lang, 'checkInTitle')}</h2>
        <p id="checkin-help">${t(lang, 'checkInHelp')}</p>
        <input
          name="code"
          inputmode="none"
          autocomplete="off"
          maxlength="14"
          aria-label=${t(lang, 'checkInTitle')}
          aria-describedby="checkin-help"
          .value=${this.display()}
          @input=${this.typed}
        />
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <nb-persian-keyboard variant="phone" .language=${lang} .target=${this.input ?? null}></nb-persian-keyboard>
        <div class="actions">
          <button class="secondary" type="button" @click=${() => emit(this, 'nb-go-home', {})}>${t(lang, 'back')}</button>
          <button class="primary" type="submit" ?disabled=${!complete || this.sending}>${t(lang, this.sending ? 'checkingIn' : 'checkInButton')}</button>
        </div>
      </form>
    `;
  }

  override firstUpdated() {
    // The pad types into the field, which exists only after the first render.
    this.requestUpdate();
    this.input.focus();
  }

  /** The typed digits in the reader's digits, grouped as the code is printed: «۰۲۷-۱۲۰-۴۷۳۷». */
  private display(): string {
    const d = this.digits;
    const grouped = [d.slice(0, 3), d.slice(3, 6), d.slice(6)].filter(Boolean).join('-');
    return this.language === 'fa' ? grouped.replace(/\d/g, (n) => '۰۱۲۳۴۵۶۷۸۹'[Number(n)]!) : grouped;
  }

  private typed() {
    this.digits = toLatinDigits(this.input.value).replace(/\D/g, '').slice(0, CODE_DIGITS);
    // The field shows the digits grouped again, whatever was typed or pasted into it.
    this.input.value = this.display();
  }

  private submit(event: Event) {
    event.preventDefault();
    if (this.digits.length !== CODE_DIGITS || this.sending) return;
    emit(this, 'nb-check-in', { code: this.digits });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-checkin-page': NbCheckinPage;
  }
}
