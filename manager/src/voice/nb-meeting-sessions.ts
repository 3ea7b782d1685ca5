import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Refused } from '../../../ui/http/api.js';
import { jalaliDayText, localDigits } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import type { MeetingSession, VoiceApi, Weekday } from './data/voice-api.js';
import { emitChanged } from './events.js';
import { vt } from './i18n.js';
import { voiceStyles } from './voice.styles.js';

const WEEKDAYS: Weekday[] = ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'];
/** Program 9 asks for at least two hours of public meetings a week. */
const WEEKLY_MINUTES_REQUIRED = 120;

/**
 * The office's public-meeting sessions (host, weekday and hours, place), their weekly total against
 * the two hours program 9 asks for (warned in words when under), and a form to add one.
 * @event nb-voice-changed - after a session was added.
 */
@customElement('nb-meeting-sessions')
export class NbMeetingSessions extends LitElement {
  @property({ attribute: false }) api!: VoiceApi;
  @property({ attribute: false }) sessions: MeetingSession[] = [];
  @property({ attribute: false }) hosts: Array<{ id: string; name: string }> = [];
  @property() language: Lang = 'fa';

  @state() private busy = false;
  @state() private failure: string | null = null;

  static override styles = voiceStyles;

  override render() {
    const lang = this.language;
    const weekly = this.sessions.filter((s) => s.active).reduce((sum, s) => sum + minutes(s.to) - minutes(s.from), 0);
    return html`<section class="panel sessions">
      <h2>${vt(lang, 'sessions')}</h2>
      ${this.sessions.length === 0
        ? html`<p>${vt(lang, 'noSessions')}</p>`
        : html`<div class="scroll">
            <table>
              <thead>
                <tr><th>${vt(lang, 'host')}</th><th>${vt(lang, 'weekday')}</th><th>${vt(lang, 'from')}</th><th>${vt(lang, 'to')}</th><th>${vt(lang, 'place')}</th><th>${vt(lang, 'nextDate')}</th></tr>
              </thead>
              <tbody>
                ${this.sessions.map(
                  (s) => html`<tr data-meeting-id=${s.id}>
                    <td>${s.hostName}</td>
                    <td>${vt(lang, s.weekday)}</td>
                    <td>${localDigits(s.from, lang)}</td>
                    <td>${localDigits(s.to, lang)}</td>
                    <td dir="auto">${s.place}</td>
                    <td>${jalaliDayText(s.date, lang)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
      <p class="weekly">${vt(lang, 'weekly', { n: localDigits(weekly, lang) })}</p>
      ${weekly < WEEKLY_MINUTES_REQUIRED ? html`<p class="flag below-two-hours" role="status">${vt(lang, 'belowTwoHours')}</p>` : nothing}
      <form class="row add-session" @submit=${this.add}>
        <label
          >${vt(lang, 'host')}
          <select name="host" required>
            ${this.hosts.map((h) => html`<option value=${h.id}>${h.name}</option>`)}
          </select></label
        >
        <label
          >${vt(lang, 'weekday')}
          <select name="weekday">
            ${WEEKDAYS.map((d) => html`<option value=${d}>${vt(lang, d)}</option>`)}
          </select></label
        >
        <label>${vt(lang, 'from')} <input name="from" type="time" required value="10:00" /></label>
        <label>${vt(lang, 'to')} <input name="to" type="time" required value="12:00" /></label>
        <label class="grow">${vt(lang, 'place')} <input name="place" required maxlength="120" dir="auto" /></label>
        <button class="primary" type="submit" ?disabled=${this.busy}>${vt(lang, 'addSession')}</button>
      </form>
      ${this.failure ? html`<p class="warn" role="alert">${this.failure}</p>` : nothing}
    </section>`;
  }

  private add = async (event: SubmitEvent) => {
    event.preventDefault();
    // Read before any await: once dispatched, an event from a shadow tree no longer names its target.
    const element = event.target as HTMLFormElement;
    const form = new FormData(element);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    this.busy = true;
    this.failure = null;
    try {
      await this.api.addSession({ host: value('host'), weekday: value('weekday') as Weekday, from: value('from'), to: value('to'), place: value('place') });
      element.reset();
      emitChanged(this);
    } catch (error) {
      this.failure = error instanceof Refused ? error.message : t(this.language, 'unreachable');
    } finally {
      this.busy = false;
    }
  };
}

function minutes(clock: string): number {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-meeting-sessions': NbMeetingSessions;
  }
}
