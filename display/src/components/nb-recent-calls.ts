import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localDigits } from '../format.js';
import { t, type Lang } from '../i18n.js';
import { serviceName, type BoardService, type PublicCall } from '../state.js';
import { shared } from './shared.styles.js';

/** The calls before the latest, each number once (a recall is not a second row), with their desks. */
@customElement('nb-recent-calls')
export class NbRecentCalls extends LitElement {
  /** Calls, newest first, the latest included (it is skipped here: nb-latest-call shows it). */
  @property({ attribute: false }) calls: PublicCall[] = [];
  /** The services, for each call's service name. */
  @property({ attribute: false }) services: BoardService[] = [];
  /** How many rows fit. */
  @property({ type: Number }) rows = 6;
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
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: grid;
        grid-template-columns: 8rem 1fr 5rem;
        align-items: center;
        gap: 0.75rem;
        padding-block: 0.45rem;
        border-block-start: 1px solid var(--nb-line);
      }
      .number {
        font-size: 2.2rem;
        font-weight: 800;
      }
      .service {
        font-size: 1.15rem;
        color: var(--nb-muted);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .desk {
        font-size: 2.2rem;
        font-weight: 800;
        text-align: end;
        color: var(--nb-accent);
      }
      .head {
        border: none;
        padding-block: 0;
        font-size: 1.1rem;
        color: var(--nb-muted);
      }
      .head :last-child {
        text-align: end;
      }
    `,
  ];

  override render() {
    const lang = this.language;
    const [latest, ...older] = this.calls;
    const seen = new Set(latest ? [latest.number] : []);
    const rows = older.filter((call) => !seen.has(call.number) && seen.add(call.number)).slice(0, this.rows);
    return html`
      <section class="panel">
        <h2>${t(lang, 'recentCalls')}</h2>
        <ol>
          <li class="head" aria-hidden="true"><span>${t(lang, 'number')}</span><span></span><span>${t(lang, 'desk')}</span></li>
          ${rows.map((call) => {
            const service = this.services.find((s) => s.id === call.serviceId);
            return html`<li data-number=${call.number}>
              <span class="number num">${localDigits(call.number, lang)}</span>
              <span class="service">${service ? serviceName(service, lang) : ''}</span>
              <span class="desk num">${localDigits(call.deskNumber, lang)}</span>
            </li>`;
          })}
        </ol>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-recent-calls': NbRecentCalls;
  }
}
