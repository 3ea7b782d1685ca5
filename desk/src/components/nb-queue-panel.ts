import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { localDigits, minutesText, numberText } from '../format.js';
import { t, type Lang, type MessageKey } from '../i18n.js';
import { serviceName, type Availability, type DeskView, type QueuedTicket, type ServiceInfo } from '../state.js';
import { deskStyles } from './desk.styles.js';

/** Rows shown per list; a longer line is summed up above anyway. */
const MAX_ROWS = 40;

/**
 * The queue of the desk's workprofile: per service how many wait, the longest wait and how many
 * priority tickets; then the waiting tickets (to call one out of turn), the parked ones (to call
 * back) and today's no-shows (to put back in the queue).
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
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    deskStyles,
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
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        max-block-size: 22rem;
        overflow-y: auto;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        padding: 0.3rem 0;
        border-block-end: 1px solid #e3e7ec;
      }
      li .number {
        font-size: 1.3rem;
        font-weight: 800;
        min-inline-size: 4.5rem;
      }
      li .what {
        flex: 1;
        min-inline-size: 0;
      }
      li button {
        min-block-size: 40px;
        font-size: 0.95rem;
        padding-inline: 0.75rem;
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
        ${view.parked.length ? html`<h3>${t(lang, 'parkedList')}</h3><ol class="parked">${view.parked.map((ticket) => this.renderRow(ticket, 'callBack'))}</ol>` : ''}
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

  private renderRow(ticket: QueuedTicket, kind: 'call' | 'callBack' | 'reinstate') {
    const { language: lang, available } = this;
    return html`<li data-ticket=${ticket.id} data-number=${ticket.number}>
      <span class="number num">${numberText(ticket.number, lang)}</span>
      <span class="what">
        ${serviceName(this.services, ticket.serviceId, lang)}
        ${ticket.priorityGroup ? html`<span class="badge priority">${t(lang, ticket.priorityGroup as MessageKey)}</span>` : ''}
        ${kind === 'call' ? html`<span class="muted"> · ${minutesText(this.now - ticket.issuedAt, lang)}</span>` : ''}
      </span>
      ${kind === 'reinstate'
        ? html`<button class="secondary" data-action="reinstate" ?disabled=${!available.other} @click=${() => emit(this, 'nb-action', { action: { kind: 'reinstate', ticketId: ticket.id } })}>${t(lang, 'reinstate')}</button>`
        : html`<button class="secondary" data-action="call" ?disabled=${!available.call} @click=${() => emit(this, 'nb-action', { action: { kind: 'call', ticketId: ticket.id } })}>${t(lang, kind)}</button>
            <button class="danger" data-action="cancel" ?disabled=${!available.other} @click=${() => emit(this, 'nb-action', { action: { kind: 'cancel', ticketId: ticket.id } })}>${t(lang, 'cancel')}</button>`}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-queue-panel': NbQueuePanel;
  }
}
