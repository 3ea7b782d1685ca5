import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatClock, localDigits, type Lang } from '../../../server/time/persian.js';
import type { FreeSlot } from '../data/appointments.js';
import { emit } from '../events.js';
import { bt, joinParts } from '../i18n.js';
import { bookStyles } from './book.styles.js';

/**
 * The free times of one day, in the office's clock, each with how many visits are still free.
 * @event nb-pick-slot - A time was chosen.
 */
@customElement('nb-slot-list')
export class NbSlotList extends LitElement {
  /** The day's times; null while they load. */
  @property({ attribute: false }) slots: FreeSlot[] | null = null;
  /** The office's time zone. */
  @property() timeZone = 'Asia/Tehran';
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    bookStyles,
    css`
      .choices {
        grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
      }
      .choice {
        flex-direction: column;
        justify-content: center;
        text-align: center;
        gap: 0;
      }
      .time {
        font-size: 1.3rem;
        font-weight: 800;
        unicode-bidi: isolate;
      }
    `,
  ];

  override render() {
    const { language: lang } = this;
    if (this.slots === null) return html`<p role="status">${bt(lang, 'loading')}</p>`;
    const free = this.slots.filter((slot) => slot.free > 0);
    if (!free.length) return html`<p role="status">${bt(lang, 'noSlots')}</p>`;
    return html`
      <ul class="choices">
        ${free.map((slot) => {
          const time = `${formatClock(slot.start, this.timeZone, lang)}–${formatClock(slot.end, this.timeZone, lang)}`;
          const count = bt(lang, 'freeCount', { n: localDigits(slot.free, lang) });
          return html`<li>
            <button class="choice" data-start=${slot.start} aria-label=${joinParts(lang, [time, count])} @click=${() => emit(this, 'nb-pick-slot', { slot })}>
              <span class="time" dir="ltr">${formatClock(slot.start, this.timeZone, lang)}</span>
              <span class="note">${count}</span>
            </button>
          </li>`;
        })}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-slot-list': NbSlotList;
  }
}
