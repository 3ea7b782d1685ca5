// The organisation's screen: a person of the organisation signs in; the offices within their reach
// are listed live (polled, one request at a time), and the indicators report for a Jalali period is
// shown for the organisation, a province or one office, printable as it stands.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { OrgIndicatorsReport } from '../../server/central/org/indicators.js';
import { isoToJalaliInput, jalaliInputToIso, presetRange, todayIso, type DayRange } from '../../ui/dates.js';
import { jalaliDayText, localDigits, numberText, secondsAsMinutes } from '../../ui/format.js';
import { Refused, SessionExpired, send } from '../../ui/http/api.js';
import { sessionSlot } from '../../ui/http/session-slot.js';
import { baseStyles } from '../../ui/styles/base.styles.js';
import { applyDocumentLanguage, t, type Lang } from './i18n.js';

const TIME_ZONE = 'Asia/Tehran';
const POLL_MS = 15_000;
/** An office silent this long is shown as stale. */
const STALE_MINUTES = 5;

interface Session {
  token: string;
  user: { id: number; name: string; role: 'org_admin' | 'province_manager' | 'auditor'; province: string | null };
}

interface OfficeRow {
  id: number;
  name: string;
  province: string;
  lastSyncAt: string | null;
  waiting: number | null;
  desksOpen: number | null;
  enrolled: boolean;
  revoked: boolean;
}

const slot = sessionSlot<Session>('nobat.org.session');

@customElement('nb-org-app')
export class NbOrgApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; padding: 1rem 1.5rem; }
      header { display: flex; gap: 1rem; align-items: center; justify-content: space-between; }
      section { background: var(--nb-surface); border: 1px solid var(--nb-line); border-radius: 8px; padding: 1rem; margin-block: 1rem; }
      table { border-collapse: collapse; width: 100%; }
      th, td { border-bottom: 1px solid var(--nb-line); padding: 0.4rem 0.6rem; text-align: start; }
      td.n { font-variant-numeric: tabular-nums; }
      tr.stale td { background: var(--nb-warn-bg); color: var(--nb-warn-text); }
      .flag { font-weight: 700; color: var(--nb-warn-text); }
      .error { color: #8a1c1c; font-weight: 700; }
      form, .controls { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
      label { display: grid; gap: 0.25rem; }
      input, select, button { font: inherit; padding: 0.5rem 0.75rem; min-height: 2.5rem; }
      button { cursor: pointer; }
      .muted { color: var(--nb-muted); }
      @media print {
        :host { padding: 0; }
        header button, .controls, .offices, .no-print { display: none; }
        section { border: none; padding: 0; }
      }
    `,
  ];

  @state() private language: Lang = 'fa';
  @state() private session: Session | null = slot.load();
  @state() private error = '';
  @state() private offices: OfficeRow[] | null = null;
  @state() private officesAt = 0;
  @state() private range: DayRange = presetRange('month', todayIso(Date.now(), TIME_ZONE));
  @state() private province = '';
  @state() private officeId = '';
  @state() private report: OrgIndicatorsReport | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    applyDocumentLanguage(this.language, t(this.language, 'title'));
    if (this.session) this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.pollTimer);
  }

  private start(): void {
    void this.pollOffices();
    void this.loadReport();
  }

  private async call<T>(path: string): Promise<T | null> {
    try {
      return await send<T>('GET', path, { token: this.session?.token, giveUpAfterMs: 10_000 });
    } catch (error) {
      if (error instanceof SessionExpired) this.signOut(t(this.language, 'sessionEnded'));
      else this.error = error instanceof Refused ? error.message : t(this.language, 'unreachable');
      return null;
    }
  }

  /** One request at a time; the next only once this one has answered. */
  private async pollOffices(): Promise<void> {
    clearTimeout(this.pollTimer);
    const rows = await this.call<OfficeRow[]>('/org/offices');
    if (!this.session) return;
    if (rows) {
      this.offices = rows;
      this.officesAt = Date.now();
    }
    this.pollTimer = setTimeout(() => void this.pollOffices(), POLL_MS);
  }

  private async loadReport(): Promise<void> {
    const query = new URLSearchParams({ from: this.range.from, to: this.range.to });
    if (this.province) query.set('province', this.province);
    if (this.officeId) query.set('office', this.officeId);
    const report = await this.call<OrgIndicatorsReport>(`/org/stats/indicators?${query}`);
    if (report) {
      this.report = report;
      this.error = '';
    }
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    try {
      const session = await send<Session>('POST', '/auth/login', { body: { username: form.get('username'), password: form.get('password') } });
      slot.save(session);
      this.session = session;
      this.error = '';
      this.start();
    } catch (error) {
      this.error = error instanceof Refused ? error.message : t(this.language, 'unreachable');
    }
  }

  private signOut(message = ''): void {
    clearTimeout(this.pollTimer);
    slot.forget();
    this.session = null;
    this.offices = null;
    this.report = null;
    this.error = message;
  }

  private choosePreset(preset: 'month' | 'lastMonth'): void {
    this.range = presetRange(preset, todayIso(Date.now(), TIME_ZONE));
    void this.loadReport();
  }

  private chooseRange(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const from = jalaliInputToIso(String(form.get('from')));
    const to = jalaliInputToIso(String(form.get('to')));
    if (!from || !to || from > to) {
      this.error = t(this.language, 'badDate');
      return;
    }
    this.range = { from, to };
    void this.loadReport();
  }

  override render() {
    const lang = this.language;
    if (!this.session) return this.renderSignIn();
    const { user } = this.session;
    return html`
      <header>
        <h1>${t(lang, 'title')} — ${user.name}</h1>
        <span>${t(lang, `role_${user.role}`, { province: user.province ?? '' })}</span>
        <button type="button" @click=${() => this.signOut()}>${t(lang, 'signOut')}</button>
      </header>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.renderOffices()} ${this.renderReport()}
    `;
  }

  private renderSignIn() {
    const lang = this.language;
    return html`
      <section>
        <h1>${t(lang, 'signInTitle')}</h1>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <form @submit=${(e: SubmitEvent) => void this.signIn(e)}>
          <label>${t(lang, 'username')}<input name="username" autocomplete="username" required /></label>
          <label>${t(lang, 'password')}<input name="password" type="password" autocomplete="current-password" required /></label>
          <button type="submit">${t(lang, 'signIn')}</button>
        </form>
      </section>
    `;
  }

  private syncText(office: OfficeRow, now: number): { text: string; stale: boolean } {
    const lang = this.language;
    if (office.revoked) return { text: t(lang, 'revoked'), stale: true };
    if (!office.lastSyncAt) return { text: office.enrolled ? t(lang, 'neverSynced') : t(lang, 'notEnrolled'), stale: true };
    const minutes = Math.round((Date.parse(office.lastSyncAt) - now) / 60_000);
    const text = new Intl.RelativeTimeFormat(lang === 'fa' ? 'fa-IR' : 'en-GB', { numeric: 'auto' }).format(minutes, 'minute');
    const stale = -minutes > STALE_MINUTES;
    return { text: stale ? `${text} — ${t(lang, 'stale', { minutes: localDigits(STALE_MINUTES, lang) })}` : text, stale };
  }

  private renderOffices() {
    const lang = this.language;
    const offices = this.offices;
    const count = (n: number | null) => (n === null ? '—' : numberText(n, lang));
    return html`
      <section class="offices" aria-labelledby="offices-title">
        <h2 id="offices-title">${t(lang, 'offices')}</h2>
        ${offices === null
          ? html`<p>${t(lang, 'loading')}</p>`
          : offices.length === 0
            ? html`<p>${t(lang, 'noOffices')}</p>`
            : html`<table>
                <thead><tr><th>${t(lang, 'office')}</th><th>${t(lang, 'province')}</th><th>${t(lang, 'lastSync')}</th><th>${t(lang, 'waitingNow')}</th><th>${t(lang, 'desksOpen')}</th></tr></thead>
                <tbody>
                  ${offices.map((o) => {
                    const sync = this.syncText(o, this.officesAt);
                    return html`<tr class=${sync.stale ? 'stale' : ''} data-office=${o.id}>
                      <td>${o.name}</td><td>${o.province}</td><td class="sync">${sync.text}</td>
                      <td class="n waiting">${count(o.waiting)}</td><td class="n desks">${count(o.desksOpen)}</td>
                    </tr>`;
                  })}
                </tbody>
              </table>
              <p class="muted">${t(lang, 'updatedAt', { time: new Intl.DateTimeFormat(lang === 'fa' ? 'fa-IR' : 'en-GB', { timeStyle: 'medium', timeZone: TIME_ZONE }).format(this.officesAt) })}</p>`}
      </section>
    `;
  }

  private renderReport() {
    const lang = this.language;
    const provinces = [...new Set((this.offices ?? []).map((o) => o.province))];
    const inProvince = (this.offices ?? []).filter((o) => !this.province || o.province === this.province);
    const mayChooseProvince = this.session?.user.province === null;
    return html`
      <section aria-labelledby="report-title">
        <h2 id="report-title">${t(lang, 'report')}</h2>
        <div class="controls">
          <button type="button" @click=${() => this.choosePreset('month')}>${t(lang, 'thisMonth')}</button>
          <button type="button" @click=${() => this.choosePreset('lastMonth')}>${t(lang, 'lastMonth')}</button>
          <form @submit=${(e: SubmitEvent) => this.chooseRange(e)}>
            <label>${t(lang, 'from')}<input name="from" inputmode="numeric" .value=${localDigits(isoToJalaliInput(this.range.from), lang)} /></label>
            <label>${t(lang, 'to')}<input name="to" inputmode="numeric" .value=${localDigits(isoToJalaliInput(this.range.to), lang)} /></label>
            <button type="submit">${t(lang, 'show')}</button>
          </form>
          ${mayChooseProvince
            ? html`<label>${t(lang, 'province')}
                <select name="province" @change=${(e: Event) => { this.province = (e.target as HTMLSelectElement).value; this.officeId = ''; void this.loadReport(); }}>
                  <option value="">${t(lang, 'wholeOrg')}</option>
                  ${provinces.map((p) => html`<option value=${p} ?selected=${p === this.province}>${p}</option>`)}
                </select></label>`
            : nothing}
          <label>${t(lang, 'office')}
            <select name="office" @change=${(e: Event) => { this.officeId = (e.target as HTMLSelectElement).value; void this.loadReport(); }}>
              <option value="">${t(lang, 'allOffices')}</option>
              ${inProvince.map((o) => html`<option value=${String(o.id)} ?selected=${String(o.id) === this.officeId}>${o.name}</option>`)}
            </select></label>
          <button type="button" @click=${() => window.print()}>${t(lang, 'print')}</button>
        </div>
        ${this.report ? this.renderFigures(this.report) : html`<p>${t(lang, 'loading')}</p>`}
      </section>
    `;
  }

  private renderFigures(report: OrgIndicatorsReport) {
    const lang = this.language;
    const n = (value: number) => numberText(value, lang);
    const share = (value: number | null) => (value === null ? '—' : `${numberText(value * 100, lang)}٪`);
    const longest = (pick: (o: OrgIndicatorsReport['offices'][number]) => number | null) => {
      const ranked = report.offices.filter((o) => pick(o) !== null).sort((a, b) => pick(b)! - pick(a)!);
      return report.offices.length > 1 ? ranked[0]?.id : undefined;
    };
    const longestMean = longest((o) => o.waitSeconds.mean);
    const longestP90 = longest((o) => o.waitSeconds.p90);
    const row = (name: string, f: OrgIndicatorsReport['total'], flags: string[]) => html`
      <td>${name}${flags.map((flag) => html` <span class="flag">(${flag})</span>`)}</td>
      <td class="n issued">${n(f.issued)}</td><td class="n served">${n(f.served)}</td><td class="n">${n(f.noShows)}</td>
      <td class="n mean-wait">${secondsAsMinutes(f.waitSeconds.mean, lang)}</td><td class="n p90-wait">${secondsAsMinutes(f.waitSeconds.p90, lang)}</td>
      <td class="n">${secondsAsMinutes(f.serviceSeconds.mean, lang)}</td><td class="n">${share(f.accuracy.withinRangeShare)}</td>`;
    return html`
      <p class="period">${t(lang, 'period', { from: jalaliDayText(report.period.from, lang), to: jalaliDayText(report.period.to, lang) })}</p>
      <table class="per-office">
        <thead><tr><th>${t(lang, 'office')}</th><th>${t(lang, 'issued')}</th><th>${t(lang, 'served')}</th><th>${t(lang, 'noShows')}</th><th>${t(lang, 'meanWait')}</th><th>${t(lang, 'p90Wait')}</th><th>${t(lang, 'meanService')}</th><th>${t(lang, 'withinPromise')}</th></tr></thead>
        <tbody>
          ${report.offices.map((o) => html`<tr data-office=${o.id}>${row(`${o.name} (${o.province})`, o, [...(o.id === longestMean ? [t(lang, 'longestMean')] : []), ...(o.id === longestP90 ? [t(lang, 'longestP90')] : [])])}</tr>`)}
        </tbody>
        <tfoot><tr class="total">${row(t(lang, 'total'), report.total, [])}</tr></tfoot>
      </table>
      <h3>${t(lang, 'perService')}</h3>
      <table class="per-service">
        <thead><tr><th>${t(lang, 'service')}</th><th>${t(lang, 'perMonth')}</th><th>${t(lang, 'served')}</th><th>${t(lang, 'meanWait')}</th><th>${t(lang, 'p90Wait')}</th><th>${t(lang, 'meanService')}</th></tr></thead>
        <tbody>
          ${report.serviceTime.map((s) => {
            const visits = report.visitorsPerMonth.find((v) => v.serviceId === s.serviceId);
            return html`<tr><td>${s.serviceId}</td><td class="n">${numberText(visits?.perMonth ?? 0, lang, 1)}</td><td class="n">${n(s.served)}</td>
              <td class="n">${secondsAsMinutes(s.meanWaitSeconds, lang)}</td><td class="n">${secondsAsMinutes(s.p90WaitSeconds, lang)}</td><td class="n">${secondsAsMinutes(s.meanSeconds, lang)}</td></tr>`;
          })}
        </tbody>
      </table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-org-app': NbOrgApp;
  }
}
