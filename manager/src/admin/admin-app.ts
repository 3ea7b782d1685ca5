// The administration screen hosted by the manager's «پیکربندی» tab (admins only). A placeholder until
// the configuration UI (services, desks, staff, devices, guidance) replaces this file.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../i18n.js';

/** Configuration of the office from the browser. */
@customElement('nb-admin-app')
export class NbAdminApp extends LitElement {
  /** The signed-in admin's session token, for the API. */
  @property({ attribute: false }) token = '';
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = css`
    :host {
      display: block;
      padding: 1.5rem;
    }
  `;

  override render() {
    return html`<p>${this.language === 'fa' ? 'پیکربندی اداره به‌زودی در این بخش خواهد بود.' : 'Office configuration will be available here soon.'}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-app': NbAdminApp;
  }
}
