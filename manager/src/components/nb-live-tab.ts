import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localDigits, minutesText, numberText, waitText } from '../../../ui/format.js';
import { t, tn, type Lang } from '../i18n.js';
import type { AlertView, ManagerSnapshot } from '../state.js';
import { managerStyles } from './manager.styles.js';
import './nb-alert-list.js';

type LiveService = ManagerSnapshot['services'][number];
type LiveDesk = ManagerSnapshot['desks'][number];

/** The «امروز» tab: the office now — totals, each line with its longest wait, each desk, and the alerts. */
@customElement('nb-live-tab')
export class NbLiveTab extends LitElement {
  /** The latest office snapshot; null until the first arrives. */
  @property({ attribute: false }) live: ManagerSnapshot | null = null;
  /** Unacknowledged alerts first, then today's acknowledged ones. */
  @property({ attribute: false }) alerts: AlertView[] = [];
  /** The alert whose acknowledgement is in flight. */
  @property({ attribute: false }) acknowledging: number | null = null;
  /** The server's time now (ms), moved every second. */
  @property({ type: Number }) now = 0;
  /** The office's time zone. */
  @property() timeZone = 'Asia/Tehran';
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    managerStyles,
    css`
      .totals {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
        gap: 0.75rem;
        margin-block-end: 1rem;
      }
      .totals .panel {
        display: grid;
        gap: 0.25rem;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 1rem;
        align-items: start;
      }
      .column {
        display: grid;
        gap: 1rem;
      }
      @media (max-width: 1100px) {
        .grid {
          grid-template-columns: 1fr;
        }
      }
      td:not(:first-child) {
        white-space: nowrap;
      }
      tr.over td.longest {
        color: var(--nb-danger);
        font-weight: 800;
      }
    `,
  ];

  override render() {
    const lang = this.language;
    const live = this.live;
    if (!live) return html`<p>${t(lang, 'loading')}</p>`;
    const waiting = live.services.reduce((sum, s) => sum + s.waiting, 0);
    const oldest = Math.min(...live.services.map((s) => s.oldestIssuedAt ?? Infinity));
    const ratings = live.today.ratings;
    return html`
      <div class="totals">
        ${this.total('waiting', t(lang, 'waitingNow'), localDigits(waiting, lang))}
        ${this.total('desks-open', t(lang, 'desksOpen'), localDigits(live.desks.filter((d) => d.open && !d.pause).length, lang))}
        ${this.total('longest', t(lang, 'longestWait'), Number.isFinite(oldest) ? minutesText(this.now - oldest, lang) : t(lang, 'nobody'))}
        ${this.total('issued', t(lang, 'todayIssued'), localDigits(live.today.issued, lang))}
        ${this.total('served', t(lang, 'todayServed'), localDigits(live.today.served, lang))}
        ${this.total(
          'ratings',
          t(lang, 'ratingsToday'),
          ratings.mean === null ? t(lang, 'nobody') : t(lang, 'ratingsMean', { m: numberText(ratings.mean, lang, 1), of: localDigits(5, lang) }),
          ratings.count > 0 ? tn(lang, 'ratingsCount', ratings.count, { n: localDigits(ratings.count, lang) }) : t(lang, 'noRatings'),
        )}
      </div>
      <div class="grid">
        <div class="column">
          <div class="panel scroll">
            <h2>${t(lang, 'services')}</h2>
            <table class="services">
              <thead>
                <tr>
                  <th>${t(lang, 'service')}</th>
                  <th>${t(lang, 'waitingNow')}</th>
                  <th>${t(lang, 'desksOpen')}</th>
                  <th>${t(lang, 'longestWait')}</th>
                  <th>${t(lang, 'estimatedWait')}</th>
                  <th>${t(lang, 'target')}</th>
                </tr>
              </thead>
              <tbody>
                ${live.services.map((s) => this.serviceRow(s))}
              </tbody>
            </table>
          </div>
          <div class="panel scroll">
            <h2>${t(lang, 'desks')}</h2>
            <table class="desks">
              <thead>
                <tr>
                  <th>${t(lang, 'desk')}</th>
                  <th>${t(lang, 'status')}</th>
                  <th>${t(lang, 'staff')}</th>
                  <th>${t(lang, 'currentTicket')}</th>
                </tr>
              </thead>
              <tbody>
                ${live.desks.map((d) => this.deskRow(d))}
              </tbody>
            </table>
          </div>
        </div>
        <nb-alert-list .alerts=${this.alerts} .acknowledging=${this.acknowledging} .timeZone=${this.timeZone} .language=${lang}></nb-alert-list>
      </div>
    `;
  }

  private total(name: string, label: string, value: string, note = '') {
    return html`<div class="panel" data-total=${name}>
      <span class="muted">${label}</span><span class="figure">${value}</span>${note ? html`<span class="muted">${note}</span>` : ''}
    </div>`;
  }

  private serviceRow(s: LiveService) {
    const lang = this.language;
    const waitedMs = s.oldestIssuedAt === null ? null : this.now - s.oldestIssuedAt;
    const over = waitedMs !== null && waitedMs > s.targetWaitMinutes * 60_000;
    return html`<tr data-service=${s.id} class=${over ? 'over' : ''}>
      <td>${lang === 'en' ? s.nameEn : s.name}</td>
      <td class="waiting">${localDigits(s.waiting, lang)}</td>
      <td>${localDigits(s.desksOpen, lang)}</td>
      <td class="longest">${waitedMs === null ? t(lang, 'nobody') : minutesText(waitedMs, lang)}${over ? html` <span class="badge">${t(lang, 'overTarget')}</span>` : ''}</td>
      <td class="wait">${waitText(s, lang)}</td>
      <td>${t(lang, 'minutes', { n: localDigits(s.targetWaitMinutes, lang) })}</td>
    </tr>`;
  }

  private deskRow(d: LiveDesk) {
    const lang = this.language;
    const status = !d.open ? t(lang, 'deskClosed') : d.pause ? t(lang, 'deskPaused', { reason: t(lang, d.pause.reason as 'other') }) : d.current ? t(lang, d.current.status === 'serving' ? 'serving' : 'called') : t(lang, 'idle');
    return html`<tr data-desk=${d.id}>
      <td>${t(lang, 'deskN', { n: localDigits(d.number, lang) })}</td>
      <td class="status">${status}</td>
      <td class="staff">${d.staffName ?? t(lang, 'nobody')}</td>
      <td class="num">${d.current ? localDigits(d.current.number, lang) : t(lang, 'nobody')}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-live-tab': NbLiveTab;
  }
}
