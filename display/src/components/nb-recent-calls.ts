import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localDigits } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import { serviceName, type BoardService, type PublicCall } from '../state.js';
import { shared } from './shared.styles.js';

/**
 * The calls before the latest, each number once (a recall is not a second row), with their desks:
 * as many as the panel holds whole, since a row cut at the bottom reads as a wrong number.
 */
@customElement('nb-recent-calls')
export class NbRecentCalls extends LitElement {
  /** Calls, newest first, the latest included (it is skipped here: nb-latest-call shows it). */
  @property({ attribute: false }) calls: PublicCall[] = [];
  /** The services, for each call's service name. */
  @property({ attribute: false }) services: BoardService[] = [];
  /** At most this many rows; fewer when the panel holds fewer whole. */
  @property({ type: Number }) rows = 8;
  /** The reader's language. */
  @property() language: Lang = 'fa';

  /** How many rows the panel holds whole, measured after each layout. */
  @state() private fitting = Infinity;
  private readonly resizes = new ResizeObserver(() => this.fit());

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
      }
      ol {
        flex: 1;
        min-block-size: 0;
        overflow: hidden;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: grid;
        grid-template-columns: 8rem 1fr 5rem;
        align-items: center;
        gap: 0.75rem;
        padding-block: 0.3rem;
        border-block-start: 1px solid var(--nb-line);
        line-height: 1.15;
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

  override connectedCallback() {
    super.connectedCallback();
    this.resizes.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resizes.disconnect();
  }

  override updated() {
    this.fit();
  }

  /** Rows are all alike: the list's height over one row's is how many show whole. */
  private fit() {
    const list = this.renderRoot.querySelector('ol');
    const head = list?.querySelector<HTMLElement>('.head');
    const row = list?.querySelector<HTMLElement>('li[data-number]');
    if (!list || !head || !row) return;
    const fitting = Math.max(1, Math.floor((list.clientHeight - head.offsetHeight) / row.offsetHeight));
    if (fitting !== this.fitting) this.fitting = fitting;
  }

  override render() {
    const lang = this.language;
    const [latest, ...older] = this.calls;
    const seen = new Set(latest ? [latest.number] : []);
    const rows = older.filter((call) => !seen.has(call.number) && seen.add(call.number)).slice(0, Math.min(this.rows, this.fitting));
    return html`
      <section class="panel">
        <h2>${t(lang, 'recentCalls')}</h2>
        <ol>
          <li class="head" aria-hidden="true"><span>${t(lang, 'number')}</span><span></span><span>${t(lang, 'desk')}</span></li>
          ${rows.map((call) => {
            const service = this.services.find((s) => s.id === call.serviceId);
            return html`<li data-number=${call.number}>
              <span class="number num">${localDigits(call.number, lang)}</span>
              <span class="service">${call.meeting ? `${t(lang, 'meeting')} · ${call.meeting.place}` : service ? serviceName(service, lang) : ''}</span>
              <span class="desk num">${call.meeting ? '' : localDigits(call.deskNumber, lang)}</span>
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
