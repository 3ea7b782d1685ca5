import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PRESETS, isoToJalaliInput, jalaliInputToIso, presetRange, todayIso, type Preset } from '../../../ui/dates.js';
import { emit } from '../events.js';
import { jalaliDayText, localDigits } from '../../../ui/format.js';
import { t, type Lang, type MessageKey } from '../i18n.js';
import type { DayRange } from '../state.js';
import { managerStyles } from './manager.styles.js';

const PRESET_LABELS: Record<Preset, MessageKey> = {
  today: 'presetToday',
  week: 'presetWeek',
  month: 'presetMonth',
  lastMonth: 'presetLastMonth',
  year: 'presetYear',
};

/**
 * A Jalali date range: presets (today, this week, this month, last month, this year) or two dates
 * typed as ۱۴۰۵/۰۹/۰۱. Shows the chosen range in words.
 * @event nb-set-range - A new range was chosen.
 */
@customElement('nb-date-range')
export class NbDateRange extends LitElement {
  /** The range shown now. */
  @property({ attribute: false }) range: DayRange = { from: '', to: '' };
  /** The server's time now (ms), for "today". */
  @property({ type: Number }) now = Date.now();
  /** The office's time zone, for "today". */
  @property() timeZone = 'Asia/Tehran';
  /** The reader's language. */
  @property() language: Lang = 'fa';

  @state() private invalid = false;

  static override styles = [
    managerStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem 0.75rem;
      }
      label {
        display: grid;
        gap: 0.2rem;
        font-weight: 600;
      }
      input {
        inline-size: 9rem;
      }
      .presets {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      .presets button[aria-pressed='true'] {
        background: var(--nb-brand);
        color: var(--nb-on-brand);
      }
      .words {
        margin: 0.5rem 0 0;
        font-weight: 700;
      }
      .hint {
        color: var(--nb-danger);
        margin: 0.5rem 0 0;
      }
    `,
  ];

  override render() {
    const lang = this.language;
    const today = todayIso(this.now, this.timeZone);
    const shown = (iso: string) => (iso ? localDigits(isoToJalaliInput(iso), lang) : '');
    return html`<div class="panel">
      <div class="presets" role="group" aria-label=${t(lang, 'range')}>
        ${PRESETS.map((preset) => {
          const range = presetRange(preset, today);
          const pressed = range.from === this.range.from && range.to === this.range.to;
          return html`<button class="secondary" data-preset=${preset} aria-pressed=${pressed ? 'true' : 'false'} @click=${() => this.choose(range)}>${t(lang, PRESET_LABELS[preset])}</button>`;
        })}
      </div>
      <form @submit=${this.submit}>
        <label>${t(lang, 'from')}<input name="from" inputmode="numeric" dir="ltr" .value=${shown(this.range.from)} /></label>
        <label>${t(lang, 'to')}<input name="to" inputmode="numeric" dir="ltr" .value=${shown(this.range.to)} /></label>
        <button class="secondary" type="submit">${t(lang, 'show')}</button>
      </form>
      ${this.invalid ? html`<p class="hint" role="alert">${t(lang, 'badDate')}</p>` : ''}
      ${this.range.from
        ? html`<p class="words">${jalaliDayText(this.range.from, lang)}${this.range.to !== this.range.from ? html` — ${jalaliDayText(this.range.to, lang)}` : ''}</p>`
        : ''}
    </div>`;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const from = jalaliInputToIso(String(data.get('from') ?? ''));
    const to = jalaliInputToIso(String(data.get('to') ?? ''));
    if (!from || !to || from > to) {
      this.invalid = true;
      return;
    }
    this.choose({ from, to });
  }

  private choose(range: DayRange) {
    this.invalid = false;
    emit(this, 'nb-set-range', { range });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-date-range': NbDateRange;
  }
}
