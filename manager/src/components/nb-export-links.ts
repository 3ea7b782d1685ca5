import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { exportUrls } from '../data/stats.js';
import { t, type Lang } from '../i18n.js';
import type { DayRange } from '../state.js';
import { managerStyles } from './manager.styles.js';

/**
 * Downloads of a range: the statistics and the indicators Excel workbooks (each labelled by what it
 * holds), the tickets as CSV, and the printable indicators report.
 */
@customElement('nb-export-links')
export class NbExportLinks extends LitElement {
  /** The days exported. */
  @property({ attribute: false }) range: DayRange = { from: '', to: '' };
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    managerStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      a {
        display: inline-flex;
        align-items: center;
        min-block-size: 44px;
        padding-inline: 1rem;
        border-radius: 10px;
        border: 2px solid var(--nb-brand);
        color: var(--nb-brand);
        font-weight: 600;
        text-decoration: none;
        background: var(--nb-surface);
      }
      a:focus-visible {
        outline: 3px solid #f0a500;
      }
    `,
  ];

  override render() {
    const lang = this.language;
    const urls = exportUrls(this.range);
    return html`
      <a data-export="xlsx" href=${urls.xlsx} download>${t(lang, 'exportXlsx')}</a>
      <a data-export="indicators-xlsx" href=${urls.indicatorsXlsx} download>${t(lang, 'exportIndicatorsXlsx')}</a>
      <a data-export="csv" href=${urls.csv} download>${t(lang, 'exportCsv')}</a>
      <a data-export="printable" href=${urls.printable} target="_blank" rel="noopener">${t(lang, 'printable')}</a>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-export-links': NbExportLinks;
  }
}
