import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { exportUrls } from '../data/stats.js';
import { t, type Lang } from '../i18n.js';
import type { DayRange } from '../state.js';
import { managerStyles } from './manager.styles.js';
import './nb-date-range.js';
import './nb-export-links.js';

/** The «گزارش شاخص‌ها» tab: the citizens' rights indicators report of a range, embedded, with its exports. */
@customElement('nb-report-tab')
export class NbReportTab extends LitElement {
  /** The days reported. */
  @property({ attribute: false }) range: DayRange = { from: '', to: '' };
  /** The server's time now (ms), for the presets' "today". */
  @property({ type: Number }) now = Date.now();
  /** The office's time zone. */
  @property() timeZone = 'Asia/Tehran';
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    managerStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      iframe {
        inline-size: 100%;
        block-size: 70vh;
        border: 1px solid var(--nb-line);
        border-radius: 10px;
        background: #fff;
      }
    `,
  ];

  override render() {
    const lang = this.language;
    return html`
      <p>${t(lang, 'reportIntro')}</p>
      <nb-date-range .range=${this.range} .now=${this.now} .timeZone=${this.timeZone} .language=${lang}></nb-date-range>
      <nb-export-links .range=${this.range} .language=${lang}></nb-export-links>
      ${this.range.from ? html`<iframe title=${t(lang, 'tabReport')} src=${exportUrls(this.range).printable}></iframe>` : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-report-tab': NbReportTab;
  }
}
