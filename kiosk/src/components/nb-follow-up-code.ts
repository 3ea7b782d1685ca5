import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { localDigits } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import { vt } from '../voice-i18n.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';

/**
 * A follow-up code just given out, large, grouped as on the slip, with where to follow it, and a
 * meeting's number when there is one; says whether the slip is coming out of the printer.
 * @event nb-go-home - The visitor is done.
 */
@customElement('nb-follow-up-code')
export class NbFollowUpCode extends LitElement {
  /** The ten-digit code. */
  @property() code = '';
  /** A meeting registration's number in its line; empty for feedback. */
  @property() number = '';
  /** The screen's heading. */
  @property() heading = '';
  /** Where phones reach the server. */
  @property() publicUrl = location.origin;
  /** Why the slip did not print; null while it is printing or printed. */
  @property({ attribute: false }) printFault: string | null = null;
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .card {
        max-inline-size: 56rem;
        margin-inline: auto;
        background: var(--nb-surface);
        border-radius: 20px;
        padding: 2rem;
        box-shadow: 0 4px 14px rgb(0 0 0 / 10%);
        text-align: center;
      }
      h2 {
        font-size: 2.2rem;
        margin-block: 0 1rem;
        color: var(--nb-brand-dark);
      }
      .label {
        font-size: 1.5rem;
        font-weight: 600;
        color: var(--nb-muted);
        margin: 1rem 0 0;
      }
      .number {
        font-size: 6rem;
        font-weight: 800;
        margin: 0;
        line-height: 1.2;
      }
      .code {
        direction: ltr;
        font-size: 4.2rem;
        font-weight: 800;
        letter-spacing: 0.05em;
        margin: 0.25rem 0 1rem;
        color: var(--nb-brand-dark);
      }
      .help {
        font-size: 1.3rem;
        line-height: 1.8;
      }
      .slip {
        margin: 1rem 0;
        padding: 1rem;
        border-radius: 12px;
        background: var(--nb-brand);
        color: var(--nb-on-brand);
        font-size: 1.7rem;
        font-weight: 800;
      }
      .slip.fault {
        background: var(--nb-warn-bg);
        color: var(--nb-warn-text);
      }
    `,
  ];

  override render() {
    const lang = this.language;
    const grouped = localDigits(`${this.code.slice(0, 3)}-${this.code.slice(3, 6)}-${this.code.slice(6)}`, lang);
    const address = `${this.publicUrl}/feedback`;
    return html`<div class="card">
      <h2>${this.heading}</h2>
      ${this.number
        ? html`<p class="label">${vt(lang, 'numberLabel')}</p>
            <p class="number" data-number=${this.number}>${localDigits(this.number, lang)}</p>
            <p class="help">${vt(lang, 'watchForCall')}</p>`
        : nothing}
      <p class="label">${vt(lang, 'codeLabel')}</p>
      <p class="code" data-code=${this.code}>${grouped}</p>
      <p class="help">${vt(lang, 'codeHelp', { url: `\u2068${address}\u2069` })}</p>
      <p class="slip ${this.printFault ? 'fault' : ''}" role="status">${this.printFault ? vt(lang, 'receiptFailed') : vt(lang, 'takeReceipt')}</p>
      <button class="primary" @click=${() => emit(this, 'nb-go-home', {})}>${t(lang, 'done')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-follow-up-code': NbFollowUpCode;
  }
}
