import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Refused } from '../../../ui/http/api.js';
import { t, type Lang } from '../i18n.js';
import { VoiceApi, type FollowUpItem, type MeetingSession } from './data/voice-api.js';
import { voiceStyles } from './voice.styles.js';
import './nb-follow-ups.js';
import './nb-meeting-run.js';
import './nb-meeting-sessions.js';

/** The «ملاقات عمومی» tab: the sessions and their weekly total, running today's meeting, and the follow-ups until done. */
@customElement('nb-meetings-tab')
export class NbMeetingsTab extends LitElement {
  /** The manager's session token. */
  @property({ attribute: false }) token = '';
  /** Today in the office's zone (Gregorian ISO). */
  @property() today = '';
  /** The reader's language. */
  @property() language: Lang = 'fa';
  /** Moves when a citizen registered for a meeting (the live connection says so). */
  @property({ type: Number }) revision = 0;

  @state() private sessions: MeetingSession[] = [];
  @state() private hosts: Array<{ id: string; name: string }> = [];
  @state() private followUps: FollowUpItem[] = [];
  @state() private failure: string | null = null;

  private api: VoiceApi | null = null;

  static override styles = voiceStyles;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('token') && this.token) {
      this.api = new VoiceApi(this.token);
      void this.load();
    }
  }

  override render() {
    const lang = this.language;
    if (!this.api) return html``;
    return html`<div class="meetings" @nb-voice-changed=${() => void this.load()}>
      ${this.failure ? html`<p class="warn" role="alert">${this.failure}</p>` : ''}
      <nb-meeting-run .api=${this.api} .sessions=${this.sessions} .revision=${this.revision} .today=${this.today} .language=${lang}></nb-meeting-run>
      <nb-follow-ups .api=${this.api} .followUps=${this.followUps} .language=${lang}></nb-follow-ups>
      <nb-meeting-sessions .api=${this.api} .sessions=${this.sessions} .hosts=${this.hosts} .language=${lang}></nb-meeting-sessions>
    </div>`;
  }

  private async load() {
    const api = this.api;
    if (!api) return;
    try {
      [this.sessions, this.hosts, this.followUps] = await Promise.all([api.sessions(), api.hosts(), api.followUps()]);
      this.failure = null;
    } catch (error) {
      this.failure = error instanceof Refused ? error.message : t(this.language, 'unreachable');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-meetings-tab': NbMeetingsTab;
  }
}
