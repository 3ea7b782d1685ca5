import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { OpeningHours, Weekday } from '../../../server/config/schema.js';
import { localDigits, toLatinDigits } from '../../../server/time/persian.js';
import type { Lang } from '../i18n.js';
import { adminStyles } from './admin.styles.js';
import { errorFor, type FieldErrors } from './form.js';
import { at } from './i18n.js';

const WEEKDAYS: Weekday[] = ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'];
/** As the office schema allows. */
const MAX_SPANS = 4;
const NEW_SPAN = { from: '07:30', to: '14:30' };

interface Span {
  from: string;
  to: string;
}

/** 'HH:MM' from what was typed in any digits («۷:۳۰», «07:30», «٠٧:٣٠»), or null. */
export function clockTime(typed: string): string | null {
  const match = /^(\d{1,2})[:٫.](\d{2})$/.exec(toLatinDigits(typed).trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? `${String(hours).padStart(2, '0')}:${match[2]}` : null;
}

/**
 * A service's opening hours: the office's, or its own week (per Jalali weekday open or closed, with
 * up to four spans), or always open. Shows times in the reader's digits, takes any digits, and says
 * in Persian what is wrong with a span before anything is sent. The form asks `read()` on save.
 */
@customElement('nb-admin-hours')
export class NbAdminHours extends LitElement {
  /** The service's own hours as saved; undefined when it follows the office's. */
  @property({ attribute: false }) hours: OpeningHours | undefined;
  /** The server's messages for the form, `hours.week.sat.0.from` and the like. */
  @property({ attribute: false }) errors: FieldErrors = {};
  @property() language: Lang = 'fa';

  @state() private own = false;
  @state() private alwaysOpen = false;
  /** The spans as typed, per day; a day without spans is closed. */
  @state() private week = new Map<Weekday, Span[]>();
  /** This element's own messages, by `day.index`. */
  @state() private problems = new Map<string, string>();

  static override styles = [
    adminStyles,
    css`
      .day {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.8rem;
        padding-block: 0.35rem;
        border-block-end: 1px solid var(--nb-line);
      }
      .day > label.check {
        min-inline-size: 8rem;
      }
      .span {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
      }
      .span input {
        inline-size: 5.5rem;
        text-align: center;
      }
      .closed {
        color: var(--nb-muted, #666);
      }
      .day .error {
        flex-basis: 100%;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if (!changed.has('hours')) return;
    this.own = this.hours !== undefined;
    this.alwaysOpen = this.hours?.alwaysOpen ?? false;
    this.week = new Map(WEEKDAYS.map((day) => [day, (this.hours?.week[day] ?? []).map((span) => ({ from: localDigits(span.from, this.language), to: localDigits(span.to, this.language) }))]));
    this.problems = new Map();
  }

  override render() {
    const lang = this.language;
    return html`<fieldset class="wide">
      <legend>${at(lang, 'serviceHours')}</legend>
      <label class="check"><input type="radio" name="hours-mode" value="office" .checked=${!this.own} @change=${() => (this.own = false)} />${at(lang, 'hoursOfOffice')}</label>
      <label class="check"><input type="radio" name="hours-mode" value="own" .checked=${this.own} @change=${() => (this.own = true)} />${at(lang, 'hoursOwn')}</label>
      ${this.own ? this.renderWeek() : nothing}
    </fieldset>`;
  }

  private renderWeek() {
    const lang = this.language;
    return html`<div class="wide">
      <label class="check"><input type="checkbox" name="hours-always" .checked=${this.alwaysOpen} @change=${(e: Event) => (this.alwaysOpen = (e.target as HTMLInputElement).checked)} />${at(lang, 'alwaysOpen')}</label>
      ${this.alwaysOpen ? nothing : WEEKDAYS.map((day) => this.renderDay(day))}
    </div>`;
  }

  private renderDay(day: Weekday) {
    const lang = this.language;
    const spans = this.week.get(day) ?? [];
    const message = [...this.problems].find(([key]) => key.startsWith(`${day}.`))?.[1] ?? errorFor(this.errors, `hours.week.${day}`);
    return html`<div class="day" data-day=${day}>
      <label class="check"><input type="checkbox" name="open" .checked=${spans.length > 0} @change=${(e: Event) => this.setSpans(day, (e.target as HTMLInputElement).checked ? [{ ...NEW_SPAN, from: localDigits(NEW_SPAN.from, lang), to: localDigits(NEW_SPAN.to, lang) }] : [])} />${at(lang, day)}</label>
      ${spans.length === 0 ? html`<span class="closed">${at(lang, 'dayClosed')}</span>` : nothing}
      ${spans.map(
        (span, i) => html`<span class="span" data-span=${i}>
          ${at(lang, 'from')}
          <input name="from" dir="ltr" inputmode="numeric" autocomplete="off" aria-label=${`${at(lang, day)} ${at(lang, 'from')}`} aria-invalid=${this.problems.has(`${day}.${i}`) ? 'true' : 'false'} .value=${span.from} @input=${(e: Event) => this.edit(day, i, 'from', (e.target as HTMLInputElement).value)} />
          ${at(lang, 'to')}
          <input name="to" dir="ltr" inputmode="numeric" autocomplete="off" aria-label=${`${at(lang, day)} ${at(lang, 'to')}`} aria-invalid=${this.problems.has(`${day}.${i}`) ? 'true' : 'false'} .value=${span.to} @input=${(e: Event) => this.edit(day, i, 'to', (e.target as HTMLInputElement).value)} />
          <button type="button" class="secondary" data-remove-span aria-label=${at(lang, 'removeSpan')} @click=${() => this.setSpans(day, this.spansOf(day).filter((_, j) => j !== i))}>×</button>
        </span>`,
      )}
      ${spans.length > 0 && spans.length < MAX_SPANS ? html`<button type="button" class="secondary" data-add-span @click=${() => this.setSpans(day, [...this.spansOf(day), { from: '', to: '' }])}>${at(lang, 'addSpan')}</button>` : nothing}
      ${message ? html`<span class="error" role="alert" data-error-for=${`hours.week.${day}`}>${message}</span>` : nothing}
    </div>`;
  }

  /** The day's spans as typed so far (typing does not re-render, so not the ones last rendered). */
  private spansOf(day: Weekday): Span[] {
    return this.week.get(day) ?? [];
  }

  private setSpans(day: Weekday, spans: Span[]): void {
    this.week = new Map(this.week).set(day, spans);
    this.problems = new Map();
  }

  private edit(day: Weekday, index: number, end: 'from' | 'to', value: string): void {
    const spans = [...this.spansOf(day)];
    spans[index] = { ...spans[index]!, [end]: value };
    // No re-render for a keystroke: the input already shows it.
    this.week.set(day, spans);
  }

  /** The hours to save (undefined: the office's), or null after showing what is wrong. */
  read(): { hours: OpeningHours | undefined } | null {
    if (!this.own) return { hours: undefined };
    if (this.alwaysOpen) return { hours: { alwaysOpen: true, week: {} } };
    const lang = this.language;
    const problems = new Map<string, string>();
    const week: OpeningHours['week'] = {};
    for (const day of WEEKDAYS) {
      const spans = (this.week.get(day) ?? []).map((span) => ({ from: clockTime(span.from), to: clockTime(span.to) }));
      spans.forEach((span, i) => {
        const where = `${at(lang, day)}، ${at(lang, 'span')} ${localDigits(i + 1, lang)}`;
        if (span.from === null || span.to === null) problems.set(`${day}.${i}`, `${where}: ${at(lang, 'badTime')}`);
        else if (span.from >= span.to) problems.set(`${day}.${i}`, `${where}: ${at(lang, 'fromBeforeTo')}`);
      });
      const valid = spans.filter((span): span is Span => span.from !== null && span.to !== null && span.from < span.to);
      const sorted = [...valid].sort((a, b) => (a.from < b.from ? -1 : 1));
      sorted.slice(1).forEach((span, i) => {
        const earlier = sorted[i]!;
        if (span.from < earlier.to) problems.set(`${day}.overlap`, `${at(lang, day)}: ${at(lang, 'spansOverlap', { a: spanText(earlier, lang), b: spanText(span, lang) })}`);
      });
      if (valid.length > 0) week[day] = valid;
    }
    this.problems = problems;
    return problems.size > 0 ? null : { hours: { alwaysOpen: false, week } };
  }
}

function spanText(span: Span, lang: Lang): string {
  return localDigits(`${span.from}–${span.to}`, lang);
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-hours': NbAdminHours;
  }
}
