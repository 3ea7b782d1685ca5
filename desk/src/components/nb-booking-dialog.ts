import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { normaliseMobile } from '../../../server/messages/mobile.js';
import { formatClock, formatJalaliKey, localDigits, toLatinDigits } from '../../../server/time/persian.js';
import { Refused } from '../../../ui/http/api.js';
import { dialogStyles } from '../../../ui/styles/dialog.styles.js';
import { staffStyles } from '../../../ui/styles/staff.styles.js';
import * as api from '../data/appointments.js';
import { t, type Lang } from '../i18n.js';
import { serviceName, type ServiceInfo } from '../state.js';
import { closeOnCancel, keepTabInside, showModal } from './modal.js';
import { emit } from '../events.js';

type Phase = { name: 'choose' } | { name: 'code'; holdId: string } | { name: 'booked'; booking: api.Booking };

/**
 * Booking a visit for a caller on the telephone: service, day and time from what is on offer, the
 * caller's mobile; the caller reads back the code the SMS brought, and the clerk tells them the
 * booking code. The number is sent to the server and kept nowhere on this screen.
 * @event nb-close-dialog - Closed.
 */
@customElement('nb-booking-dialog')
export class NbBookingDialog extends LitElement {
  /** The services of the office, for their names. */
  @property({ attribute: false }) services: ServiceInfo[] = [];
  /** The clerk's session token. */
  @property() token = '';
  /** The office's time zone. */
  @property() timeZone = 'Asia/Tehran';
  /** The reader's language. */
  @property() language: Lang = 'fa';

  @state() private bookable: Array<{ id: string; days: api.BookableDay[] }> = [];
  @state() private serviceId = '';
  @state() private date = '';
  @state() private slots: api.FreeSlot[] = [];
  @state() private start = 0;
  @state() private phase: Phase = { name: 'choose' };
  @state() private busy = false;
  @state() private error = '';

  static override styles = [
    staffStyles,
    dialogStyles,
    css`
      label {
        display: grid;
        gap: 0.3rem;
        font-weight: 600;
      }
      input {
        font: inherit;
        font-size: 1.05rem;
        border: 2px solid var(--nb-line);
        border-radius: 10px;
        padding: 0.5rem 0.75rem;
        min-block-size: 48px;
      }
      .error {
        color: #9b1c1c;
        margin: 0;
      }
      .booking-code {
        font-size: 2rem;
        font-weight: 800;
        text-align: center;
        margin: 0;
      }
    `,
  ];

  override render() {
    const lang = this.language;
    return html`<dialog aria-labelledby="dialog-title" @cancel=${closeOnCancel(this)} @keydown=${keepTabInside}>
      <form @submit=${this.submit}>
        <h2 id="dialog-title">${t(lang, 'bookForCaller')}</h2>
        ${this.phase.name === 'booked' ? this.booked(this.phase.booking) : this.phase.name === 'code' ? this.codeStep() : this.chooseStep()}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <div class="buttons">
          ${this.phase.name === 'booked' ? '' : html`<button type="submit" class="primary" data-action="confirm-booking" ?disabled=${this.busy || !this.ready()}>${t(lang, this.phase.name === 'code' ? 'bookConfirm' : 'bookSendCode')}</button>`}
          <button type="button" class="secondary" data-action="close" @click=${() => emit(this, 'nb-close-dialog', {})}>${t(lang, 'close')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private chooseStep() {
    const lang = this.language;
    const days = this.bookable.find((s) => s.id === this.serviceId)?.days ?? [];
    return html`
      <label>${t(lang, 'bookService')}
        <select name="service" @change=${(e: Event) => this.pickService((e.target as HTMLSelectElement).value)}>
          <option value="">—</option>
          ${this.bookable.map((s) => html`<option value=${s.id} ?selected=${s.id === this.serviceId}>${serviceName(this.services, s.id, lang)}</option>`)}
        </select>
      </label>
      <label>${t(lang, 'bookDay')}
        <select name="day" ?disabled=${!days.length} @change=${(e: Event) => void this.pickDay((e.target as HTMLSelectElement).value)}>
          <option value="">—</option>
          ${days.filter((d) => d.free > 0).map((d) => html`<option value=${d.date} ?selected=${d.date === this.date}>${formatJalaliKey(d.jalali, lang)} (${localDigits(d.free, lang)})</option>`)}
        </select>
      </label>
      <label>${t(lang, 'bookTime')}
        <select name="time" ?disabled=${!this.slots.length} @change=${(e: Event) => (this.start = Number((e.target as HTMLSelectElement).value))}>
          <option value="0">—</option>
          ${this.slots.filter((s) => s.free > 0).map((s) => html`<option value=${s.start} ?selected=${s.start === this.start}>${formatClock(s.start, this.timeZone, lang)} (${localDigits(s.free, lang)})</option>`)}
        </select>
      </label>
      <label>${t(lang, 'bookMobile')}
        <input name="mobile" type="tel" dir="ltr" autocomplete="off" maxlength="20" />
      </label>
    `;
  }

  private codeStep() {
    const lang = this.language;
    return html`<p>${t(lang, 'bookCodeHelp')}</p>
      <label>${t(lang, 'bookCode')}<input name="code" inputmode="numeric" dir="ltr" autocomplete="off" maxlength="12" /></label>`;
  }

  private booked(booking: api.Booking) {
    const lang = this.language;
    const grouped = `${booking.code.slice(0, 3)}-${booking.code.slice(3, 6)}-${booking.code.slice(6)}`;
    return html`<p role="status">${t(lang, 'bookDone', { time: formatClock(booking.start, this.timeZone, lang) })}</p>
      <p class="booking-code num" dir="ltr" data-code=${booking.code}>${localDigits(grouped, lang)}</p>`;
  }

  private ready(): boolean {
    return this.phase.name === 'code' || (this.serviceId !== '' && this.start > 0);
  }

  override firstUpdated() {
    showModal(this, 'select[name="service"]');
    void this.loadBookable();
  }

  private async loadBookable() {
    const found = await Promise.all(this.services.map(async (s) => ({ id: s.id, days: await api.bookableDays(this.token, s.id).catch(() => null) })));
    this.bookable = found.flatMap((s) => (s.days?.length ? [{ id: s.id, days: s.days }] : []));
    if (!this.bookable.length) this.error = t(this.language, 'bookNothing');
  }

  private pickService(serviceId: string) {
    Object.assign(this, { serviceId, date: '', slots: [], start: 0, error: '' });
  }

  private async pickDay(date: string) {
    Object.assign(this, { date, slots: [], start: 0, error: '' });
    if (date) await this.run(async () => (this.slots = await api.freeSlots(this.token, this.serviceId, date)));
  }

  private submit(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const phase = this.phase;
    if (phase.name === 'choose') {
      const mobile = normaliseMobile(String(new FormData(form).get('mobile') ?? ''));
      if (!mobile) return void (this.error = t(this.language, 'bookMobileInvalid'));
      void this.run(async () => {
        const hold = await api.holdSlot(this.token, this.serviceId, this.start, mobile);
        this.phase = { name: 'code', holdId: hold.holdId };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLInputElement>('input[name="code"]')?.focus();
      });
    } else if (phase.name === 'code') {
      const code = toLatinDigits(String(new FormData(form).get('code') ?? '')).replace(/\D/g, '');
      void this.run(async () => {
        this.phase = { name: 'booked', booking: await api.confirmHold(this.token, phase.holdId, code) };
      });
    }
  }

  /** Runs one request, with the server's Persian refusal shown as it said it. */
  private async run(work: () => Promise<unknown>) {
    this.busy = true;
    this.error = '';
    try {
      await work();
    } catch (error) {
      this.error = error instanceof Refused ? error.message : t(this.language, 'bookUnreachable');
      if (error instanceof Refused && error.code === 'hold_expired') this.phase = { name: 'choose' };
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-booking-dialog': NbBookingDialog;
  }
}
