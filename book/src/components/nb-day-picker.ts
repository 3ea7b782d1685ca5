import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatJalaliDate, formatJalaliMonth, localDigits, weekdayName, type Lang } from '../../../server/time/persian.js';
import { calendarMonths, WEEK, type CalendarDay } from '../calendar-grid.js';
import type { BookableDay } from '../data/appointments.js';
import { emit } from '../events.js';
import { bt, joinParts } from '../i18n.js';
import { bookStyles } from './book.styles.js';

/**
 * A Jalali month calendar of the bookable days: only they can be pressed, each with its free count;
 * the other days of the month are shown greyed so that the weeks read as a calendar.
 * @event nb-pick-day - A bookable day was chosen.
 */
@customElement('nb-day-picker')
export class NbDayPicker extends LitElement {
  /** The bookable days ahead, as the server lists them. */
  @property({ attribute: false }) days: BookableDay[] = [];
  /** The reader's language. */
  @property() language: Lang = 'fa';

  /** Which of the months with bookable days is shown. */
  @state() private monthIndex = 0;

  static override styles = [
    bookStyles,
    css`
      .month-bar {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        margin-block-end: 0.5rem;
      }
      .month-bar h3 {
        margin: 0;
        font-size: 1.15rem;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(7, 1fr);
        gap: 0.3rem;
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .weekday {
        text-align: center;
        font-size: 0.8rem;
        color: var(--nb-muted);
        font-weight: 600;
      }
      .day {
        inline-size: 100%;
        min-block-size: 56px;
        padding: 0.2rem;
        display: grid;
        place-items: center;
        gap: 0;
        border: 2px solid var(--nb-brand);
        background: var(--nb-surface);
        color: var(--nb-brand-dark);
        font-weight: 700;
        font-size: 1.1rem;
      }
      .day .free {
        font-size: 0.7rem;
        font-weight: 600;
        color: var(--nb-muted);
      }
      .day[disabled] {
        border-color: transparent;
        background: transparent;
        color: var(--nb-disabled);
        font-weight: 400;
        cursor: default;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('days')) this.monthIndex = 0;
  }

  override render() {
    const { language: lang } = this;
    const months = calendarMonths(this.days.filter((d) => d.free > 0));
    if (!months.length) return html`<p role="status">${bt(lang, 'noDays')}</p>`;
    const index = Math.min(this.monthIndex, months.length - 1);
    const month = months[index]!;
    const title = formatJalaliMonth(month.year, month.month, lang);
    return html`
      <div class="month-bar">
        <button class="secondary" ?disabled=${index === 0} aria-label=${bt(lang, 'previousMonth')} @click=${() => (this.monthIndex = index - 1)}>
          ${lang === 'fa' ? '→' : '←'}
        </button>
        <h3 id="month" aria-live="polite">${title}</h3>
        <button class="secondary" ?disabled=${index === months.length - 1} aria-label=${bt(lang, 'nextMonth')} @click=${() => (this.monthIndex = index + 1)}>
          ${lang === 'fa' ? '←' : '→'}
        </button>
      </div>
      <ul class="grid" aria-labelledby="month">
        ${WEEK.map((weekday) => html`<li class="weekday" aria-hidden="true">${weekdayName(weekday, lang).slice(0, lang === 'fa' ? 1 : 3)}</li>`)}
        ${Array.from({ length: month.leadingBlanks }, () => html`<li aria-hidden="true"></li>`)}
        ${month.days.map((day) => html`<li>${this.dayButton(day)}</li>`)}
      </ul>
    `;
  }

  private dayButton(day: CalendarDay) {
    const { language: lang } = this;
    const bookable = day.free !== null && day.free > 0;
    // Noon UTC of the date names that date in any zone: the label is the calendar day, not an instant.
    const date = formatJalaliDate(Date.parse(`${day.date}T12:00:00Z`), 'UTC', lang, { weekday: true });
    const label = bookable ? joinParts(lang, [date, bt(lang, 'freeCount', { n: localDigits(day.free!, lang) })]) : date;
    return html`<button class="day" data-date=${day.date} ?disabled=${!bookable} aria-label=${label} @click=${() => emit(this, 'nb-pick-day', { date: day.date })}>
      <span>${localDigits(day.day, lang)}</span>
      ${bookable ? html`<span class="free" aria-hidden="true">${localDigits(day.free!, lang)}</span>` : ''}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-day-picker': NbDayPicker;
  }
}
