import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t, type Lang } from '../i18n.js';

/** The friendly notice shown while the kiosk has lost the server; hidden otherwise. */
@customElement('nb-status-banner')
export class NbStatusBanner extends LitElement {
  /** Whether the live connection is up. */
  @property({ type: Boolean }) connected = true;
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = css`
    p {
      margin: 0;
      padding: 0.9rem 1.5rem;
      background: #fff4d6;
      color: #5c3d00;
      font-size: 1.3rem;
      font-weight: 600;
      text-align: center;
      border-block-end: 2px solid #e0b44a;
    }
    .dot {
      display: inline-block;
      inline-size: 0.8rem;
      block-size: 0.8rem;
      border-radius: 50%;
      background: #b97800;
      margin-inline-end: 0.6rem;
      animation: pulse 1.2s ease-in-out infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.2;
      }
    }
  `;

  override render() {
    // The live region stays in the page so screen readers hear the notice when it appears.
    return html`<div role="status" aria-live="polite">
      ${this.connected ? '' : html`<p class="reconnecting"><span class="dot"></span>${t(this.language, 'reconnecting')}</p>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-status-banner': NbStatusBanner;
  }
}
