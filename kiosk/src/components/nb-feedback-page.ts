import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../../../ui/nb-persian-keyboard.js';
import type { NbPersianKeyboard } from '../../../ui/nb-persian-keyboard.js';
import { fetchFeedbackOptions, fileFeedback, type FeedbackDraft, type FeedbackKind, type FeedbackOptions } from '../data/voice.js';
import { localDigits } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import { serviceName, type KioskService } from '../state.js';
import { kindLabel, vt } from '../voice-i18n.js';
import { choices } from './choices.styles.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';
import './nb-follow-up-code.js';

/** The server keeps at most this much of a visitor's text. */
const TEXT_MAX = 2000;

type Step = 'about' | 'text' | 'contact' | 'sending' | 'done';
type Draft = Partial<Omit<FeedbackDraft, 'mobile'>> & { text: string; mobile: string };

/**
 * «ثبت شکایت، انتقاد یا پیشنهاد» at the kiosk: the kind, the topic and the service it concerns, the
 * text typed on the on-screen keyboard, an optional mobile number on the number pad beside a plain
 * statement of what is kept and for how long; then the follow-up code, large, while the slip prints.
 * @event nb-go-home - The visitor is done.
 */
@customElement('nb-feedback-page')
export class NbFeedbackPage extends LitElement {
  /** The services a visitor may say it concerns. */
  @property({ attribute: false }) services: KioskService[] = [];
  /** The reader's language. */
  @property() language: Lang = 'fa';
  /** Where phones reach the server: the follow-up page's address. */
  @property() publicUrl = location.origin;
  /** A slip that did not print: its id (the feedback's), and why. */
  @property({ attribute: false }) slipFault: { id: string; fault: string } | null = null;

  @state() private options: FeedbackOptions | null = null;
  @state() private step: Step = 'about';
  /** The form so far; the mobile number as typed ('' for none). */
  @state() private draft: Draft = { serviceId: null, text: '', mobile: '' };
  @state() private filed: { id: string; code: string } | null = null;
  @state() private error: string | null = null;

  static override styles = [
    baseStyles,
    choices,
    css`
      :host {
        display: block;
      }
      textarea,
      input {
        box-sizing: border-box;
        inline-size: 100%;
        font: inherit;
        font-size: 1.6rem;
        padding: 0.75rem 1rem;
        border: 2px solid var(--nb-line);
        border-radius: 12px;
        background: var(--nb-surface);
        color: var(--nb-text);
      }
      textarea {
        block-size: 11rem;
        resize: none;
      }
      input {
        direction: ltr;
        text-align: center;
        letter-spacing: 0.1em;
      }
      textarea:focus,
      input:focus {
        outline: 4px solid #f0a500;
      }
      .left {
        color: var(--nb-muted);
        font-size: 1.1rem;
        margin: 0.25rem 0 1rem;
      }
      .kept {
        font-size: 1.25rem;
        line-height: 1.8;
        background: #eef4f6;
        border-radius: 12px;
        padding: 1rem 1.25rem;
        margin-block: 1rem;
      }
      nb-persian-keyboard {
        margin-block: 1rem;
      }
      nb-persian-keyboard[variant='phone'] {
        max-inline-size: 34rem;
        margin-inline: auto;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    fetchFeedbackOptions().then(
      (options) => (this.options = options),
      (error: Error) => (this.error = error.message),
    );
  }

  override render() {
    const lang = this.language;
    if (this.step === 'done' && this.filed) {
      const fault = this.slipFault?.id === this.filed.id ? this.slipFault.fault : null;
      return html`<nb-follow-up-code .code=${this.filed.code} .publicUrl=${this.publicUrl} .printFault=${fault} .language=${lang} heading=${vt(lang, 'filedTitle')}></nb-follow-up-code>`;
    }
    return html`
      <h2 class="lead">${vt(lang, 'feedbackTile')}</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${!this.options ? html`<p>${vt(lang, 'loading')}</p>` : this.step === 'about' ? this.renderAbout(this.options) : this.step === 'text' ? this.renderText() : this.renderContact(this.options)}
    `;
  }

  private renderAbout(options: FeedbackOptions) {
    const lang = this.language;
    const { kind, topic, serviceId } = this.draft;
    return html`
      <fieldset>
        <legend>${vt(lang, 'kindQuestion')}</legend>
        <div class="choices">
          ${options.kinds.map((k) => this.choice(kindLabel(lang, k), kind === k, () => this.set({ kind: k as FeedbackKind }), `kind-${k}`))}
        </div>
      </fieldset>
      <fieldset>
        <legend>${vt(lang, 'topicQuestion')}</legend>
        <div class="choices">
          ${options.topics.map((tp) => this.choice(lang === 'en' && tp.nameEn ? tp.nameEn : tp.name, topic === tp.id, () => this.set({ topic: tp.id }), `topic-${tp.id}`))}
        </div>
      </fieldset>
      <fieldset>
        <legend>${vt(lang, 'serviceQuestion')}</legend>
        <div class="choices">
          ${this.choice(vt(lang, 'noService'), serviceId === null, () => this.set({ serviceId: null }), 'service-none')}
          ${this.services.map((s) => this.choice(serviceName(s, lang), serviceId === s.id, () => this.set({ serviceId: s.id }), `service-${s.id}`))}
        </div>
      </fieldset>
      ${this.actions(!kind || !topic, () => (this.step = 'text'))}
    `;
  }

  private renderText() {
    const lang = this.language;
    const left = TEXT_MAX - this.draft.text.length;
    return html`
      <label for="text" class="question">${vt(lang, 'textQuestion')}</label>
      <textarea id="text" inputmode="none" maxlength=${TEXT_MAX} dir="auto" placeholder=${vt(lang, 'textPlaceholder')} .value=${this.draft.text} @input=${(e: Event) => this.set({ text: (e.target as HTMLTextAreaElement).value })}></textarea>
      <p class="left" aria-live="polite">${vt(lang, 'charactersLeft', { n: localDigits(left, lang) }, left)}</p>
      <nb-persian-keyboard variant="text" language=${lang}></nb-persian-keyboard>
      ${this.actions(this.draft.text.trim() === '', () => (this.step = 'contact'), () => (this.step = 'about'))}
    `;
  }

  private renderContact(options: FeedbackOptions) {
    const lang = this.language;
    return html`
      <label for="mobile" class="question">${vt(lang, 'mobileQuestion')}</label>
      <p class="help">${vt(lang, 'mobileHelp')}</p>
      <input id="mobile" inputmode="none" maxlength="11" autocomplete="off" .value=${this.draft.mobile} @input=${(e: Event) => this.set({ mobile: (e.target as HTMLInputElement).value })} />
      <nb-persian-keyboard variant="phone" language=${lang}></nb-persian-keyboard>
      <p class="kept">${vt(lang, 'keptStatement', { n: localDigits(options.retentionDays, lang) }, options.retentionDays)}</p>
      <div class="actions">
        <button class="secondary" @click=${() => (this.step = 'text')}>${t(lang, 'back')}</button>
        <button class="primary" ?disabled=${this.step === 'sending'} @click=${() => void this.submit()}>${this.step === 'sending' ? vt(lang, 'sending') : vt(lang, 'submit')}</button>
      </div>
    `;
  }

  private choice(label: string, chosen: boolean, pick: () => void, id: string) {
    return html`<button class="choice" data-choice=${id} aria-pressed=${chosen ? 'true' : 'false'} @click=${pick}>${label}</button>`;
  }

  private actions(disabled: boolean, next: () => void, back?: () => void) {
    const lang = this.language;
    return html`<div class="actions">
      ${back ? html`<button class="secondary" @click=${back}>${t(lang, 'back')}</button>` : nothing}
      <button class="primary" ?disabled=${disabled} @click=${next}>${vt(lang, 'next')}</button>
    </div>`;
  }

  private set(changes: Partial<Draft>) {
    this.draft = { ...this.draft, ...changes };
    this.error = null;
  }

  private async submit() {
    const { kind, topic, serviceId, text, mobile } = this.draft;
    if (!kind || !topic || this.step === 'sending') return;
    this.step = 'sending';
    try {
      this.filed = await fileFeedback({ kind, topic, serviceId: serviceId ?? null, text, mobile: mobile.trim() || null }, this.language);
      this.step = 'done';
    } catch (error) {
      this.error = `${vt(this.language, 'failed')}: ${(error as Error).message}`;
      this.step = 'contact';
    }
  }

  /** The keyboard on screen types into the field on screen, which has the focus. */
  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    const keyboard = this.renderRoot.querySelector<NbPersianKeyboard>('nb-persian-keyboard');
    const field = this.renderRoot.querySelector<HTMLTextAreaElement | HTMLInputElement>('textarea, input');
    if (keyboard && field && keyboard.target !== field) {
      keyboard.target = field;
      field.focus({ preventScroll: true });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-feedback-page': NbFeedbackPage;
  }
}
