import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Refused } from '../../../ui/http/api.js';
import { jalaliInputToIso } from '../../../ui/dates.js';
import { localDigits } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import type { MeetingResult, MeetingSession, Registration, VoiceApi } from './data/voice-api.js';
import { emitChanged } from './events.js';
import { vt } from './i18n.js';
import { voiceStyles } from './voice.styles.js';

const RESULTS: MeetingResult[] = ['resolved', 'referred', 'follow_up'];
/** Registrations arrive with `revision`; this slow re-read is only a safety net. */
const LINE_REFRESH_MS = 60_000;

/**
 * Running one session: today's line, «call the next citizen» (the waiting room's board shows the
 * number and the place), «call again» for one who has not come, and the result of each meeting held: resolved, referred to a unit, or a
 * follow-up with the person who follows it and a Jalali due date.
 * @event nb-voice-changed - after a result was recorded (the follow-ups change).
 */
@customElement('nb-meeting-run')
export class NbMeetingRun extends LitElement {
  @property({ attribute: false }) api!: VoiceApi;
  @property({ attribute: false }) sessions: MeetingSession[] = [];
  /** Today in the office's zone (Gregorian ISO), to pick today's session first. */
  @property() today = '';
  @property() language: Lang = 'fa';
  /** Moves when a citizen registered at the kiosk: the line is read again. */
  @property({ type: Number }) revision = 0;

  @state() private meetingId = '';
  @state() private line: Registration[] = [];
  @state() private notice: string | null = null;
  @state() private failure: string | null = null;
  @state() private busy = false;
  @state() private result: MeetingResult = 'resolved';

  private timer: ReturnType<typeof setInterval> | undefined;

  static override styles = voiceStyles;

  override connectedCallback() {
    super.connectedCallback();
    // Citizens register at the kiosk while the manager waits: `revision` brings them; this is a safety net.
    this.timer = setInterval(() => void this.loadLine(), LINE_REFRESH_MS);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('sessions') && !this.sessions.some((s) => s.id === this.meetingId)) {
      this.meetingId = (this.sessions.find((s) => s.date === this.today) ?? this.sessions[0])?.id ?? '';
      void this.loadLine();
    } else if (changed.has('revision') && changed.get('revision') !== undefined) {
      void this.loadLine();
    }
  }

  override render() {
    const lang = this.language;
    if (this.sessions.length === 0) return nothing;
    const current = this.line.find((r) => r.status === 'called');
    return html`<section class="panel run">
      <h2>${vt(lang, 'runMeeting')}</h2>
      <div class="row">
        <label
          >${vt(lang, 'session')}
          <select name="meeting" @change=${this.choose}>
            ${this.sessions.map((s) => html`<option value=${s.id} ?selected=${s.id === this.meetingId}>${vt(lang, s.weekday)} ${localDigits(s.from, lang)}–${localDigits(s.to, lang)} · ${s.place}</option>`)}
          </select></label
        >
        <button class="primary" data-action="call-next" ?disabled=${this.busy || current !== undefined} @click=${this.callNext}>${vt(lang, 'callNext')}</button>
      </div>
      <div role="status" aria-live="polite">${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}</div>
      ${this.failure ? html`<p class="warn" role="alert">${this.failure}</p>` : nothing}
      ${current ? this.renderResultForm(current) : nothing}
      <h3>${vt(lang, 'line')}</h3>
      ${this.line.length === 0
        ? html`<p>${vt(lang, 'noneWaiting')}</p>`
        : html`<div class="scroll">
            <table class="line">
              <thead>
                <tr><th>${vt(lang, 'number')}</th><th>${vt(lang, 'reason')}</th><th>${vt(lang, 'text')}</th><th>${vt(lang, 'status')}</th><th>${vt(lang, 'result')}</th></tr>
              </thead>
              <tbody>
                ${this.line.map(
                  (r) => html`<tr data-registration-id=${r.id} data-status=${r.status}>
                    <td class="num">${localDigits(r.number, lang)}</td>
                    <td>${vt(lang, r.reason)}</td>
                    <td dir="auto">${r.text ?? ''}</td>
                    <td>${vt(lang, r.status)}</td>
                    <td>${r.result ? vt(lang, r.result) : ''}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
    </section>`;
  }

  private renderResultForm(current: Registration) {
    const lang = this.language;
    return html`<form class="card result-form" data-registration-id=${current.id} @submit=${this.record}>
      <div class="row">
        <p class="badge">${vt(lang, 'calledNow', { number: localDigits(current.number, lang) })} — ${vt(lang, current.reason)}</p>
        <button type="button" data-action="recall" ?disabled=${this.busy} @click=${() => this.recall(current)}>${vt(lang, 'recall')}</button>
      </div>
      ${current.text ? html`<p class="body" dir="auto">${current.text}</p>` : nothing}
      <fieldset class="row">
        <legend>${vt(lang, 'result')}</legend>
        ${RESULTS.map(
          (r) => html`<label class="check"
            ><input type="radio" name="result" value=${r} .checked=${r === this.result} @change=${() => (this.result = r)} /> ${vt(lang, r)}</label
          >`,
        )}
      </fieldset>
      <label>${vt(lang, 'note')} <textarea name="note" maxlength="1000" dir="auto"></textarea></label>
      ${this.result === 'follow_up'
        ? html`<div class="row">
            <label class="grow">${vt(lang, 'followUpBy')} <input name="followUpBy" required maxlength="120" dir="auto" /></label>
            <label>${vt(lang, 'dueDate')} <input name="dueDate" required inputmode="numeric" dir="ltr" /></label>
          </div>`
        : nothing}
      <div class="row"><button class="primary" type="submit" ?disabled=${this.busy}>${vt(lang, 'recordResult')}</button></div>
    </form>`;
  }

  private choose = (event: Event) => {
    this.meetingId = (event.target as HTMLSelectElement).value;
    this.notice = null;
    void this.loadLine();
  };

  private callNext = () =>
    void this.run(async () => {
      const called = await this.api.callNext(this.meetingId);
      this.notice = called ? vt(this.language, 'calledNow', { number: localDigits(called.registration.number, this.language) }) : vt(this.language, 'nobodyToCall');
      this.result = 'resolved';
    });

  private recall = (current: Registration) =>
    void this.run(async () => {
      const { registration } = await this.api.recall(current.id);
      this.notice = vt(this.language, 'recalledNow', { number: localDigits(registration.number, this.language) });
    });

  private record = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const id = (event.target as HTMLFormElement).dataset.registrationId ?? '';
    const value = (name: string) => String(form.get(name) ?? '').trim() || null;
    let dueDate: string | null = null;
    if (this.result === 'follow_up') {
      dueDate = jalaliInputToIso(value('dueDate') ?? '');
      if (dueDate === null) {
        this.failure = vt(this.language, 'badDate');
        return;
      }
    }
    const result = this.result;
    void this.run(async () => {
      await this.api.recordResult(id, { result, note: value('note'), followUpBy: result === 'follow_up' ? value('followUpBy') : null, dueDate });
      this.notice = null;
      emitChanged(this);
    });
  };

  private async run(action: () => Promise<void>) {
    this.busy = true;
    this.failure = null;
    try {
      await action();
      await this.loadLine();
    } catch (error) {
      this.failure = error instanceof Refused ? error.message : t(this.language, 'unreachable');
    } finally {
      this.busy = false;
    }
  }

  private async loadLine() {
    if (!this.meetingId || !this.api) return;
    const asked = this.meetingId;
    try {
      const line = await this.api.line(asked);
      if (asked === this.meetingId) this.line = line;
    } catch (error) {
      this.failure = error instanceof Refused ? error.message : t(this.language, 'unreachable');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-meeting-run': NbMeetingRun;
  }
}
