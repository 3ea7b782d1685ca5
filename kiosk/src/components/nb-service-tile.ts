import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { localDigits, waitText } from '../../../ui/format.js';
import { t, tn, type Lang } from '../i18n.js';
import { serviceName, type KioskService } from '../state.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';

/**
 * One service on the home screen: a large button with the name, one line of what it is, the line
 * and the estimated wait. A closed service still opens, to read its guidance.
 * @event nb-select-service - The visitor chose this service.
 */
@customElement('nb-service-tile')
export class NbServiceTile extends LitElement {
  /** The service, with its live line and wait. */
  @property({ attribute: false }) service!: KioskService;
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    baseStyles,
    css`
      button {
        inline-size: 100%;
        block-size: 100%;
        min-block-size: 11rem;
        display: flex;
        flex-direction: column;
        align-items: stretch;
        gap: 0.5rem;
        text-align: start;
        padding: 1.25rem 1.5rem;
        background: var(--nb-surface);
        color: var(--nb-text);
        border: 2px solid var(--nb-line);
        border-inline-start: 10px solid var(--nb-brand);
        box-shadow: 0 2px 6px rgb(0 0 0 / 8%);
      }
      button:active {
        background: #e6f0f2;
      }
      .name {
        font-size: 1.9rem;
        font-weight: 800;
        color: var(--nb-brand-dark);
      }
      /* Wrapped, never cut with «…»: the whole first sentence says what the service is. */
      .about {
        font-size: 1.35rem;
        line-height: 1.6;
        color: var(--nb-muted);
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 2rem;
        margin-block-start: auto;
        font-size: 1.35rem;
      }
      .facts b {
        font-weight: 700;
      }
      .closed {
        border-inline-start-color: var(--nb-closed);
      }
      .closed .name {
        color: var(--nb-muted);
      }
      .badge {
        align-self: start;
        background: #eceff3;
        color: #333c48;
        border-radius: 8px;
        padding: 0.1rem 0.75rem;
        font-size: 1.3rem;
        font-weight: 700;
      }
    `,
  ];

  override render() {
    const { service, language: lang } = this;
    const about = lang === 'en' ? (service.guidance.descriptionEn ?? service.guidance.description) : service.guidance.description;
    return html`
      <button class=${service.open ? '' : 'closed'} data-service=${service.id} @click=${() => emit(this, 'nb-select-service', { serviceId: service.id })}>
        <span class="name" dir="auto">${serviceName(service, lang)}</span>
        <span class="about" dir="auto">${firstSentence(about)}</span>
        ${service.open
          ? html`<span class="facts">
              <span>${t(lang, 'waiting')}: <b class="waiting">${localDigits(service.waiting, lang)}</b> ${tn(lang, 'people', service.waiting)}</span>
              <span>${t(lang, 'estimatedWait')}: <b class="wait">${waitText(service, lang)}</b></span>
            </span>`
          : html`<span class="badge">${service.active ? waitText(service, lang) : t(lang, 'closed')}</span>`}
      </button>
    `;
  }
}

function firstSentence(text: string): string {
  const end = text.search(/[.:؛!؟]/);
  return end > 0 ? text.slice(0, end) : text;
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-service-tile': NbServiceTile;
  }
}
