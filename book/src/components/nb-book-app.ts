import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { maskMobile } from '../../../server/messages/mobile.js';
import { formatClock, formatJalaliDate, localDigits, type Lang } from '../../../server/time/persian.js';
import { applyDocumentLanguage, LANGUAGES } from '../../../ui/i18n.js';
import * as api from '../data/appointments.js';
import { Refused } from '../data/request.js';
import { bt, errorText, type BookKey } from '../i18n.js';
import { serviceName, type BookState, type Step } from '../state.js';
import { bookStyles } from './book.styles.js';
import { appStyles } from './nb-book-app.styles.js';
import './nb-booking-card.js';
import './nb-code-form.js';
import './nb-day-picker.js';
import './nb-mobile-form.js';
import './nb-service-list.js';
import './nb-slot-list.js';

const LANG_KEY = 'nobat.book.lang';
const STEPS: Array<{ names: Step['name'][]; word: BookKey }> = [
  { names: ['service'], word: 'stepService' },
  { names: ['day'], word: 'stepDay' },
  { names: ['slot'], word: 'stepTime' },
  { names: ['mobile'], word: 'stepMobile' },
  { names: ['code'], word: 'stepConfirm' },
];

/** Refusals after which the chosen time is gone: the visitor goes back to the day's times, fetched again. */
const TIME_GONE = new Set(['slot_full', 'slot_unavailable', 'hold_expired']);

/**
 * The public booking page's shell: holds the one state object, talks to the server through
 * data/appointments.ts, and moves the visitor through «service → day → time → mobile → code», or
 * shows a booking found by its code. Focus moves to each step's heading, so a screen reader says where
 * the visitor is.
 */
@customElement('nb-book-app')
export class NbBookApp extends LitElement {
  @state() private state: BookState = {
    lang: pickLanguage(),
    office: { name: '', nameEn: null, timeZone: 'Asia/Tehran' },
    services: [],
    step: { name: 'loading' },
    busy: false,
    error: null,
    notice: null,
    replacing: null,
  };
  private names = new Map<string, { name: string; nameEn: string | null }>();
  @query('h2') private heading: HTMLElement | undefined;

  static override styles = [bookStyles, appStyles];

  override connectedCallback() {
    super.connectedCallback();
    applyDocumentLanguage(this.state.lang, bt(this.state.lang, 'title'));
    void this.load();
  }

  override render() {
    const { lang, office } = this.state;
    const other: Lang = lang === 'fa' ? 'en' : 'fa';
    return html`
      <header>
        <p class="office" dir="auto">${lang === 'en' && office.nameEn ? office.nameEn : office.name}</p>
        <button class="secondary" lang=${other} @click=${() => this.setLang(other)}>${LANGUAGES[other].label}</button>
      </header>
      <h1>${bt(lang, 'heading')}</h1>
      ${this.progress()}
      ${this.state.error ? html`<p class="error" role="alert">${this.state.error}</p>` : nothing}
      ${this.state.notice ? html`<p class="notice" role="status">${this.state.notice}</p>` : nothing}
      <main>${this.stepView()}</main>
    `;
  }

  override updated(changed: Map<string, unknown>) {
    const before = changed.get('state') as BookState | undefined;
    if (before && before.step.name !== this.state.step.name) this.heading?.focus();
  }

  private progress() {
    const { step, lang } = this.state;
    const at = STEPS.findIndex((s) => s.names.includes(step.name));
    if (at < 0) return nothing;
    return html`<ol class="steps" aria-label=${bt(lang, 'heading')}>
      ${STEPS.map((s, i) => html`<li class=${i < at ? 'done' : ''} aria-current=${i === at ? 'step' : 'false'}>${bt(lang, s.word)}</li>`)}
    </ol>`;
  }

  private stepView() {
    const { lang, step, busy, office } = this.state;
    const back = html`<button class="secondary" data-action="back" @click=${() => this.back()}>${bt(lang, 'back')}</button>`;
    switch (step.name) {
      case 'loading':
        return html`<p role="status">${bt(lang, 'loading')}</p>`;
      case 'service':
        return html`<h2 tabindex="-1">${bt(lang, 'chooseService')}</h2>
          <nb-service-list .services=${this.state.services} .language=${lang} @nb-pick-service=${(e: CustomEvent<{ serviceId: string }>) => this.pickService(e.detail.serviceId)}></nb-service-list>
          <div class="below"><button class="secondary" data-action="lookup" @click=${() => this.go({ name: 'lookup' })}>${bt(lang, 'manage')}</button></div>`;
      case 'day': {
        const service = this.state.services.find((s) => s.id === step.serviceId);
        return html`<h2 tabindex="-1">${bt(lang, 'chooseDay')}</h2>
          ${this.state.replacing ? html`<p class="chosen">${bt(lang, 'rescheduling')}</p>` : this.chosen(step.serviceId)}
          <nb-day-picker .days=${service?.days ?? []} .language=${lang} @nb-pick-day=${(e: CustomEvent<{ date: string }>) => this.pickDay(step.serviceId, e.detail.date)}></nb-day-picker>
          <div class="below">${back}</div>`;
      }
      case 'slot':
        return html`<h2 tabindex="-1">${bt(lang, 'chooseTime')}</h2>
          ${this.chosen(step.serviceId, formatJalaliDate(Date.parse(`${step.date}T12:00:00Z`), 'UTC', lang, { weekday: true }))}
          <nb-slot-list .slots=${step.slots} .timeZone=${office.timeZone} .language=${lang} @nb-pick-slot=${(e: CustomEvent<{ slot: api.FreeSlot }>) => this.pickSlot(step, e.detail.slot)}></nb-slot-list>
          <div class="below">${back}</div>`;
      case 'mobile':
        return html`<h2 tabindex="-1">${bt(lang, 'mobileLabel')}</h2>
          ${this.chosen(step.serviceId, this.timeText(step.slot.start))}
          <nb-mobile-form .language=${lang} ?busy=${busy} @nb-send-mobile=${(e: CustomEvent<{ mobile: string }>) => this.sendMobile(step, e.detail.mobile)}></nb-mobile-form>
          <div class="below">${back}</div>`;
      case 'code':
        return html`<h2 tabindex="-1">${bt(lang, 'codeLabel')}</h2>
          ${this.chosen(step.serviceId, this.timeText(step.slot.start))}
          <nb-code-form
            purpose="otp"
            .language=${lang}
            ?busy=${busy}
            .help=${bt(lang, 'codeHelp', { mobile: maskedMobile(step.mobile, lang), until: formatClock(step.hold.expiresAt, office.timeZone, lang) })}
            @nb-confirm-code=${(e: CustomEvent<{ code: string }>) => this.confirmCode(step, e.detail.code)}
          ></nb-code-form>
          <div class="below"><button class="secondary" data-action="back" @click=${() => this.back()}>${bt(lang, 'changeMobile')}</button></div>`;
      case 'lookup':
        return html`<h2 tabindex="-1">${bt(lang, 'manageLabel')}</h2>
          <nb-code-form purpose="lookup" .language=${lang} ?busy=${busy} .help=${bt(lang, 'manageHelp')} @nb-find-booking=${(e: CustomEvent<{ code: string }>) => this.find(e.detail.code)}></nb-code-form>
          <div class="below">${back}</div>`;
      case 'booked':
      case 'view':
        return html`<h2 tabindex="-1">${bt(lang, step.name === 'booked' ? 'booked' : 'manageHeading')}</h2>
          <nb-booking-card
            .booking=${step.booking}
            .serviceLabel=${this.serviceLabel(step.booking.serviceId)}
            .timeZone=${office.timeZone}
            .language=${lang}
            ?busy=${busy}
            @nb-cancel-booking=${(e: CustomEvent<{ code: string }>) => this.cancel(e.detail.code)}
            @nb-reschedule=${(e: CustomEvent<{ code: string; serviceId: string }>) => this.reschedule(e.detail.code, e.detail.serviceId)}
            @nb-start-over=${() => this.startOver()}
          ></nb-booking-card>`;
    }
  }

  /** What the visitor chose so far, under the heading. */
  private chosen(serviceId: string, more?: string) {
    const parts = [this.serviceLabel(serviceId), ...(more ? [more] : [])];
    return html`<p class="chosen">${parts.join(' — ')}</p>`;
  }

  private serviceLabel(serviceId: string): string {
    const names = this.names.get(serviceId);
    return names ? serviceName(names, this.state.lang) : serviceId;
  }

  private timeText(start: number): string {
    const { office, lang } = this.state;
    return `${formatJalaliDate(start, office.timeZone, lang, { weekday: true })} ${formatClock(start, office.timeZone, lang)}`;
  }

  private set(patch: Partial<BookState>) {
    this.state = { ...this.state, ...patch };
  }

  /** Moves to `step`, clearing the last error and notice. */
  private go(step: Step, patch: Partial<BookState> = {}) {
    this.set({ step, error: null, notice: null, busy: false, ...patch });
  }

  private fail(error: unknown, patch: Partial<BookState> = {}) {
    const { lang } = this.state;
    const text = error instanceof Refused ? errorText(lang, error) : bt(lang, 'unreachable');
    this.set({ busy: false, error: text, notice: null, ...patch });
  }

  private setLang(lang: Lang) {
    localStorage.setItem(LANG_KEY, lang);
    const address = new URL(location.href);
    address.searchParams.set('lang', lang);
    history.replaceState(null, '', address);
    applyDocumentLanguage(lang, bt(lang, 'title'));
    // A refusal already shown stays in the language it was given in until the next step.
    this.set({ lang });
  }

  private async load() {
    try {
      const [office, services] = await Promise.all([api.officeName(), api.serviceNames()]);
      this.names = new Map(services.map((s) => [s.id, s]));
      // A service takes bookings when it has bookable days; the server refuses the others.
      const withDays = await Promise.all(services.map(async (s) => ({ id: s.id, name: s.name, nameEn: s.nameEn, days: await api.bookableDays(s.id).catch(() => null) })));
      this.set({ office, services: withDays.flatMap((s) => (s.days && s.days.some((d) => d.free > 0) ? [{ ...s, days: s.days }] : [])) });
      const code = new URLSearchParams(location.search).get('code');
      if (code) return this.find(code);
      this.go({ name: 'service' });
    } catch (error) {
      this.fail(error, { step: { name: 'service' } });
    }
  }

  private async refreshDays(serviceId: string) {
    const days = await api.bookableDays(serviceId);
    const services = this.state.services.map((s) => (s.id === serviceId ? { ...s, days } : s));
    if (!services.some((s) => s.id === serviceId)) {
      const names = this.names.get(serviceId);
      if (names) services.push({ id: serviceId, name: names.name, nameEn: names.nameEn, days });
    }
    this.set({ services });
  }

  private async pickService(serviceId: string) {
    this.go({ name: 'day', serviceId });
    await this.refreshDays(serviceId).catch((error: unknown) => this.fail(error));
  }

  private async pickDay(serviceId: string, date: string, keepError = false) {
    const error = keepError ? this.state.error : null;
    this.go({ name: 'slot', serviceId, date, slots: null }, { error });
    try {
      const slots = await api.freeSlots(serviceId, date);
      this.set({ step: { name: 'slot', serviceId, date, slots } });
    } catch (failure) {
      this.fail(failure, { step: { name: 'slot', serviceId, date, slots: [] } });
    }
  }

  private async pickSlot(step: Extract<Step, { name: 'slot' }>, slot: api.FreeSlot) {
    const code = this.state.replacing;
    if (!code) return this.go({ name: 'mobile', serviceId: step.serviceId, date: step.date, slot });
    this.set({ busy: true, error: null });
    try {
      const booking = await api.rescheduleBooking(code, slot.start);
      this.go({ name: 'view', booking }, { replacing: null, notice: bt(this.state.lang, 'rescheduled') });
      void this.refreshDays(step.serviceId).catch(() => undefined);
    } catch (error) {
      this.fail(error);
      if (error instanceof Refused && TIME_GONE.has(error.code)) void this.pickDay(step.serviceId, step.date, true);
    }
  }

  private async sendMobile(step: Extract<Step, { name: 'mobile' }>, mobile: string) {
    this.set({ busy: true, error: null });
    try {
      const hold = await api.holdSlot(step.serviceId, step.slot.start, mobile);
      this.go({ ...step, name: 'code', mobile, hold });
    } catch (error) {
      this.fail(error);
      if (error instanceof Refused && TIME_GONE.has(error.code)) void this.pickDay(step.serviceId, step.date, true);
    }
  }

  private async confirmCode(step: Extract<Step, { name: 'code' }>, code: string) {
    this.set({ busy: true, error: null });
    try {
      const booking = await api.confirmHold(step.hold.holdId, code);
      this.showBooking(booking, 'booked');
      void this.refreshDays(step.serviceId).catch(() => undefined);
    } catch (error) {
      this.fail(error);
      if (error instanceof Refused && TIME_GONE.has(error.code)) void this.pickDay(step.serviceId, step.date, true);
    }
  }

  private async find(code: string) {
    this.set({ busy: true, error: null });
    try {
      this.showBooking(await api.readBooking(code), 'view');
    } catch (error) {
      this.fail(error, { step: { name: 'lookup' } });
    }
  }

  private async cancel(code: string) {
    this.set({ busy: true, error: null });
    try {
      const booking = await api.cancelBooking(code);
      this.showBooking(booking, 'view', bt(this.state.lang, 'cancelled'));
    } catch (error) {
      this.fail(error);
    }
  }

  private async reschedule(code: string, serviceId: string) {
    this.go({ name: 'day', serviceId }, { replacing: code });
    await this.refreshDays(serviceId).catch((error: unknown) => this.fail(error));
  }

  /** Shows a booking, and keeps its code in the address so that a reload or a bookmark finds it again. */
  private showBooking(booking: api.Booking, name: 'booked' | 'view', notice: string | null = null) {
    const address = new URL(location.href);
    address.searchParams.set('code', booking.code);
    history.replaceState(null, '', address);
    this.go({ name, booking }, { notice, replacing: null });
  }

  private startOver() {
    const address = new URL(location.href);
    address.searchParams.delete('code');
    history.replaceState(null, '', address);
    this.go({ name: 'service' }, { replacing: null });
  }

  private back() {
    const { step, replacing } = this.state;
    switch (step.name) {
      case 'day':
        if (replacing) return void this.find(replacing);
        return this.go({ name: 'service' });
      case 'slot':
        return this.go({ name: 'day', serviceId: step.serviceId });
      case 'mobile':
        return void this.pickDay(step.serviceId, step.date);
      case 'code':
        return this.go({ name: 'mobile', serviceId: step.serviceId, date: step.date, slot: step.slot });
      default:
        return this.go({ name: 'service' });
    }
  }
}

/** 09123456789 → «۰۹۱۲•••۶۷۸۹»: enough for the visitor to recognise it, no more on the screen. */
function maskedMobile(mobile: string, lang: Lang): string {
  return localDigits(maskMobile(mobile), lang);
}

/** The address's `?lang=`, else the one chosen here before, else Persian (a phone set to English is no guide). */
function pickLanguage(): Lang {
  for (const lang of [new URLSearchParams(location.search).get('lang'), localStorage.getItem(LANG_KEY)]) if (lang === 'fa' || lang === 'en') return lang;
  return 'fa';
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-book-app': NbBookApp;
  }
}
