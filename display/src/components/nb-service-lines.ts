import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localDigits, waitText } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import { serviceName, type BoardService } from '../state.js';
import { shared } from './shared.styles.js';

/** Per service: the people waiting and the estimated wait as a rounded range («۱۰ تا ۱۵ دقیقه»). */
@customElement('nb-service-lines')
export class NbServiceLines extends LitElement {
  /** The services with their lines, as the board sends them. */
  @property({ attribute: false }) services: BoardService[] = [];
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
      }
      table {
        inline-size: 100%;
        border-collapse: collapse;
      }
      th {
        font-size: 1.1rem;
        font-weight: 600;
        color: var(--nb-muted);
        text-align: start;
        padding-block-end: 0.3rem;
        padding-inline: 0.75rem 0;
        white-space: nowrap;
      }
      td {
        border-block-start: 1px solid var(--nb-line);
        padding-block: 0.55rem;
        vertical-align: middle;
      }
      .name {
        font-size: 1.45rem;
        font-weight: 700;
        line-height: 1.35;
      }
      .waiting {
        font-size: 1.7rem;
        font-weight: 800;
        white-space: nowrap;
        padding-inline: 0.75rem;
      }
      .wait {
        font-size: 1.35rem;
        font-weight: 600;
        white-space: nowrap;
        color: var(--nb-accent);
      }
      tr.closed .name,
      tr.closed .wait {
        color: var(--nb-closed);
      }
    `,
  ];

  override render() {
    const lang = this.language;
    return html`
      <section class="panel">
        <h2>${t(lang, 'services')}</h2>
        <table>
          <thead>
            <tr>
              <th></th>
              <th>${t(lang, 'waiting')}</th>
              <th>${t(lang, 'estimatedWait')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.services.map(
              (service) => html`<tr class=${service.open ? '' : 'closed'} data-service=${service.id}>
                <td class="name">${serviceName(service, lang)}</td>
                <td class="waiting num">${t(lang, 'people', { n: localDigits(service.waiting, lang) })}</td>
                <td class="wait">${service.active === false ? t(lang, 'noNewTickets') : waitText(service, lang)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-service-lines': NbServiceLines;
  }
}
