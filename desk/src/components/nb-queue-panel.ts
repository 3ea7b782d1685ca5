import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localDigits, minutesText } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import { serviceName, type Availability, type DeskView, type QueuedTicket, type ServiceInfo } from '../state.js';
import { staffStyles } from '../../../ui/styles/staff.styles.js';
import { ticketRow, ticketRowStyles, type RowKind } from './ticket-row.js';

/** Rows shown per list; a longer line is summed up above anyway. */
const MAX_ROWS = 40;

/**
 * The queue of the desk's workprofile: per service how many wait, the longest wait and how many
 * priority tickets; then the waiting tickets (to call one out of turn) and today's no-shows (to put
 * back in the queue). Parked tickets are beside the current ticket (nb-parked-list).
 * @event nb-action - Call, reinstate or cancel a listed ticket.
 */
@customElement('nb-queue-panel')
export class NbQueuePanel extends LitElement {
  /** The desk's view. */
  @property({ attribute: false }) view!: DeskView;
  /** What the clerk may do now. */
  @property({ attribute: false }) available!: Availability;
  /** Service names. */
  @property({ attribute: false }) services: ServiceInfo[] = [];
  /** The server's time now, for the waits. */
  @property({ type: Number }) now = 0;
  /** The office's time zone, for booked visitors' times. */
  @property() timeZone = 'Asia/Tehran';
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    staffStyles,
    ticketRowStyles,
    css`
      table {
        inline-size: 100%;
        border-collapse: collapse;
        font-size: 1.05rem;
      }
      th,
      td {
        text-align: start;
        padding: 0.4rem 0.5rem;
        border-block-end: 1px solid var(--nb-line);
      }
      th {
        font-size: 0.95rem;
        color: var(--nb-muted);
        font-weight: 600;
      }
      td.count {
        font-weight: 700;
      }
      h3 {
        font-size: 1.05rem;
        margin: 1.25rem 0 0.5rem;
      }
      .empty {
        margin: 0.25rem 0;
      }
    `,
  ];

  override render() {
    const { view, language: lang } = this;
    return html`
      <section class="panel" aria-labelledby="queue-title">
        <h2 id="queue-title">${t(lang, 'queue')}</h2>
        ${this.renderSummary()}
        <h3>${t(lang, 'waitingList')}</h3>
        ${view.waiting.length ? html`<ol class="waiting">${view.waiting.slice(0, MAX_ROWS).map((ticket) => this.renderRow(ticket, 'call'))}</ol>` : html`<p class="empty muted">${t(lang, 'nobodyWaiting')}</p>`}
        ${view.noShows.length ? html`<h3>${t(lang, 'noShowList')}</h3><ol class="no-shows">${view.noShows.map((ticket) => this.renderRow(ticket, 'reinstate'))}</ol>` : ''}
      </section>
    `;
  }

  private renderSummary() {
    const { view, language: lang, now } = this;
    const lines = [...view.desk.services.map((id) => ({ key: id, name: serviceName(this.services, id, lang) })), { key: 'desk', name: t(lang, 'forThisDesk') }];
    const rows = lines.map(({ key, name }) => {
      const tickets = view.waiting.filter((w) => (key === 'desk' ? w.targetDeskId !== null : w.targetDeskId === null && w.serviceId === key));
      const oldest = Math.min(...tickets.map((w) => w.issuedAt));
      return { key, name, count: tickets.length, oldest: tickets.length ? now - oldest : null, priority: tickets.filter((w) => w.priorityGroup).length };
    });
    return html`<table class="summary">
      <thead>
        <tr>
          <th scope="col"></th>
          <th scope="col">${t(lang, 'waitingCount')}</th>
          <th scope="col">${t(lang, 'oldestWait')}</th>
          <th scope="col">${t(lang, 'priorityWaiting')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows
          .filter((row) => row.key !== 'desk' || row.count > 0)
          .map(
            (row) => html`<tr data-service=${row.key}>
              <th scope="row">${row.name}</th>
              <td class="count num">${localDigits(row.count, lang)}</td>
              <td>${row.oldest === null ? '—' : minutesText(row.oldest, lang)}</td>
              <td class="num">${row.priority ? html`<span class="badge priority">${localDigits(row.priority, lang)}</span>` : localDigits(0, lang)}</td>
            </tr>`,
          )}
      </tbody>
    </table>`;
  }

  private renderRow(ticket: QueuedTicket, kind: RowKind) {
    return ticketRow(ticket, kind, { host: this, lang: this.language, available: this.available, services: this.services, now: this.now, timeZone: this.timeZone });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-queue-panel': NbQueuePanel;
  }
}
