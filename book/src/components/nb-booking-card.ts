import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import QRCode from 'qrcode';
import type { Lang } from '../../../server/time/persian.js';
import type { Booking } from '../data/appointments.js';
import { emit } from '../events.js';
import { codeText, visitTimeText } from '../format.js';
import { bt, type BookKey } from '../i18n.js';
import { bookStyles } from './book.styles.js';

const STATUS_WORDS: Record<Booking['status'], BookKey> = { booked: 'statusBooked', cancelled: 'statusCancelled', checked_in: 'statusCheckedIn' };

/**
 * One booking: its code large with a QR code of it, the service and the time in the Jalali calendar,
 * and what its holder may still do with it (cancel it, after a second press, or change its time).
 * @event nb-cancel-booking - Cancelling was confirmed.
 * @event nb-reschedule - The holder wants another time.
 * @event nb-start-over - The holder wants to book another visit.
 */
@customElement('nb-booking-card')
export class NbBookingCard extends LitElement {
  /** The booking shown. */
  @property({ attribute: false }) booking!: Booking;
  /** The service's name in the reader's language. */
  @property() serviceLabel = '';
  /** The office's time zone. */
  @property() timeZone = 'Asia/Tehran';
  /** The reader's language. */
  @property() language: Lang = 'fa';
  /** A request is under way. */
  @property({ type: Boolean }) busy = false;

  @state() private askingToCancel = false;
  @query('canvas') private canvas!: HTMLCanvasElement;

  static override styles = [
    bookStyles,
    css`
      .card {
        background: var(--nb-surface);
        border-radius: 16px;
        padding: 1.25rem;
        box-shadow: 0 2px 10px rgb(0 0 0 / 10%);
        text-align: center;
      }
      .label {
        margin: 0;
        color: var(--nb-muted);
        font-weight: 600;
      }
      .code {
        margin: 0.25rem 0 0.75rem;
        font-size: 2.4rem;
        font-weight: 900;
        letter-spacing: 0.05em;
        color: var(--nb-brand-dark);
        unicode-bidi: isolate;
      }
      canvas {
        display: block;
        margin-inline: auto;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.5rem 1rem;
        text-align: start;
        margin: 1rem 0;
      }
      dt {
        color: var(--nb-muted);
      }
      dd {
        margin: 0;
        font-weight: 700;
      }
      .keep {
        line-height: 1.8;
        text-align: start;
      }
      .actions {
        display: grid;
        gap: 0.75rem;
        margin-block-start: 1rem;
      }
      .danger {
        background: #a61b1b;
        color: #fff;
        border: none;
        font-weight: 700;
      }
    `,
  ];

  override render() {
    const { booking, language: lang } = this;
    // A booking whose time has passed is refused by the server when changed, in its own words.
    const active = booking.status === 'booked';
    return html`
      <div class="card">
        <p class="label" id="code-label">${bt(lang, 'bookingCode')}</p>
        <p class="code" dir="ltr" aria-labelledby="code-label" data-code=${booking.code}>${codeText(booking.code, lang)}</p>
        ${booking.status === 'booked' ? html`<canvas aria-hidden="true"></canvas>` : ''}
        <dl>
          <dt>${bt(lang, 'service')}</dt>
          <dd dir="auto">${this.serviceLabel}</dd>
          <dt>${bt(lang, 'when')}</dt>
          <dd class="when">${visitTimeText(booking.start, this.timeZone, lang)}</dd>
          <dt>${bt(lang, 'status')}</dt>
          <dd class="status" data-status=${booking.status}>${bt(lang, STATUS_WORDS[booking.status] ?? 'statusBooked')}</dd>
        </dl>
        ${active ? html`<p class="keep">${bt(lang, 'keepCode')} ${bt(lang, 'arriveEarly')}</p>` : ''}
        <div class="actions">${active ? this.changeActions() : ''}
          <button class="secondary" @click=${() => emit(this, 'nb-start-over', {})}>${bt(lang, 'newBooking')}</button>
        </div>
      </div>
    `;
  }

  private changeActions() {
    const { language: lang, booking } = this;
    if (this.askingToCancel)
      return html`<p role="alert">${bt(lang, 'cancelConfirm')}</p>
        <button class="danger" data-action="confirm-cancel" ?disabled=${this.busy} @click=${() => emit(this, 'nb-cancel-booking', { code: booking.code })}>${bt(lang, 'cancel')}</button>
        <button class="secondary" @click=${() => (this.askingToCancel = false)}>${bt(lang, 'back')}</button>`;
    return html`<button class="secondary" data-action="reschedule" ?disabled=${this.busy} @click=${() => emit(this, 'nb-reschedule', { code: booking.code, serviceId: booking.serviceId })}>
        ${bt(lang, 'reschedule')}
      </button>
      <button class="secondary" data-action="cancel" ?disabled=${this.busy} @click=${() => (this.askingToCancel = true)}>${bt(lang, 'cancel')}</button>`;
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('booking')) this.askingToCancel = false;
  }

  override updated(changed: Map<string, unknown>) {
    if (!changed.has('booking') || !this.canvas) return;
    void QRCode.toCanvas(this.canvas, manageUrl(this.booking.code), { width: 180, margin: 1, errorCorrectionLevel: 'M' });
  }
}

/** This page opened on the booking: what a phone's camera reads from the QR code, or the kiosk's. */
export function manageUrl(code: string): string {
  const url = new URL('/book', location.origin);
  url.searchParams.set('code', code);
  return url.href;
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-booking-card': NbBookingCard;
  }
}
