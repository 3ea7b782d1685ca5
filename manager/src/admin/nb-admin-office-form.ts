import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { OfficeConfig, Weekday } from '../../../server/config/schema.js';
import type { Lang } from '../i18n.js';
import { adminStyles } from './admin.styles.js';
import type { AdminApi } from './data/admin-api.js';
import { emitSaved } from './events.js';
import { FormState } from './form-state.js';
import { checkField, fieldError, formMessage, number, optional, text, textField } from './form.js';
import { at } from './i18n.js';

const WEEKDAYS: Weekday[] = ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'];

/**
 * The office as a whole: its name, the address on the ticket's QR code, opening hours and the
 * queue's rules.
 * @event nb-admin-saved - after a save.
 */
@customElement('nb-admin-office-form')
export class NbAdminOfficeForm extends LitElement {
  @property({ attribute: false }) api!: AdminApi;
  @property({ attribute: false }) config!: OfficeConfig;
  @property({ type: Number }) version = 0;
  @property() language: Lang = 'fa';

  private readonly form = new FormState(this);

  static override styles = adminStyles;

  override render() {
    const lang = this.language;
    const c = this.config;
    const errors = this.form.errors;
    return html`<form @submit=${this.save} novalidate>
      ${textField(at(lang, 'officeName'), 'name', c.name, errors)}
      ${textField(at(lang, 'nameEn'), 'nameEn', c.nameEn, errors, { dir: 'ltr' })}
      ${textField(at(lang, 'publicUrl'), 'publicUrl', c.publicUrl, errors, { dir: 'ltr', wide: true })}
      <fieldset class="wide">
        <legend>${at(lang, 'hours')}</legend>
        ${checkField(at(lang, 'alwaysOpen'), 'alwaysOpen', c.hours.alwaysOpen)}
        ${WEEKDAYS.map((day) => textField(at(lang, day), `hours.week.${day}`, (c.hours.week[day] ?? []).map((p) => `${p.from}-${p.to}`).join(', '), errors, { dir: 'ltr' }))}
        ${fieldError(errors, 'hours')}
      </fieldset>
      <fieldset class="wide">
        <legend>${at(lang, 'policy')}</legend>
        ${textField(at(lang, 'maxPriorityStreak'), 'policy.maxPriorityStreak', c.policy.maxPriorityStreak, errors, { type: 'number' })}
        ${textField(at(lang, 'normalWaitLimit'), 'policy.normalWaitLimitMinutes', c.policy.normalWaitLimitMinutes, errors, { type: 'number' })}
        ${textField(at(lang, 'noShowGrace'), 'policy.noShowGraceSeconds', c.policy.noShowGraceSeconds, errors, { type: 'number' })}
        ${textField(at(lang, 'counterDigits'), 'policy.counterDigits', c.policy.counterDigits, errors, { type: 'number' })}
      </fieldset>
      ${formMessage(lang, this.form.message, () => emitSaved(this))}
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.form.busy}>${at(lang, this.form.busy ? 'saving' : 'save')}</button></div>
    </form>`;
  }

  private save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const week = Object.fromEntries(WEEKDAYS.map((day) => [day, periods(text(form, `hours.week.${day}`))] as const).filter(([, list]) => list.length > 0));
    const body = {
      version: this.version,
      name: text(form, 'name'),
      nameEn: optional(form, 'nameEn'),
      publicUrl: optional(form, 'publicUrl'),
      hours: { alwaysOpen: form.get('alwaysOpen') === 'on', week },
      policy: {
        maxPriorityStreak: number(form, 'policy.maxPriorityStreak'),
        normalWaitLimitMinutes: number(form, 'policy.normalWaitLimitMinutes'),
        noShowGraceSeconds: number(form, 'policy.noShowGraceSeconds'),
        counterDigits: number(form, 'policy.counterDigits'),
      },
    };
    await this.form.run(() => this.api.save('PUT', '/admin/office', body));
  };
}

/** «07:30-14:30, 15:00-17:00» (Persian digits too) → periods; a malformed one is sent as it is, for the server to name. */
function periods(value: string): Array<{ from: string; to: string }> {
  const latin = value.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)));
  return latin
    .split(/[,،]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [from = '', to = ''] = part.split(/\s*[-–]\s*/);
      return { from, to };
    });
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-office-form': NbAdminOfficeForm;
  }
}
