import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Refused } from '../../../ui/http/api.js';
import { t, type Lang } from '../i18n.js';
import { NO_FILTER, VoiceApi, type Assignee, type FeedbackItem, type FeedbackTopic, type InboxFilter } from './data/voice-api.js';
import { vt } from './i18n.js';
import { voiceStyles } from './voice.styles.js';
import './nb-feedback-card.js';

const KINDS = ['complaint', 'criticism', 'suggestion', 'appreciation'] as const;
const STATUSES = ['received', 'in_progress', 'answered', 'closed'] as const;
/** The «older than» choices, in hours: a day, three days (a complaint's default target), a week, a month. */
const AGES = [24, 72, 168, 720] as const;
/** New and changed items arrive with `revision`; only the waits' ages move with no event, read again this often. */
const REFRESH_MS = 5 * 60_000;

/** The «شکایات و پیشنهادها» tab: the managers' inbox, filtered by kind, topic, service, status and age. */
@customElement('nb-inbox-tab')
export class NbInboxTab extends LitElement {
  /** The manager's session token. */
  @property({ attribute: false }) token = '';
  /** The office's time zone. */
  @property() timeZone = 'Asia/Tehran';
  /** The reader's language. */
  @property() language: Lang = 'fa';
  /** Moves when the office's feedback was filed or changed (the live connection says so): the list is read again. */
  @property({ type: Number }) revision = 0;

  @state() private filter: InboxFilter = NO_FILTER;
  @state() private items: FeedbackItem[] | null = null;
  @state() private topics: FeedbackTopic[] = [];
  @state() private services: Array<{ id: string; name: string; nameEn: string }> = [];
  @state() private assignees: Assignee[] = [];
  @state() private failure: string | null = null;

  private api: VoiceApi | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Answers to an older filter arriving late are dropped. */
  private asked = 0;

  static override styles = voiceStyles;

  override connectedCallback() {
    super.connectedCallback();
    this.timer = setInterval(() => void this.load(), REFRESH_MS);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('token') && this.token) {
      this.api = new VoiceApi(this.token);
      void this.loadLists();
      void this.load();
    } else if (changed.has('revision') && changed.get('revision') !== undefined && this.api) {
      void this.load();
    }
  }

  override render() {
    const lang = this.language;
    const f = this.filter;
    return html`
      <form class="row panel filters" aria-label=${vt(lang, 'filters')} @change=${this.onFilter} @submit=${(e: Event) => e.preventDefault()}>
        ${this.select('kind', vt(lang, 'kind'), f.kind, KINDS.map((k) => [k, vt(lang, k)]))}
        ${this.select('topic', vt(lang, 'topic'), f.topic, this.topics.map((x) => [x.id, lang === 'en' && x.nameEn ? x.nameEn : x.name]))}
        ${this.select('serviceId', vt(lang, 'service'), f.serviceId, this.services.map((s) => [s.id, lang === 'en' ? s.nameEn : s.name]))}
        ${this.select('status', vt(lang, 'status'), f.status, STATUSES.map((s) => [s, vt(lang, s)]))}
        ${this.select('olderThanHours', vt(lang, 'age'), f.olderThanHours ? String(f.olderThanHours) : '', AGES.map((h) => [String(h), vt(lang, 'olderThan', { n: String(h) })]))}
        <button class="secondary" type="button" @click=${() => void this.load()}>${vt(lang, 'refresh')}</button>
      </form>
      ${this.failure ? html`<p class="warn" role="alert">${this.failure}</p>` : ''}
      ${this.items === null
        ? html`<p>${t(lang, 'loading')}</p>`
        : this.items.length === 0
          ? html`<p class="empty">${vt(lang, 'noItems')}</p>`
          : html`<ol @nb-voice-changed=${() => void this.load()}>
              ${this.items.map(
                (item) =>
                  html`<li>
                    <nb-feedback-card .item=${item} .api=${this.api} .topics=${this.topics} .services=${this.services} .assignees=${this.assignees} .timeZone=${this.timeZone} .language=${lang}></nb-feedback-card>
                  </li>`,
              )}
            </ol>`}
    `;
  }

  private select(name: keyof InboxFilter, label: string, value: string, options: Array<[string, string]>) {
    return html`<label
      >${label}
      <select name=${name}>
        <option value="" ?selected=${value === ''}>${vt(this.language, 'any')}</option>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select></label
    >`;
  }

  private onFilter = (event: Event) => {
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? '');
    this.filter = {
      kind: value('kind') as InboxFilter['kind'],
      topic: value('topic'),
      serviceId: value('serviceId'),
      status: value('status') as InboxFilter['status'],
      olderThanHours: Number(value('olderThanHours') || 0),
    };
    void this.load();
  };

  private async loadLists() {
    const api = this.api;
    if (!api) return;
    try {
      [this.topics, this.services, this.assignees] = await Promise.all([api.topics(), api.services(), api.assignees()]);
    } catch (error) {
      this.failure = error instanceof Refused ? error.message : t(this.language, 'unreachable');
    }
  }

  private async load() {
    const api = this.api;
    if (!api) return;
    const asked = ++this.asked;
    try {
      const items = await api.inbox(this.filter);
      if (asked !== this.asked) return;
      this.items = items;
      this.failure = null;
    } catch (error) {
      if (asked === this.asked) this.failure = error instanceof Refused ? error.message : t(this.language, 'unreachable');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-inbox-tab': NbInboxTab;
  }
}
