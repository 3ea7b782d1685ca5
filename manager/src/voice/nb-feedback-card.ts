import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Refused } from '../../../ui/http/api.js';
import { jalaliMomentText } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import type { Assignee, FeedbackItem, FeedbackTopic, VoiceApi } from './data/voice-api.js';
import { emitChanged } from './events.js';
import { durationText } from './format.js';
import { vt } from './i18n.js';
import { voiceStyles } from './voice.styles.js';

/**
 * One item of the inbox: its kind, topic, service and state, how long it has waited against its
 * kind's target (past it: a red edge and the words «از زمان هدف گذشته است»), the visitor's text as
 * text, and assigning, answering (what the citizen reads) and closing.
 * @event nb-voice-changed - after the item was changed on the server.
 */
@customElement('nb-feedback-card')
export class NbFeedbackCard extends LitElement {
  @property({ attribute: false }) item!: FeedbackItem;
  @property({ attribute: false }) api!: VoiceApi;
  @property({ attribute: false }) topics: FeedbackTopic[] = [];
  @property({ attribute: false }) services: Array<{ id: string; name: string; nameEn: string }> = [];
  @property({ attribute: false }) assignees: Assignee[] = [];
  @property() timeZone = 'Asia/Tehran';
  @property() language: Lang = 'fa';

  @state() private busy = false;
  @state() private failure: string | null = null;

  static override styles = voiceStyles;

  override render() {
    const lang = this.language;
    const item = this.item;
    const topic = this.topics.find((x) => x.id === item.topic);
    const service = this.services.find((s) => s.id === item.serviceId);
    const open = item.status !== 'closed';
    const age = { age: durationText(item.ageSeconds, lang), target: durationText(item.targetSeconds, lang) };
    return html`<article class="card ${item.overdue ? 'overdue' : item.status === 'closed' ? 'done' : ''}" data-feedback-id=${item.id} data-status=${item.status}>
      <div class="meta">
        <span class="badge">${vt(lang, item.kind)}</span>
        <span>${topic ? (lang === 'en' && topic.nameEn ? topic.nameEn : topic.name) : item.topic}</span>
        ${service ? html`<span>${lang === 'en' ? service.nameEn : service.name}</span>` : nothing}
        <span class="status">${vt(lang, item.status)}</span>
        <span>${vt(lang, 'filedAt', { t: jalaliMomentText(item.createdAt, this.timeZone, lang) })}</span>
      </div>
      <div class="meta">
        <span class="age">${vt(lang, item.answeredAt === null ? 'waited' : 'answeredIn', age)}</span>
        ${item.overdue ? html`<span class="flag">${vt(lang, 'overdue')}</span>` : html`<span class="fine">${vt(lang, 'withinTarget')}</span>`}
        <span class="assignee">${item.assignedTo ? vt(lang, 'assignedTo', { name: item.assignedTo.name }) : vt(lang, 'notAssigned')}</span>
        ${item.hasMobile ? html`<span>${vt(lang, 'withMobile')}</span>` : nothing}
      </div>
      <p class="body" dir="auto">${item.text}</p>
      ${item.answer !== null ? html`<p class="body answer" dir="auto"><strong>${vt(lang, 'currentAnswer')}:</strong> ${item.answer}</p>` : nothing}
      ${this.failure ? html`<p class="warn" role="alert">${this.failure}</p>` : nothing}
      ${open ? this.renderActions() : nothing}
    </article>`;
  }

  private renderActions() {
    const lang = this.language;
    const item = this.item;
    const canAssign = item.status === 'received' || item.status === 'in_progress';
    // The clerk a complaint is about is not offered (the server refuses it too).
    const people = this.assignees.filter((a) => a.id !== item.staffId);
    return html`
      ${canAssign
        ? html`<form class="row assign" @submit=${this.assign}>
            <label
              >${vt(lang, 'assignTo')}
              <select name="userId" required>
                ${people.map((p) => html`<option value=${p.id} ?selected=${p.id === item.assignedTo?.id}>${p.name}</option>`)}
              </select></label
            >
            <button class="secondary" type="submit" ?disabled=${this.busy}>${vt(lang, 'assign')}</button>
          </form>`
        : nothing}
      <form class="answer-form" @submit=${this.answer}>
        <label
          >${vt(lang, 'answer')}
          <textarea name="text" required maxlength="2000" dir="auto" .value=${item.answer ?? ''}></textarea>
        </label>
        <div class="row">
          <button class="primary" type="submit" ?disabled=${this.busy}>${vt(lang, 'sendAnswer')}</button>
          <button class="secondary" type="button" data-action="close" ?disabled=${this.busy} @click=${this.close}>${vt(lang, 'close')}</button>
        </div>
      </form>
    `;
  }

  private assign = (event: SubmitEvent) => {
    event.preventDefault();
    const userId = String(new FormData(event.target as HTMLFormElement).get('userId') ?? '');
    if (userId) void this.run(() => this.api.assign(this.item.id, userId));
  };

  private answer = (event: SubmitEvent) => {
    event.preventDefault();
    const text = String(new FormData(event.target as HTMLFormElement).get('text') ?? '').trim();
    if (text) void this.run(() => this.api.answer(this.item.id, text));
  };

  private close = () => void this.run(() => this.api.close(this.item.id));

  private async run(action: () => Promise<unknown>) {
    this.busy = true;
    this.failure = null;
    try {
      await action();
      emitChanged(this);
    } catch (error) {
      this.failure = error instanceof Refused ? error.message : t(this.language, 'unreachable');
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-feedback-card': NbFeedbackCard;
  }
}
