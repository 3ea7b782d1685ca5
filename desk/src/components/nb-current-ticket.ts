import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { localDigits, minutesText, ticketNumberText, timerText } from '../../../ui/format.js';
import { t, tn, type Lang, type MessageKey } from '../i18n.js';
import { serviceName, type Availability, type CurrentTicket, type DeskAction, type Dialog, type ServiceInfo } from '../state.js';
import { staffStyles } from '../../../ui/styles/staff.styles.js';
import { bookedBadge } from './ticket-row.js';

/** The keys that run the frequent actions; `code`, so they work on a Persian keyboard layout too. */
export const SHORTCUTS = { next: 'KeyN', recall: 'KeyR', start: 'KeyS', finish: 'KeyF', park: 'KeyP', transfer: 'KeyT' } as const;

/**
 * The ticket at the desk: its number, service and priority group, how long it waited, a running
 * timer since the call or the start, and the actions its state allows, with their shortcut keys.
 * @event nb-action - Call next, recall, start, park or no-show.
 * @event nb-open-dialog - Finish or transfer, which ask for more first.
 */
@customElement('nb-current-ticket')
export class NbCurrentTicket extends LitElement {
  /** The ticket called or served here, or null. */
  @property({ attribute: false }) current: CurrentTicket | null = null;
  /** What the clerk may do now. */
  @property({ attribute: false }) available!: Availability;
  /** The action in flight, shown on its button. */
  @property() pending: DeskAction['kind'] | null = null;
  /** Service names. */
  @property({ attribute: false }) services: ServiceInfo[] = [];
  /** The office's no-show grace time, in seconds. */
  @property({ type: Number }) graceSeconds = 0;
  /** The server's time now, for the timers. */
  @property({ type: Number }) now = 0;
  /** The office's time zone, for a booked visitor's time. */
  @property() timeZone = 'Asia/Tehran';
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    staffStyles,
    css`
      .ticket {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.25rem 1.5rem;
        align-items: center;
        margin-block-end: 1rem;
      }
      .number {
        grid-row: span 3;
        font-size: 4.5rem;
        font-weight: 800;
        line-height: 1.1;
        color: var(--nb-brand-dark);
        min-inline-size: 9rem;
        text-align: center;
      }
      .service {
        font-size: 1.4rem;
        font-weight: 700;
      }
      .status {
        font-weight: 600;
      }
      .status.called {
        color: var(--nb-warn-text);
      }
      .status.serving {
        color: var(--nb-ok);
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.5rem;
        font-size: 1.05rem;
      }
      .timer {
        font-size: 1.6rem;
        font-weight: 700;
      }
      .empty {
        font-size: 1.2rem;
        margin-block: 0.5rem 1.25rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
      }
      .actions button {
        white-space: nowrap;
      }
      .actions .danger {
        font-size: 1.25rem;
      }
      .actions .primary {
        min-block-size: 64px;
        flex: 1 1 14rem;
      }
      .grace {
        margin: 0.75rem 0 0;
        font-weight: 600;
        color: var(--nb-warn-text);
      }
      .hint {
        margin: 0.75rem 0 0;
      }
    `,
  ];

  override render() {
    const { current, language: lang, available } = this;
    return html`
      <section class="panel" aria-labelledby="current-title">
        <h2 id="current-title">${t(lang, 'current')}</h2>
        ${current ? this.renderTicket(current) : html`<p class="empty muted">${t(lang, 'noCurrent')}</p>`}
        <div class="actions">
          ${this.button('next', 'primary', current?.status === 'serving' ? 'finishAndNext' : 'next', available.call, SHORTCUTS.next)}
          ${current?.status === 'called' ? this.button('start', 'primary', 'start', available.start, SHORTCUTS.start) : ''}
          ${current?.status === 'serving' ? this.button('finish', 'secondary', 'finish', available.finish, SHORTCUTS.finish) : ''}
          ${current?.status === 'called' ? this.button('recall', 'secondary', 'recall', available.recall, SHORTCUTS.recall) : ''}
          ${current ? this.button('park', 'secondary', 'park', available.park, SHORTCUTS.park) : ''}
          ${current ? this.button('transfer', 'secondary', 'transfer', available.transfer, SHORTCUTS.transfer) : ''}
          ${current?.status === 'called'
            ? this.button('no-show', 'danger', 'noShow', available.noShow, undefined, available.noShowNeeds === 'grace' ? localDigits(Math.ceil(available.graceLeftMs / 1000), lang) : undefined)
            : ''}
          ${current?.status === 'called' ? this.button('finish', 'secondary', 'finish', available.finish, SHORTCUTS.finish) : ''}
        </div>
        ${available.noShowNeeds === 'recall' ? html`<p class="grace">${tn(lang, 'noShowAfterRecall', this.graceSeconds, { n: localDigits(this.graceSeconds, lang) })}</p>` : ''}
        ${available.noShowNeeds === 'grace'
          ? html`<p class="grace" role="timer">${t(lang, 'graceLeft', { n: localDigits(Math.ceil(available.graceLeftMs / 1000), lang) })}</p>`
          : ''}
        ${current?.status === 'called' ? html`<p class="hint muted">${t(lang, available.noShowNeeds ? 'busyHintBeforeNoShow' : 'busyHint')}</p>` : ''}
      </section>
    `;
  }

  private renderTicket(current: CurrentTicket) {
    const lang = this.language;
    const waitedUntil = current.lastCalledAt ?? current.calledAt ?? this.now;
    const timerFrom = current.status === 'serving' ? (current.startedAt ?? this.now) : (current.lastCalledAt ?? this.now);
    return html`
      <div class="ticket" data-ticket=${current.id} data-status=${current.status}>
        <span class="number num" data-number=${current.number}>${ticketNumberText(current.number, lang)}</span>
        <span class="service">
          ${serviceName(this.services, current.serviceId, lang)}
          ${current.priorityGroup ? html`<span class="badge priority">${t(lang, current.priorityGroup as MessageKey)}</span>` : ''}
          ${bookedBadge(current.booked, lang, this.timeZone)}
        </span>
        <span class="status ${current.status}">${t(lang, current.status === 'serving' ? 'serving' : 'called')}</span>
        <span class="facts">
          <span>${t(lang, current.status === 'serving' ? 'serviceTime' : 'sinceCall')}: <b class="timer num">${timerText(this.now - timerFrom, lang)}</b></span>
          <span>${t(lang, 'waited')}: <b>${minutesText(waitedUntil - current.issuedAt, lang)}</b></span>
          ${current.recalls > 0 ? html`<span class="recalls">${tn(lang, 'recalls', current.recalls, { n: localDigits(current.recalls, lang) })}</span>` : ''}
        </span>
      </div>
    `;
  }

  /** `countdown`: seconds until the button may be used, shown on it. */
  private button(kind: 'next' | 'recall' | 'start' | 'park' | 'finish' | 'transfer' | 'no-show', style: string, label: MessageKey, enabled: boolean, key?: string, countdown?: string) {
    return html`<button
      class=${style}
      data-action=${kind}
      ?disabled=${!enabled}
      aria-busy=${this.pending === kind ? 'true' : 'false'}
      aria-keyshortcuts=${key ? key.slice(3) : nothing}
      @click=${() => this.press(kind)}
    >
      ${t(this.language, label)}${key ? html`<kbd aria-hidden="true">${key.slice(3)}</kbd>` : ''}${countdown ? html` <span class="countdown num" aria-hidden="true">(${countdown})</span>` : ''}
    </button>`;
  }

  private press(kind: 'next' | 'recall' | 'start' | 'park' | 'finish' | 'transfer' | 'no-show') {
    if (kind === 'finish' || kind === 'transfer') return emit(this, 'nb-open-dialog', { dialog: { kind } satisfies Dialog });
    emit(this, 'nb-action', { action: { kind } });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-current-ticket': NbCurrentTicket;
  }
}
