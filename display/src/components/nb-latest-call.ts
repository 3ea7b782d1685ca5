import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localDigits } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import { serviceName, type BoardService, type PublicCall } from '../state.js';
import { shared } from './shared.styles.js';

/**
 * The latest call, large: its number and the desk to go to (or, for a public meeting, the place),
 * highlighted while it is new.
 * @cssproperty --nb-accent - The highlight colour.
 */
@customElement('nb-latest-call')
export class NbLatestCall extends LitElement {
  /** The newest call or recall; undefined before the first of the day. */
  @property({ attribute: false }) call: PublicCall | undefined;
  /** The services, for the call's service name. */
  @property({ attribute: false }) services: BoardService[] = [];
  /** Whether the call was just announced. */
  @property({ type: Boolean, reflect: true }) highlighted = false;
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      .panel {
        block-size: 100%;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        text-align: center;
        background: var(--nb-brand);
        transition: background-color 0.4s;
      }
      :host([highlighted]) .panel {
        background: var(--nb-accent);
        color: var(--nb-on-accent);
        animation: flash 1s ease-in-out 3;
      }
      @keyframes flash {
        50% {
          filter: brightness(1.15);
        }
      }
      .label {
        font-size: 1.6rem;
        font-weight: 600;
        line-height: 1.3;
        opacity: 0.9;
      }
      /* Read from the back of the hall: the rem follows the screen (display.css), so at 1920×1080
         the number is 180 px and the desk 150 px tall. */
      .number {
        font-size: 9rem;
        font-weight: 800;
        line-height: 1;
      }
      .to-desk {
        display: flex;
        align-items: baseline;
        gap: 0.9rem;
        margin-block-start: 0.3rem;
        padding: 0 1.6rem;
        border-radius: 0.8rem;
        background: rgb(0 0 0 / 30%);
        color: var(--nb-text);
      }
      :host([highlighted]) .to-desk {
        background: var(--nb-on-accent);
        color: var(--nb-accent);
      }
      .to-desk .label {
        font-size: 2.8rem;
        font-weight: 700;
      }
      .desk {
        font-size: 7.5rem;
        font-weight: 800;
        line-height: 1.05;
      }
      .service {
        font-size: 1.4rem;
        line-height: 1.4;
        margin-block-start: 0.3rem;
      }
      .recall {
        font-size: 1.05rem;
        font-weight: 700;
        border: 2px solid currentColor;
        border-radius: 0.5rem;
        padding-inline: 0.5rem;
        margin-inline-start: 0.5rem;
      }
      .meeting {
        padding-block: 0.6rem;
      }
      .place {
        font-size: 2.4rem;
        font-weight: 700;
      }
      .empty {
        font-size: 2rem;
      }
    `,
  ];

  override render() {
    const { call, language: lang } = this;
    if (!call) return html`<div class="panel"><p class="empty">${t(lang, 'noCalls')}</p></div>`;
    const service = this.services.find((s) => s.id === call.serviceId);
    return html`
      <div class="panel" role="status" aria-live="assertive" data-number=${call.number} data-desk=${call.deskNumber}>
        <div class="label">${t(lang, 'number')}</div>
        <div class="number num">${localDigits(call.number, lang)}</div>
        ${call.meeting
          ? html`<div class="to-desk meeting"><span class="label">${t(lang, 'meeting')}</span></div>
              <div class="service place">${call.meeting.place}${call.recall ? html`<span class="recall">${t(lang, 'recall')}</span>` : ''}</div>`
          : html`<div class="to-desk"><span class="label">${t(lang, 'desk')}</span><span class="desk num">${localDigits(call.deskNumber, lang)}</span></div>
              <div class="service">${service ? serviceName(service, lang) : ''}${call.recall ? html`<span class="recall">${t(lang, 'recall')}</span>` : ''}</div>`}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-latest-call': NbLatestCall;
  }
}
