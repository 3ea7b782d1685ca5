import { LitElement, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { toLatinDigits, type Lang } from '../../../server/time/persian.js';
import { emit } from '../events.js';
import { bt, type BookKey } from '../i18n.js';
import { bookStyles } from './book.styles.js';

/**
 * One short code typed by the visitor: the one-time code from the SMS, or a booking code to look up.
 * Persian digits are read as Latin ones; spaces and dashes are dropped.
 * @event nb-confirm-code - The one-time code was sent (`purpose` "otp").
 * @event nb-find-booking - A booking code was sent (`purpose` "lookup").
 */
@customElement('nb-code-form')
export class NbCodeForm extends LitElement {
  /** Which code this is. */
  @property() purpose: 'otp' | 'lookup' = 'otp';
  /** The sentence under the field. */
  @property() help = '';
  /** The reader's language. */
  @property() language: Lang = 'fa';
  /** A request is under way. */
  @property({ type: Boolean }) busy = false;

  @query('input') private input!: HTMLInputElement;

  static override styles = bookStyles;

  override render() {
    const { language: lang } = this;
    const otp = this.purpose === 'otp';
    const words: Record<'label' | 'send' | 'sending', BookKey> = otp
      ? { label: 'codeLabel', send: 'confirm', sending: 'confirming' }
      : { label: 'manageLabel', send: 'find', sending: 'finding' };
    return html`
      <form novalidate @submit=${this.submit}>
        <label for="code">${bt(lang, words.label)}</label>
        <input
          id="code"
          name="code"
          dir="ltr"
          maxlength="16"
          autocapitalize="characters"
          spellcheck="false"
          inputmode=${otp ? 'numeric' : 'text'}
          autocomplete=${otp ? 'one-time-code' : 'off'}
          aria-describedby="code-help"
          required
        />
        <p class="help" id="code-help">${this.help}</p>
        <button class="primary" type="submit" ?disabled=${this.busy}>${bt(lang, this.busy ? words.sending : words.send)}</button>
      </form>
    `;
  }

  override firstUpdated() {
    this.input.focus();
  }

  private submit(event: Event) {
    event.preventDefault();
    const code = toLatinDigits(this.input.value).replace(/[\s-]/g, '').toUpperCase();
    if (!code) return this.input.focus();
    if (this.purpose === 'otp') emit(this, 'nb-confirm-code', { code });
    else emit(this, 'nb-find-booking', { code });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-code-form': NbCodeForm;
  }
}
