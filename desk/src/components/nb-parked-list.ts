import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t, type Lang } from '../i18n.js';
import type { Availability, QueuedTicket, ServiceInfo } from '../state.js';
import { staffStyles } from '../../../ui/styles/staff.styles.js';
import { ticketRow, ticketRowStyles } from './ticket-row.js';

/**
 * The desk's parked tickets (visitors fetching a document), right under the current ticket where the
 * clerk looks, to call each back; nothing when none is parked.
 * @event nb-action - Call back or cancel a parked ticket.
 */
@customElement('nb-parked-list')
export class NbParkedList extends LitElement {
  /** The parked tickets, oldest first. */
  @property({ attribute: false }) parked: QueuedTicket[] = [];
  /** What the clerk may do now. */
  @property({ attribute: false }) available!: Availability;
  /** Service names. */
  @property({ attribute: false }) services: ServiceInfo[] = [];
  /** The reader's language. */
  @property() language: Lang = 'fa';
  /** The office's time zone, for booked visitors' times. */
  @property() timeZone = 'Asia/Tehran';

  static override styles = [
    staffStyles,
    ticketRowStyles,
    css`
      h2 {
        font-size: 1.15rem;
      }
    `,
  ];

  override render() {
    if (!this.parked.length) return '';
    const context = { host: this, lang: this.language, available: this.available, services: this.services, now: 0, timeZone: this.timeZone };
    return html`<section class="panel" aria-labelledby="parked-title">
      <h2 id="parked-title">${t(this.language, 'parkedList')}</h2>
      <ol class="parked">${this.parked.map((ticket) => ticketRow(ticket, 'callBack', context))}</ol>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-parked-list': NbParkedList;
  }
}
