import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ChartConfiguration } from 'chart.js';
import { Refused } from '../../../ui/http/api.js';
import { fetchHistory, type DeskFigures, type HistoryData, type ServiceFigures } from '../data/stats.js';
import { jalaliDayText, localDigits, numberText, secondsAsMinutes } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import type { DayRange } from '../state.js';
import { SERIES_COLOURS } from './nb-chart.js';
import type { Column } from './nb-sort-table.js';
import { managerStyles } from './manager.styles.js';
import './nb-chart.js';
import './nb-date-range.js';
import './nb-export-links.js';
import './nb-sort-table.js';

/** The «تاریخچه» tab: a Jalali range, charts of it (arrivals per hour, waits and service times, ratings, desks) and sortable tables. */
@customElement('nb-history-tab')
export class NbHistoryTab extends LitElement {
  /** The manager's session token. */
  @property({ attribute: false }) token = '';
  /** The days shown. */
  @property({ attribute: false }) range: DayRange = { from: '', to: '' };
  /** The server's time now (ms), for the presets' "today". */
  @property({ type: Number }) now = Date.now();
  /** The office's time zone. */
  @property() timeZone = 'Asia/Tehran';
  /** The reader's language. */
  @property() language: Lang = 'fa';

  @state() private data: HistoryData | null = null;
  @state() private failure: string | null = null;

  static override styles = [
    managerStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
        gap: 1rem;
      }
      .panel h2 {
        font-size: 1.05rem;
      }
    `,
  ];

  /** The range last asked for: the shell hands down an equal new object every second. */
  private loadedKey = '';

  protected override willUpdate(changed: PropertyValues<this>) {
    const key = `${this.token} ${this.range.from} ${this.range.to}`;
    if ((changed.has('range') || changed.has('token')) && this.token && this.range.from && key !== this.loadedKey) {
      this.loadedKey = key;
      void this.load(key);
    }
  }

  private async load(key: string) {
    const range = this.range;
    this.failure = null;
    try {
      const data = await fetchHistory(this.token, range);
      if (key === this.loadedKey) this.data = data;
    } catch (error) {
      this.failure = error instanceof Refused ? error.message : t(this.language, 'unreachable');
    }
  }

  override render() {
    const lang = this.language;
    const data = this.data;
    return html`
      <nb-date-range .range=${this.range} .now=${this.now} .timeZone=${this.timeZone} .language=${lang}></nb-date-range>
      <nb-export-links .range=${this.range} .language=${lang}></nb-export-links>
      ${this.failure ? html`<p class="warn" role="alert">${this.failure}</p>` : ''}
      ${data
        ? html`<div class="charts">
              ${this.chart('arrivals', t(lang, 'arrivalsPerHour'), this.arrivalsChart(data))} ${this.chart('waits', t(lang, 'waitAndService'), this.waitsChart(data))}
              ${this.chart('ratings', t(lang, 'ratingsOverTime'), this.ratingsChart(data))} ${this.chart('desks', t(lang, 'deskComparison'), this.desksChart(data))}
            </div>
            <div class="panel">
              <nb-sort-table class="services" .caption=${t(lang, 'services')} .columns=${this.serviceColumns()} .rows=${data.services} .locale=${lang}></nb-sort-table>
            </div>
            <div class="panel">
              <nb-sort-table class="desks" .caption=${t(lang, 'desks')} .columns=${this.deskColumns()} .rows=${data.desks} .locale=${lang}></nb-sort-table>
            </div>`
        : html`<p>${t(lang, 'loading')}</p>`}
    `;
  }

  private chart(name: string, title: string, config: ChartConfiguration | null) {
    return html`<div class="panel" data-chart=${name}>
      <h2>${title}</h2>
      ${config ? html`<nb-chart .config=${config} .label=${title}></nb-chart>` : html`<p class="muted">${t(this.language, 'statsUnavailable')}</p>`}
    </div>`;
  }

  private arrivalsChart(data: HistoryData): ChartConfiguration | null {
    if (data.arrivalsByHour.length === 0) return null;
    return this.bar(
      data.arrivalsByHour.map((h) => localDigits(h.hour, this.language)),
      [{ label: t(this.language, 'arrivals'), data: data.arrivalsByHour.map((h) => h.arrivals) }],
    );
  }

  private waitsChart(data: HistoryData): ChartConfiguration {
    const minutes = (s: number | null) => (s === null ? null : Math.round((s / 60) * 10) / 10);
    return this.bar(
      data.services.map((s) => this.serviceName(s)),
      [
        { label: t(this.language, 'meanWait'), data: data.services.map((s) => minutes(s.meanWaitSeconds)) },
        { label: t(this.language, 'meanService'), data: data.services.map((s) => minutes(s.meanServiceSeconds)) },
      ],
    );
  }

  private ratingsChart(data: HistoryData): ChartConfiguration | null {
    if (!data.ratingsByDay.some((d) => d.ratings > 0)) return null;
    const config = this.bar(
      data.ratingsByDay.map((d) => jalaliDayText(d.day, this.language)),
      [{ label: t(this.language, 'ratingMean'), data: data.ratingsByDay.map((d) => d.ratingMean) }],
    );
    return { ...config, type: 'line' };
  }

  private desksChart(data: HistoryData): ChartConfiguration | null {
    if (data.desks.length === 0) return null;
    return this.bar(
      data.desks.map((d) => this.deskName(d)),
      [
        { label: t(this.language, 'served'), data: data.desks.map((d) => d.served) },
        { label: t(this.language, 'meanServiceMinutes'), data: data.desks.map((d) => (d.meanServiceSeconds === null ? null : Math.round(d.meanServiceSeconds / 6) / 10)) },
      ],
    );
  }

  private bar(labels: string[], datasets: Array<{ label: string; data: Array<number | null> }>): ChartConfiguration {
    const lang = this.language;
    return {
      type: 'bar',
      data: { labels, datasets: datasets.map((d, i) => ({ ...d, backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length], borderColor: SERIES_COLOURS[i % SERIES_COLOURS.length] })) },
      options: {
        locale: lang === 'fa' ? 'fa-IR' : 'en-GB',
        plugins: { legend: { rtl: lang === 'fa', position: 'bottom' }, tooltip: { rtl: lang === 'fa' } },
        scales: { x: { reverse: lang === 'fa' }, y: { beginAtZero: true } },
      },
    };
  }

  private serviceColumns(): Array<Column<ServiceFigures>> {
    const lang = this.language;
    const count = (n: number) => localDigits(n, lang);
    return [
      { key: 'name', label: t(lang, 'service'), value: (s) => this.serviceName(s) },
      { key: 'issued', label: t(lang, 'issued'), value: (s) => s.issued, text: (s) => count(s.issued) },
      { key: 'served', label: t(lang, 'served'), value: (s) => s.served, text: (s) => count(s.served) },
      { key: 'noShows', label: t(lang, 'noShows'), value: (s) => s.noShows, text: (s) => count(s.noShows) },
      { key: 'meanWait', label: t(lang, 'meanWait'), value: (s) => s.meanWaitSeconds, text: (s) => secondsAsMinutes(s.meanWaitSeconds, lang) },
      { key: 'p90Wait', label: t(lang, 'p90Wait'), value: (s) => s.p90WaitSeconds, text: (s) => secondsAsMinutes(s.p90WaitSeconds, lang) },
      { key: 'meanService', label: t(lang, 'meanService'), value: (s) => s.meanServiceSeconds, text: (s) => secondsAsMinutes(s.meanServiceSeconds, lang) },
      { key: 'ratingMean', label: t(lang, 'ratingMean'), value: (s) => s.ratingMean, text: (s) => (s.ratingMean === null ? '—' : numberText(s.ratingMean, lang, 1)) },
    ];
  }

  private deskColumns(): Array<Column<DeskFigures>> {
    const lang = this.language;
    return [
      { key: 'name', label: t(lang, 'desk'), value: (d) => this.deskName(d) },
      { key: 'served', label: t(lang, 'served'), value: (d) => d.served, text: (d) => localDigits(d.served, lang) },
      { key: 'meanService', label: t(lang, 'meanService'), value: (d) => d.meanServiceSeconds, text: (d) => secondsAsMinutes(d.meanServiceSeconds, lang) },
      { key: 'ratings', label: t(lang, 'ratings'), value: (d) => d.ratings, text: (d) => localDigits(d.ratings, lang) },
      { key: 'ratingMean', label: t(lang, 'ratingMean'), value: (d) => d.ratingMean, text: (d) => (d.ratingMean === null ? '—' : numberText(d.ratingMean, lang, 1)) },
    ];
  }

  private deskName(d: DeskFigures): string {
    return this.language === 'en' ? d.nameEn : d.name;
  }

  private serviceName(s: ServiceFigures): string {
    return this.language === 'en' ? s.nameEn : s.name;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-history-tab': NbHistoryTab;
  }
}
