import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';
import { emit } from '../events.js';

/**
 * A home-screen tile beside the services that leads to one of the citizens' voice's forms: filing
 * feedback, or registering for today's public meeting.
 * @event nb-open-voice - The visitor chose this form.
 */
@customElement('nb-voice-tile')
export class NbVoiceTile extends LitElement {
  /** Which form the tile opens. */
  @property() form: 'feedback' | 'meeting' = 'feedback';
  /** The tile's name. */
  @property() heading = '';
  /** One line under the name. */
  @property() help = '';

  static override styles = [
    baseStyles,
    css`
      button {
        inline-size: 100%;
        block-size: 100%;
        min-block-size: 9rem;
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        text-align: start;
        padding: 1.25rem 1.5rem;
        background: #f4f7f9;
        color: var(--nb-text);
        border: 2px dashed var(--nb-brand);
      }
      button:active {
        background: #e6f0f2;
      }
      .name {
        font-size: 1.8rem;
        font-weight: 800;
        color: var(--nb-brand-dark);
      }
      .help {
        font-size: 1.3rem;
        line-height: 1.6;
        color: var(--nb-muted);
      }
    `,
  ];

  override render() {
    return html`<button data-voice=${this.form} @click=${() => emit(this, 'nb-open-voice', { form: this.form })}>
      <span class="name">${this.heading}</span>
      <span class="help">${this.help}</span>
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-voice-tile': NbVoiceTile;
  }
}
