import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { toLatinDigits } from '../../../server/time/digits.js';
import { pairKiosk } from '../data/device.js';
import { t, type Lang } from '../i18n.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';

/**
 * Shown once, when the server does not know this kiosk: a staff member types the pairing code that
 * `nobat device add --kind kiosk` printed, and the kiosk starts over as a paired device.
 */
@customElement('nb-pairing-page')
export class NbPairingPage extends LitElement {
  /** The reader's language. */
  @property() language: Lang = 'fa';
  @state() private error = '';
  @state() private sending = false;

  static override styles = [
    baseStyles,
    css`
      form {
        max-inline-size: 36rem;
        margin: 3rem auto;
        background: var(--nb-surface);
        border-radius: 20px;
        padding: 2rem;
        display: grid;
        gap: 1rem;
      }
      input {
        font: inherit;
        font-size: 2.5rem;
        letter-spacing: 0.3em;
        text-align: center;
        padding: 0.5rem;
        direction: ltr;
      }
      code {
        justify-self: center;
        background: #eef1f4;
        padding: 0.2rem 0.6rem;
        border-radius: 6px;
      }
      .error {
        color: #9b1c1c;
        margin: 0;
      }
    `,
  ];

  override render() {
    const lang = this.language;
    return html`
      <form @submit=${this.submit}>
        <h2>${t(lang, 'pairTitle')}</h2>
        <p>${t(lang, 'pairHelp')}</p>
        <code dir="ltr">nobat device add --kind kiosk</code>
        <input name="code" inputmode="numeric" autocomplete="off" pattern="[0-9۰-۹٠-٩]{8}" maxlength="8" required aria-label=${t(lang, 'pairTitle')} />
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <button class="primary" type="submit" ?disabled=${this.sending}>${t(lang, 'pairButton')}</button>
      </form>
    `;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const code = new FormData(event.target as HTMLFormElement).get('code');
    this.sending = true;
    // A Persian or Arabic keyboard types «۱۲۳۴…»; the server takes either, and so does the pattern.
    const result = await pairKiosk(toLatinDigits(String(code ?? '')).trim());
    this.sending = false;
    if (result.ok) location.reload();
    else this.error = result.message;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-pairing-page': NbPairingPage;
  }
}
