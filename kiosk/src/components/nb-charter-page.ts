import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { t, type Lang } from '../i18n.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';

/**
 * The office's citizens' rights charter, as the office file gives it (in Persian).
 * @event nb-go-home - Back to the services.
 */
@customElement('nb-charter-page')
export class NbCharterPage extends LitElement {
  /** The charter's text, paragraphs separated by blank lines; null when the office has none. */
  @property({ attribute: false }) charter: string | null = null;
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    baseStyles,
    css`
      article {
        max-inline-size: 60rem;
        margin-inline: auto;
        background: var(--nb-surface);
        border-radius: 16px;
        padding: 1.5rem 2rem;
        box-shadow: 0 2px 6px rgb(0 0 0 / 8%);
      }
      h2 {
        font-size: 2rem;
        color: var(--nb-brand-dark);
        margin-block: 0 1rem;
      }
      p {
        font-size: 1.2rem;
        line-height: 2;
      }
    `,
  ];

  override render() {
    const [title, ...paragraphs] = (this.charter ?? '').split(/\n\s*\n/);
    // The charter is the office's own text, in Persian whatever the kiosk's language.
    return html`
      <article>
        <h2>${t(this.language, 'charter')}</h2>
        ${this.charter
          ? html`<div lang="fa" dir="rtl"><p><strong>${title}</strong></p>${paragraphs.map((p) => html`<p>${p}</p>`)}</div>`
          : html`<p>${t(this.language, 'noCharter')}</p>`}
        <button class="secondary" @click=${() => emit(this, 'nb-go-home', {})}>${t(this.language, 'back')}</button>
      </article>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-charter-page': NbCharterPage;
  }
}
