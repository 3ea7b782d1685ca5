import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localDigits, minutesText, timerText } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import type { DeskView } from '../state.js';
import { staffStyles } from '../../../ui/styles/staff.styles.js';

/** The desk's own day so far: visitors served, no-shows and the average service time. */
@customElement('nb-today-counts')
export class NbTodayCounts extends LitElement {
  /** The desk's counts for today. */
  @property({ attribute: false }) today!: DeskView['today'];
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    staffStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.75rem;
        margin: 0;
      }
      div {
        display: grid;
        gap: 0.15rem;
      }
      dt {
        color: var(--nb-muted);
        font-size: 0.95rem;
      }
      dd {
        margin: 0;
        font-size: 1.6rem;
        font-weight: 800;
      }
    `,
  ];

  override render() {
    const { today, language: lang } = this;
    const mean = today.meanServiceSeconds;
    return html`<section class="panel" aria-labelledby="today-title">
      <h2 id="today-title">${t(lang, 'today')}</h2>
      <dl>
        <div><dt>${t(lang, 'served')}</dt><dd class="served num">${localDigits(today.served, lang)}</dd></div>
        <div><dt>${t(lang, 'noShows')}</dt><dd class="no-shows num">${localDigits(today.noShows, lang)}</dd></div>
        <div>
          <dt>${t(lang, 'meanService')}</dt>
          <dd class="mean num">${mean === null ? '—' : mean < 60 ? timerText(mean * 1000, lang) : minutesText(mean * 1000, lang)}</dd>
        </div>
      </dl>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-today-counts': NbTodayCounts;
  }
}
