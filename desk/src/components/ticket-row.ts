// One listed ticket (waiting, parked or a no-show) with what the clerk can do with it: shared by the
// queue panel and the parked list beside the current ticket.
import { css, html } from 'lit';
import { emit } from '../events.js';
import { clockText, minutesText, ticketNumberText } from '../../../ui/format.js';
import { t, type Lang, type MessageKey } from '../i18n.js';
import { serviceName, type Availability, type DeskAction, type QueuedTicket, type ServiceInfo } from '../state.js';

export type RowKind = 'call' | 'callBack' | 'reinstate';

export interface RowContext {
  host: HTMLElement;
  lang: Lang;
  available: Availability;
  services: ServiceInfo[];
  /** The server's time now, for a waiting ticket's wait. */
  now: number;
  /** The office's time zone, for a booked visitor's time. */
  timeZone: string;
}

/** A booked visitor's mark, with the booked time: «رزرو ۱۰:۳۰». */
export function bookedBadge(booked: { start: number } | null | undefined, lang: Lang, timeZone: string) {
  return booked ? html`<span class="badge booked">${t(lang, 'bookedAt', { time: clockText(booked.start, timeZone, lang) })}</span>` : '';
}

export function ticketRow(ticket: QueuedTicket, kind: RowKind, { host, lang, available, services, now, timeZone }: RowContext) {
  const act = (action: DeskAction) => emit(host, 'nb-action', { action });
  return html`<li data-ticket=${ticket.id} data-number=${ticket.number}>
    <span class="number num">${ticketNumberText(ticket.number, lang)}</span>
    <span class="what">
      ${serviceName(services, ticket.serviceId, lang)}
      ${ticket.priorityGroup ? html`<span class="badge priority">${t(lang, ticket.priorityGroup as MessageKey)}</span>` : ''}
      ${bookedBadge(ticket.booked, lang, timeZone)}
      ${kind === 'call' ? html`<span class="waited muted">${t(lang, 'waited')}: ${minutesText(now - ticket.issuedAt, lang)}</span>` : ''}
    </span>
    ${kind === 'reinstate'
      ? html`<button class="secondary" data-action="reinstate" ?disabled=${!available.other} @click=${() => act({ kind: 'reinstate', ticketId: ticket.id })}>${t(lang, 'reinstate')}</button>`
      : html`<button class="secondary" data-action="call" ?disabled=${!available.call} @click=${() => act({ kind: 'call', ticketId: ticket.id })}>${t(lang, kind)}</button>
          <button class="danger" data-action="cancel" ?disabled=${!available.other} @click=${() => act({ kind: 'cancel', ticketId: ticket.id })}>${t(lang, 'cancel')}</button>`}
  </li>`;
}

export const ticketRowStyles = css`
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
  /* On a line of its own: a dot between a service and «۵ دقیقه» reads as a Persian zero. */
  li .waited {
    display: block;
    font-size: 0.95rem;
  }
  li button {
    min-block-size: 40px;
    font-size: 0.95rem;
    padding-inline: 0.75rem;
  }
`;
