import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { t, type Lang } from '../i18n.js';
import type { PriorityGroup } from '../state.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';

/**
 * Regular or priority ticket, for the groups the service allows, with the notice that staff may
 * check. A radio group of large buttons.
 * @event nb-priority-change - The visitor picked a group, or none.
 */
@customElement('nb-priority-choice')
export class NbPriorityChoice extends LitElement {
  /** The groups this service gives priority to. */
  @property({ attribute: false }) groups: PriorityGroup[] = [];
  /** The chosen group; null for a regular ticket. */
  @property({ attribute: false }) value: PriorityGroup | null = null;
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    baseStyles,
    css`
      .options {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      [role='radio'] {
        background: var(--nb-surface);
        color: var(--nb-text);
        border: 2px solid var(--nb-line);
        font-size: 1.2rem;
        padding-inline: 1.25rem;
      }
      [role='radio'][aria-checked='true'] {
        background: var(--nb-brand);
        border-color: var(--nb-brand);
        color: var(--nb-on-brand);
        font-weight: 700;
      }
      .notice {
        margin-block: 0.75rem 0;
        padding: 0.75rem 1rem;
        background: var(--nb-warn-bg);
        color: var(--nb-warn-text);
        border-radius: 10px;
        font-size: 1.1rem;
      }
      h3 {
        font-size: 1.3rem;
        margin-block: 0 0.75rem;
      }
    `,
  ];

  override render() {
    const options: Array<PriorityGroup | null> = [null, ...this.groups];
    return html`
      <h3 id="label">${t(this.language, 'priorityTitle')}</h3>
      <div class="options" role="radiogroup" aria-labelledby="label">
        ${options.map(
          (group) => html`<button
            role="radio"
            data-group=${group ?? 'none'}
            aria-checked=${String(group === this.value)}
            @click=${() => emit(this, 'nb-priority-change', { priorityGroup: group })}
          >
            ${t(this.language, group ?? 'priorityNone')}
          </button>`,
        )}
      </div>
      ${this.value ? html`<p class="notice" role="note">${t(this.language, 'priorityNotice')}</p>` : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-priority-choice': NbPriorityChoice;
  }
}
