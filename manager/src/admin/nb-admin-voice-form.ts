import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { OfficeConfig } from '../../../server/config/schema.js';
import type { Lang } from '../i18n.js';
import { vt, type VoiceKey } from '../voice/i18n.js';
import { adminStyles } from './admin.styles.js';
import type { AdminApi } from './data/admin-api.js';
import { emitSaved } from './events.js';
import { FormState } from './form-state.js';
import { fieldError, formMessage, number, optional, text, textField } from './form.js';
import { at } from './i18n.js';

const KINDS = ['complaint', 'criticism', 'suggestion', 'appreciation'] as const satisfies readonly VoiceKey[];
/** Empty rows under the topics, for adding new ones. */
const SPARE_ROWS = 2;

/**
 * The citizens' voice of the office: the topics visitors file feedback under, the target answer
 * time per kind (the inbox and its alerts measure against it) and how long mobile numbers are kept.
 * @event nb-admin-saved - after a save.
 */
@customElement('nb-admin-voice-form')
export class NbAdminVoiceForm extends LitElement {
  @property({ attribute: false }) api!: AdminApi;
  @property({ attribute: false }) config!: OfficeConfig;
  @property({ type: Number }) version = 0;
  @property() language: Lang = 'fa';

  private readonly form = new FormState(this);

  static override styles = [
    adminStyles,
    css`
      .topic-row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0.5rem 1rem;
        margin-block-end: 0.5rem;
      }
    `,
  ];

  override render() {
    const lang = this.language;
    const voice = this.config.voice;
    const errors = this.form.errors;
    const rows = [...voice.topics, ...Array.from({ length: SPARE_ROWS }, () => ({ id: '', name: '', nameEn: '' }))];
    return html`<form @submit=${this.save} novalidate>
      <fieldset class="wide topics">
        <legend>${vt(lang, 'voiceTopics')}</legend>
        <p class="muted">${vt(lang, 'topicHelp')}</p>
        ${rows.map(
          (topic, i) => html`<div class="topic-row" data-row=${i}>
            ${textField(vt(lang, 'topicId'), `voice.topics.${i}.id`, topic.id, errors, { dir: 'ltr' })}
            ${textField(vt(lang, 'topicName'), `voice.topics.${i}.name`, topic.name, errors)}
            ${textField(vt(lang, 'topicNameEn'), `voice.topics.${i}.nameEn`, topic.nameEn ?? '', errors, { dir: 'ltr' })}
          </div>`,
        )}
        ${fieldError(errors, 'voice.topics')}
      </fieldset>
      <fieldset class="wide targets">
        <legend>${vt(lang, 'answerTargets')}</legend>
        ${KINDS.map((kind) => textField(vt(lang, kind), `voice.answerTargetHours.${kind}`, voice.answerTargetHours[kind], errors, { type: 'number' }))}
      </fieldset>
      ${textField(vt(lang, 'retentionDays'), 'voice.mobileRetentionDays', voice.mobileRetentionDays, errors, { type: 'number' })}
      ${formMessage(lang, this.form.message, () => emitSaved(this))}
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.form.busy}>${at(lang, this.form.busy ? 'saving' : 'save')}</button></div>
    </form>`;
  }

  private save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const count = this.config.voice.topics.length + SPARE_ROWS;
    const topics = Array.from({ length: count }, (_, i) => ({ id: text(form, `voice.topics.${i}.id`), name: text(form, `voice.topics.${i}.name`), nameEn: optional(form, `voice.topics.${i}.nameEn`) }))
      .filter((topic) => topic.id !== '' || topic.name !== '')
      .map(({ nameEn, ...topic }) => (nameEn ? { ...topic, nameEn } : topic));
    const voice = {
      topics,
      answerTargetHours: Object.fromEntries(KINDS.map((kind) => [kind, number(form, `voice.answerTargetHours.${kind}`)])),
      mobileRetentionDays: number(form, 'voice.mobileRetentionDays'),
    };
    await this.form.run(() => this.api.save('PUT', '/admin/voice', { version: this.version, voice }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-voice-form': NbAdminVoiceForm;
  }
}
