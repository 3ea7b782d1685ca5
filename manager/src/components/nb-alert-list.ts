import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { jalaliMomentText } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import type { AlertView } from '../state.js';
import { managerStyles } from './manager.styles.js';

/**
 * The alerts: each unacknowledged one with a comment box and an acknowledge button, then today's
 * acknowledged ones with who, when and what they wrote.
 * @event nb-acknowledge - The manager acknowledged an alert with a comment.
 */
@customElement('nb-alert-list')
export class NbAlertList extends LitElement {
  /** Unacknowledged first, then acknowledged. */
  @property({ attribute: false }) alerts: AlertView[] = [];
  /** The alert whose acknowledgement is in flight. */
  @property({ attribute: false }) acknowledging: number | null = null;
  /** The office's time zone. */
  @property() timeZone = 'Asia/Tehran';
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [
    managerStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      li {
        border: 1px solid var(--nb-line);
        border-inline-start: 6px solid var(--nb-danger);
        border-radius: 10px;
        padding: 0.6rem 0.8rem;
        display: grid;
        gap: 0.4rem;
      }
      li.cleared {
        border-inline-start-color: #e0b44a;
      }
      li.acknowledged {
        border-inline-start-color: var(--nb-ok);
        background: #f5f8f6;
      }
      .message {
        font-weight: 700;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      form input {
        flex: 1 1 12rem;
      }
      .hint {
        color: var(--nb-danger);
        margin: 0;
      }
    `,
  ];

  override render() {
    const lang = this.language;
    return html`<div class="panel">
      <h2>${t(lang, 'alerts')}</h2>
      ${this.alerts.length === 0 ? html`<p class="muted none">${t(lang, 'noAlerts')}</p>` : html`<ol>${this.alerts.map((alert) => this.item(alert))}</ol>`}
    </div>`;
  }

  private item(alert: AlertView) {
    const lang = this.language;
    const when = (at: number) => jalaliMomentText(at, this.timeZone, lang);
    const state = alert.acknowledged ? 'acknowledged' : alert.clearedAt !== null ? 'cleared' : 'active';
    return html`<li class=${state} data-alert=${alert.id} data-kind=${alert.kind}>
      <span class="message">${lang === 'en' ? alert.messageEn : alert.message}</span>
      <span class="muted">${t(lang, 'raisedAt', { t: when(alert.at) })}${lang === 'fa' ? '؛' : ';'} ${t(lang, alert.clearedAt !== null ? 'cleared' : 'stillActive')}</span>
      ${alert.acknowledged
        ? html`<span class="ack">${t(lang, 'acknowledgedBy', { who: alert.acknowledged.byName, t: when(alert.acknowledged.at) })}: <bdi>${alert.acknowledged.comment}</bdi></span>`
        : html`<form @submit=${(e: SubmitEvent) => this.submit(e, alert.id)}>
            <input name="comment" maxlength="500" required aria-label=${t(lang, 'comment')} placeholder=${t(lang, 'comment')} />
            <button class="secondary" type="submit" ?disabled=${this.acknowledging !== null}>${t(lang, 'acknowledge')}</button>
          </form>`}
    </li>`;
  }

  private submit(event: SubmitEvent, alertId: number) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const comment = String(new FormData(form).get('comment') ?? '').trim();
    if (!comment) return;
    emit(this, 'nb-acknowledge', { alertId, comment });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-alert-list': NbAlertList;
  }
}
