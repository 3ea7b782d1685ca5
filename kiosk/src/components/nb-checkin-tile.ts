import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { t, type Lang } from '../i18n.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';

/**
 * The home screen's tile for a visitor who booked a time: «نوبت رزرو شده دارم».
 * @event nb-start-check-in - The visitor has a booking code to type.
 */
@customElement('nb-checkin-tile')
export class NbCheckinTile extends LitElement {
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
        gap: 0.5rem;
        text-align: start;
        padding: 1.25rem 1.5rem;
        background: #e6f0f2;
        color: var(--nb-text);
        border: 2px dashed var(--nb-brand);
        border-inline-start: 10px solid var(--nb-brand);
      }
      .name {
        font-size: 1.9rem;
        font-weight: 800;
        color: var(--nb-brand-dark);
      }
      .about {
        font-size: 1.35rem;
        line-height: 1.6;
        color: var(--nb-muted);
      }
    `,
  ];

  override render() {
    const lang = this.language;
    return html`<button data-action="check-in" @click=${() => emit(this, 'nb-start-check-in', {})}>
      <span class="name">${t(lang, 'checkInTile')}</span>
      <span class="about">${t(lang, 'checkInTileNote')}</span>
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-checkin-tile': NbCheckinTile;
  }
}
