import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import QRCode from 'qrcode';
import { emit } from '../events.js';
import { clockText, localDigits, waitText } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import type { IssuedTicket } from '../data/tickets.js';
import { serviceName, type KioskService } from '../state.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';

/**
 * The ticket just issued: its number large, the service, the line ahead, the wait, the time, and a
 * QR code to the ticket's tracking page.
 * @event nb-go-home - The visitor is done.
 */
@customElement('nb-ticket-view')
export class NbTicketView extends LitElement {
  /** The issued ticket. */
  @property({ attribute: false }) ticket!: IssuedTicket;
  /** Its service. */
  @property({ attribute: false }) service: KioskService | undefined;
  /** The office's time zone, for the time of issue. */
  @property() timeZone = 'Asia/Tehran';
  /** The reader's language. */
  @property() language: Lang = 'fa';
  /** Where phones reach the server (the address the slip's QR code names), for the on-screen QR code. */
  @property() publicUrl = location.origin;
  /** The printer's message when the slip was not printed; null while printing went well or is under way. */
  @property({ attribute: false }) printFault: string | null = null;

  @query('canvas') private canvas!: HTMLCanvasElement;

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
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 1.5rem 2rem;
        align-items: center;
      }
      .print-fault {
        grid-column: 1 / -1;
        background: #fff4d6;
        color: #5c3b00;
        border-inline-start: 8px solid #b26a00;
        border-radius: 12px;
        padding: 1rem 1.25rem;
        font-size: 1.4rem;
      }
      .print-fault p {
        margin: 0.25rem 0 0;
      }
      .label {
        font-size: 1.5rem;
        font-weight: 600;
        margin: 0;
        color: var(--nb-muted);
      }
      .take-slip {
        grid-column: 1 / -1;
        margin: 0;
        padding: 1rem 1.25rem;
        border-radius: 12px;
        background: var(--nb-brand);
        color: var(--nb-on-brand);
        font-size: 1.9rem;
        font-weight: 800;
        text-align: center;
      }
      .number {
        font-size: 7.5rem;
        line-height: 1.1;
        font-weight: 900;
        margin: 0;
        color: var(--nb-brand-dark);
        unicode-bidi: isolate;
      }
      .service {
        font-size: 1.8rem;
        font-weight: 700;
        margin: 0;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.5rem 1.5rem;
        font-size: 1.5rem;
        margin: 1rem 0 0;
      }
      dt {
        color: var(--nb-muted);
      }
      dd {
        margin: 0;
        font-weight: 700;
      }
      figure {
        margin: 0;
        text-align: center;
        max-inline-size: 15rem;
      }
      figcaption {
        font-size: 1.25rem;
        line-height: 1.6;
        color: var(--nb-muted);
      }
      .hint {
        grid-column: 1 / -1;
        font-size: 1.4rem;
        line-height: 1.8;
        margin: 0;
      }
      .done {
        grid-column: 1 / -1;
        justify-self: center;
        min-inline-size: 16rem;
      }
    `,
  ];

  override render() {
    const { ticket, language: lang } = this;
    return html`
      <div class="card" role="region" aria-label=${t(lang, 'yourNumber')}>
        ${this.printFault === null
          ? html`<p class="take-slip" role="status">${t(lang, 'takeSlip')}</p>`
          : html`<div class="print-fault" role="alert">
              <strong>${t(lang, this.printFault === 'busy' ? 'printBusy' : 'printFailed')}</strong>
              <p>${t(lang, 'printFallback')}</p>
            </div>`}
        <div>
          <h2 class="label">${t(lang, 'yourNumber')}</h2>
          <p class="number" data-number=${ticket.number}>${localDigits(ticket.number, lang)}</p>
          <p class="service" dir="auto">${this.service ? serviceName(this.service, lang) : ''}</p>
          <dl>
            <dt>${t(lang, 'ahead')}</dt>
            <dd class="ahead">${localDigits(ticket.ahead, lang)}</dd>
            <dt>${t(lang, 'estimatedWait')}</dt>
            <dd class="wait">${waitText(ticket, lang)}</dd>
            ${ticket.priorityGroup ? html`<dt>${t(lang, 'priorityTitle')}</dt><dd>${t(lang, ticket.priorityGroup)}</dd>` : ''}
            ${ticket.appointment ? html`<dt>${t(lang, 'bookedFor')}</dt><dd class="booked-time">${clockText(ticket.appointment.start, this.timeZone, lang)}</dd>` : ''}
            <dt>${t(lang, 'issuedAt')}</dt>
            <dd>${clockText(ticket.issuedAt, this.timeZone, lang)}</dd>
          </dl>
        </div>
        <figure>
          <canvas aria-hidden="true"></canvas>
          <figcaption>${t(lang, 'scanToTrack')}</figcaption>
        </figure>
        ${ticket.appointment ? html`<p class="hint booking-note" role="status">${t(lang, ticket.appointment.late ? 'bookedLate' : 'bookedOnTime')}</p>` : ''}
        <p class="hint">${t(lang, 'watchBoard')}</p>
        <button class="primary done" @click=${() => emit(this, 'nb-go-home', {})}>${t(lang, 'done')}</button>
      </div>
    `;
  }

  override updated(changed: Map<string, unknown>) {
    if (!changed.has('ticket') && !changed.has('publicUrl') && !changed.has('language')) return;
    void QRCode.toCanvas(this.canvas, trackUrl(this.publicUrl, this.ticket.id, this.language), { width: 220, margin: 1, errorCorrectionLevel: 'M' });
  }
}

/** The ticket's phone page at the server's public address; in English when the kiosk was read in English. */
function trackUrl(publicUrl: string, ticketId: string, lang: Lang): string {
  const url = new URL(`/t/${encodeURIComponent(ticketId)}`, publicUrl);
  if (lang === 'en') url.searchParams.set('lang', 'en');
  return url.href;
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-ticket-view': NbTicketView;
  }
}
