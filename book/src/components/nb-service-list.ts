import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../../server/time/persian.js';
import { emit } from '../events.js';
import { bt } from '../i18n.js';
import { serviceName, type BookableService } from '../state.js';
import { bookStyles } from './book.styles.js';

/**
 * The services that take bookings, one large button each.
 * @event nb-pick-service - A service was chosen.
 */
@customElement('nb-service-list')
export class NbServiceList extends LitElement {
  /** The services that have bookable days ahead. */
  @property({ attribute: false }) services: BookableService[] = [];
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = bookStyles;

  override render() {
    const { language: lang } = this;
    if (!this.services.length) return html`<p role="status">${bt(lang, 'noBookable')}</p>`;
    return html`
      <ul class="choices">
        ${this.services.map(
          (service) => html`<li>
            <button class="choice" data-service=${service.id} @click=${() => emit(this, 'nb-pick-service', { serviceId: service.id })}>
              <span dir="auto">${serviceName(service, lang)}</span>
            </button>
          </li>`,
        )}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-service-list': NbServiceList;
  }
}
