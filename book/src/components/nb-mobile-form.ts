import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { normaliseMobile } from '../../../server/messages/mobile.js';
import type { Lang } from '../../../server/time/persian.js';
import { emit } from '../events.js';
import { bt } from '../i18n.js';
import { bookStyles } from './book.styles.js';

/**
 * The mobile number the one-time code goes to, in Persian or Latin digits, checked before it is sent.
 * @event nb-send-mobile - A valid number was given, as 09xxxxxxxxx.
 */
@customElement('nb-mobile-form')
export class NbMobileForm extends LitElement {
  /** The reader's language. */
  @property() language: Lang = 'fa';
  /** A request is under way. */
  @property({ type: Boolean }) busy = false;

  @state() private invalid = false;
  @query('input') private input!: HTMLInputElement;

  static override styles = bookStyles;

  override render() {
    const { language: lang } = this;
    return html`
      <form novalidate @submit=${this.submit}>
        <label for="mobile">${bt(lang, 'mobileLabel')}</label>
        <input
          id="mobile"
          name="mobile"
          type="tel"
          inputmode="tel"
          autocomplete="tel"
          dir="ltr"
          maxlength="20"
          aria-describedby="mobile-help${this.invalid ? ' mobile-invalid' : ''}"
          aria-invalid=${this.invalid ? 'true' : 'false'}
          @input=${() => (this.invalid = false)}
        />
        <p class="help" id="mobile-help">${bt(lang, 'mobileHelp')}</p>
        ${this.invalid ? html`<p class="invalid" id="mobile-invalid" role="alert">${bt(lang, 'mobileInvalid')}</p>` : ''}
        <button class="primary" type="submit" ?disabled=${this.busy}>${bt(lang, this.busy ? 'sending' : 'sendCode')}</button>
      </form>
    `;
  }

  override firstUpdated() {
    this.input.focus();
  }

  private submit(event: Event) {
    event.preventDefault();
    const mobile = normaliseMobile(this.input.value);
    this.invalid = mobile === null;
    if (mobile === null) this.input.focus();
    else emit(this, 'nb-send-mobile', { mobile });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-mobile-form': NbMobileForm;
  }
}
