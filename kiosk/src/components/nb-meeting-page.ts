import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../../../ui/nb-persian-keyboard.js';
import type { NbPersianKeyboard } from '../../../ui/nb-persian-keyboard.js';
import { MEETING_REASONS } from '../../../server/voice/labels.js';
import { registerForMeeting, type MeetingReason, type OpenMeeting } from '../data/voice.js';
import { emit } from '../events.js';
import { localDigits } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import { reasonLabel, vt } from '../voice-i18n.js';
import { choices } from './choices.styles.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';
import './nb-follow-up-code.js';

/** The server keeps at most this much of a meeting's reason. */
const TEXT_MAX = 500;

/**
 * «ملاقات با مدیر» at the kiosk: which of today's sessions (when there are several), the reason and a
 * short text on the on-screen keyboard; then the number in the meeting's line and the follow-up code.
 * @event nb-go-home - The visitor is done.
 */
@customElement('nb-meeting-page')
export class NbMeetingPage extends LitElement {
  /** Today's sessions open for registration. */
  @property({ attribute: false }) meetings: OpenMeeting[] = [];
  /** The reader's language. */
  @property() language: Lang = 'fa';
  /** Where phones reach the server: the follow-up page's address. */
  @property() publicUrl = location.origin;
  /** A slip that did not print: its id (the registration's), and why. */
  @property({ attribute: false }) slipFault: { id: string; fault: string } | null = null;

  @state() private meetingId: string | null = null;
  @state() private reason: MeetingReason | null = null;
  @state() private text = '';
  @state() private sending = false;
  @state() private registered: { id: string; number: string; code: string } | null = null;
  @state() private error: string | null = null;

  static override styles = [
    baseStyles,
    choices,
    css`
      :host {
        display: block;
      }
      textarea {
        box-sizing: border-box;
        inline-size: 100%;
        block-size: 7rem;
        resize: none;
        font: inherit;
        font-size: 1.6rem;
        padding: 0.75rem 1rem;
        border: 2px solid var(--nb-line);
        border-radius: 12px;
      }
      textarea:focus {
        outline: 4px solid #f0a500;
      }
      nb-persian-keyboard {
        margin-block: 1rem;
      }
    `,
  ];

  override render() {
    const lang = this.language;
    if (this.registered) {
      const fault = this.slipFault?.id === this.registered.id ? this.slipFault.fault : null;
      return html`<nb-follow-up-code .code=${this.registered.code} .number=${this.registered.number} .publicUrl=${this.publicUrl} .printFault=${fault} .language=${lang} heading=${vt(lang, 'registeredTitle')}></nb-follow-up-code>`;
    }
    if (!this.meetings.length) return html`<h2 class="lead">${vt(lang, 'meetingTile')}</h2><p class="help">${vt(lang, 'noMeetingToday')}</p>`;
    const chosen = this.meetingId ?? (this.meetings.length === 1 ? this.meetings[0]!.id : null);
    return html`
      <h2 class="lead">${vt(lang, 'meetingTile')}</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.meetings.length > 1
        ? html`<fieldset>
            <legend>${vt(lang, 'sessionQuestion')}</legend>
            <div class="choices">
              ${this.meetings.map((m) => html`<button class="choice" data-choice=${`meeting-${m.id}`} aria-pressed=${chosen === m.id ? 'true' : 'false'} @click=${() => (this.meetingId = m.id)}>${sessionText(m, lang)}</button>`)}
            </div>
          </fieldset>`
        : html`<p class="help">${sessionText(this.meetings[0]!, lang)}</p>`}
      <fieldset>
        <legend>${vt(lang, 'reasonQuestion')}</legend>
        <div class="choices">
          ${MEETING_REASONS.map((r) => html`<button class="choice" data-choice=${`reason-${r}`} aria-pressed=${this.reason === r ? 'true' : 'false'} @click=${() => (this.reason = r)}>${reasonLabel(lang, r)}</button>`)}
        </div>
      </fieldset>
      <label for="text" class="question">${vt(lang, 'meetingTextQuestion')}</label>
      <textarea id="text" inputmode="none" maxlength=${TEXT_MAX} dir="auto" .value=${this.text} @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}></textarea>
      <nb-persian-keyboard variant="text" language=${lang}></nb-persian-keyboard>
      <div class="actions">
        <button class="secondary" @click=${() => emit(this, 'nb-go-home', {})}>${t(lang, 'back')}</button>
        <button class="primary" ?disabled=${!chosen || !this.reason || this.sending} @click=${() => void this.submit(chosen)}>${this.sending ? vt(lang, 'sending') : vt(lang, 'submit')}</button>
      </div>
    `;
  }

  private async submit(meetingId: string | null) {
    if (!meetingId || !this.reason || this.sending) return;
    this.sending = true;
    try {
      this.registered = await registerForMeeting(meetingId, this.reason, this.text, this.language);
    } catch (error) {
      this.error = `${vt(this.language, 'failed')}: ${(error as Error).message}`;
    } finally {
      this.sending = false;
    }
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    const keyboard = this.renderRoot.querySelector<NbPersianKeyboard>('nb-persian-keyboard');
    const field = this.renderRoot.querySelector('textarea');
    if (keyboard && field && keyboard.target !== field) keyboard.target = field;
  }
}

/** «امروز از ساعت ۱۰:۰۰ تا ۱۲:۰۰، اتاق مدیر» */
export function sessionText(meeting: OpenMeeting, lang: Lang): string {
  return vt(lang, 'meetingTileHelp', { from: localDigits(meeting.from, lang), to: localDigits(meeting.to, lang), place: meeting.place });
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-meeting-page': NbMeetingPage;
  }
}
