import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { emit } from '../events.js';
import { localDigits } from '../../../ui/format.js';
import { t, tn, type Lang } from '../i18n.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';

/**
 * Said before an untouched kiosk starts over, so that a visitor still reading is not cut off: the
 * seconds left, counting down, and a button to stay. Any touch stays too (the shell restarts its
 * idle clock on every touch).
 * @event nb-stay - The visitor is still there.
 */
@customElement('nb-idle-warning')
export class NbIdleWarning extends LitElement {
  /** When the kiosk starts over (epoch ms). */
  @property({ type: Number }) deadline = 0;
  /** The reader's language. */
  @property() language: Lang = 'fa';

  @state() private secondsLeft = 0;
  @query('button') private button!: HTMLButtonElement;
  private timer: ReturnType<typeof setInterval> | undefined;

  static override styles = [
    baseStyles,
    css`
      .backdrop {
        position: fixed;
        inset: 0;
        display: grid;
        place-items: center;
        background: rgb(11 20 30 / 55%);
        z-index: 10;
      }
      [role='alertdialog'] {
        max-inline-size: min(40rem, 90vw);
        background: var(--nb-surface);
        border-radius: 20px;
        padding: 2rem 2.5rem;
        text-align: center;
        box-shadow: 0 8px 30px rgb(0 0 0 / 30%);
      }
      h2 {
        font-size: 2.2rem;
        margin: 0 0 0.75rem;
        color: var(--nb-brand-dark);
      }
      p {
        font-size: 1.5rem;
        line-height: 1.8;
        margin: 0;
      }
      .count {
        font-size: 5rem;
        font-weight: 900;
        line-height: 1.2;
        color: var(--nb-brand-dark);
      }
      button {
        margin-block-start: 1.25rem;
        min-inline-size: 16rem;
        min-block-size: 88px;
        font-size: 2rem;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    this.tick();
    this.timer = setInterval(() => this.tick(), 250);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  override firstUpdated() {
    this.button.focus();
  }

  private tick() {
    this.secondsLeft = Math.max(0, Math.ceil((this.deadline - Date.now()) / 1000));
  }

  override render() {
    const lang = this.language;
    const seconds = localDigits(this.secondsLeft, lang);
    return html`
      <div class="backdrop">
        <div role="alertdialog" aria-modal="true" aria-labelledby="title" aria-describedby="text">
          <h2 id="title">${t(lang, 'idleTitle')}</h2>
          <p class="count" aria-hidden="true">${seconds}</p>
          <p id="text">${tn(lang, 'idleText', this.secondsLeft, { n: seconds })}</p>
          <button class="primary" @click=${() => emit(this, 'nb-stay', {})}>${t(lang, 'stay')}</button>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-idle-warning': NbIdleWarning;
  }
}
