import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatClock, formatJalaliDate } from '../../../ui/format.js';
import type { Lang } from '../i18n.js';

/** The Jalali date and the time in the office's zone, by the server's clock rather than the TV's. */
@customElement('nb-clock')
export class NbClock extends LitElement {
  /** The office's time zone. */
  @property() timeZone = 'Asia/Tehran';
  /** The server's clock minus this TV's (ms). */
  @property({ type: Number }) offsetMs = 0;
  /** The reader's language. */
  @property() language: Lang = 'fa';

  @state() private now = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;

  static override styles = css`
    :host {
      display: flex;
      align-items: baseline;
      gap: 1.5rem;
      white-space: nowrap;
    }
    .date {
      font-size: 1.5rem;
      font-weight: 600;
    }
    .time {
      font-size: 2.4rem;
      font-weight: 800;
      font-variant-numeric: tabular-nums;
      unicode-bidi: isolate;
      direction: ltr;
    }
  `;

  override connectedCallback() {
    super.connectedCallback();
    this.timer = setInterval(() => (this.now = Date.now()), 1000);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  override render() {
    const at = this.now + this.offsetMs;
    return html`<span class="date">${formatJalaliDate(at, this.timeZone, this.language, { weekday: true })}</span>
      <time class="time">${formatClock(at, this.timeZone, this.language)}</time>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-clock': NbClock;
  }
}
