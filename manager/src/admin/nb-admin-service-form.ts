import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ServiceConfig } from '../../../server/config/schema.js';
import type { Lang } from '../i18n.js';
import { adminStyles } from './admin.styles.js';
import type { AdminApi } from './data/admin-api.js';
import { areaField, checkField, fieldError, formMessage, lines, number, optional, text, textField } from './form.js';
import { at } from './i18n.js';
import { emitSaved } from './events.js';
import { FormState } from './form-state.js';
import './nb-admin-hours.js';

/** As in the office schema (not imported: the schema module would bring zod into the page). */
const PRIORITY_GROUPS = ['elderly', 'disabled', 'veteran', 'pregnant'] as const;

/**
 * One service's settings, opening hours and guidance (documents, steps, legal basis, fees, time, and
 * their English texts): a new one when
 * `service` is null. Saves with the version it was opened at; a 409 says who saved first.
 * @event nb-admin-saved - after a save or delete; the shell reloads the configuration.
 */
@customElement('nb-admin-service-form')
export class NbAdminServiceForm extends LitElement {
  @property({ attribute: false }) api!: AdminApi;
  /** The service as saved, or null for a new one. */
  @property({ attribute: false }) service: ServiceConfig | null = null;
  /** The version the form was opened at. */
  @property({ type: Number }) version = 0;
  /** The office's desks: a new service is saved with the desks that serve it, in one step. */
  @property({ attribute: false }) desks: Array<{ id: string; name: string }> = [];
  @property() language: Lang = 'fa';

  private readonly form = new FormState(this);

  static override styles = [
    adminStyles,
    css`
      details.english {
        border: 1px solid var(--nb-line);
        border-radius: 10px;
        padding: 0.5rem 1rem;
      }
      summary {
        cursor: pointer;
        font-weight: 700;
      }
      .english-fields {
        display: grid;
        gap: 0.9rem;
        margin-block-start: 0.75rem;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    // Another service opened: its own messages only. The same one reloaded after a save keeps «saved».
    if (changed.has('service') && (changed.get('service') as ServiceConfig | null | undefined)?.id !== this.service?.id) this.form.reset();
  }

  override render() {
    const lang = this.language;
    const s = this.service;
    const g = s?.guidance;
    return html`<form @submit=${this.save} novalidate>
      ${s ? html`<p class="wide muted">${at(lang, 'id')}: <b dir="ltr">${s.id}</b></p>` : textField(at(lang, 'id'), 'id', '', this.form.errors, { dir: 'ltr' })}
      ${textField(at(lang, 'name'), 'name', s?.name, this.form.errors)}
      ${textField(at(lang, 'nameEn'), 'nameEn', s?.nameEn, this.form.errors, { dir: 'ltr' })}
      ${textField(at(lang, 'code'), 'code', s?.code, this.form.errors, { dir: 'ltr' })}
      ${textField(at(lang, 'prefix'), 'prefix', s?.prefix, this.form.errors, { dir: 'ltr' })}
      ${textField(at(lang, 'targetWait'), 'targetWaitMinutes', s?.targetWaitMinutes ?? 15, this.form.errors, { type: 'number' })}
      ${textField(at(lang, 'expectedMinutes'), 'guidance.expectedMinutes', g?.expectedMinutes ?? 10, this.form.errors, { type: 'number' })}
      <div class="wide">${checkField(at(lang, 'active'), 'active', s?.active ?? true)}</div>
      ${s
        ? ''
        : html`<fieldset class="wide" data-field="deskIds">
            <legend>${at(lang, 'servedAtDesks')}</legend>
            ${this.desks.map((desk) => checkField(desk.name, 'deskIds', false, desk.id))}
            ${fieldError(this.form.errors, 'deskIds')}
          </fieldset>`}
      <fieldset class="wide">
        <legend>${at(lang, 'priorityGroups')}</legend>
        ${PRIORITY_GROUPS.map((group) => checkField(at(lang, group), 'priorityGroups', s?.priorityGroups.includes(group) ?? false, group))}
        ${fieldError(this.form.errors, 'priorityGroups')}
      </fieldset>
      ${areaField(at(lang, 'description'), 'guidance.description', g?.description ?? '', this.form.errors)}
      ${areaField(at(lang, 'documents'), 'guidance.documents', (g?.documents ?? []).join('\n'), this.form.errors)}
      ${areaField(at(lang, 'steps'), 'guidance.steps', (g?.steps ?? []).join('\n'), this.form.errors)}
      ${textField(at(lang, 'legalBasis'), 'guidance.legalBasis', g?.legalBasis, this.form.errors, { wide: true })}
      ${textField(at(lang, 'fees'), 'guidance.fees', g?.fees, this.form.errors, { wide: true })}
      <nb-admin-hours class="wide" .hours=${s?.hours} .errors=${this.form.errors} .language=${lang}></nb-admin-hours>
      <details class="wide english" ?open=${englishErrors(this.form.errors)}>
        <summary>${at(lang, 'englishSection')}</summary>
        <div class="english-fields">
          ${areaField(at(lang, 'descriptionEn'), 'guidance.descriptionEn', g?.descriptionEn ?? '', this.form.errors, 'ltr')}
          ${areaField(at(lang, 'documentsEn'), 'guidance.documentsEn', (g?.documentsEn ?? []).join('\n'), this.form.errors, 'ltr')}
          ${areaField(at(lang, 'stepsEn'), 'guidance.stepsEn', (g?.stepsEn ?? []).join('\n'), this.form.errors, 'ltr')}
          ${textField(at(lang, 'legalBasisEn'), 'guidance.legalBasisEn', g?.legalBasisEn, this.form.errors, { wide: true, dir: 'ltr' })}
          ${textField(at(lang, 'feesEn'), 'guidance.feesEn', g?.feesEn, this.form.errors, { wide: true, dir: 'ltr' })}
        </div>
      </details>
      ${formMessage(lang, this.form.message, () => emitSaved(this))}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.form.busy}>${at(lang, this.form.busy ? 'saving' : 'save')}</button>
        ${s ? html`<button class="danger" type="button" ?disabled=${this.form.busy} @click=${this.deleteService}>${at(lang, 'remove')}</button>` : ''}
      </div>
    </form>`;
  }

  /** The service as the office file writes it; an empty English text is left out (the kiosk then shows the Persian). */
  private fromForm(form: FormData, hours: ServiceConfig['hours']): Record<string, unknown> {
    const kept = this.service;
    const englishLines = (name: string) => (lines(form, name).length > 0 ? lines(form, name) : undefined);
    return {
      ...(hours ? { hours } : {}),
      id: kept?.id ?? text(form, 'id'),
      code: text(form, 'code'),
      name: text(form, 'name'),
      nameEn: text(form, 'nameEn'),
      prefix: text(form, 'prefix').toUpperCase(),
      targetWaitMinutes: number(form, 'targetWaitMinutes'),
      active: form.get('active') === 'on',
      priorityGroups: form.getAll('priorityGroups').map(String),
      guidance: {
        description: text(form, 'guidance.description'),
        documents: lines(form, 'guidance.documents'),
        steps: lines(form, 'guidance.steps'),
        legalBasis: optional(form, 'guidance.legalBasis'),
        fees: optional(form, 'guidance.fees'),
        expectedMinutes: number(form, 'guidance.expectedMinutes'),
        descriptionEn: optional(form, 'guidance.descriptionEn'),
        documentsEn: englishLines('guidance.documentsEn'),
        stepsEn: englishLines('guidance.stepsEn'),
        legalBasisEn: optional(form, 'guidance.legalBasisEn'),
        feesEn: optional(form, 'guidance.feesEn'),
      },
    };
  }

  private save = async (event: SubmitEvent) => {
    event.preventDefault();
    const hours = this.renderRoot.querySelector('nb-admin-hours')?.read();
    if (!hours) return;
    const body = this.fromForm(new FormData(event.target as HTMLFormElement), hours.hours);
    await this.form.run(async () => {
      if (this.service) await this.api.save('PUT', `/admin/services/${encodeURIComponent(this.service.id)}`, { ...body, version: this.version });
      else await this.api.save('POST', '/admin/services', { ...body, deskIds: new FormData(event.target as HTMLFormElement).getAll('deskIds').map(String) });
    });
  };

  private deleteService = async () => {
    if (!this.service || !confirm(at(this.language, 'confirmRemove', { name: this.service.name }))) return;
    const id = this.service.id;
    await this.form.run(() => this.api.remove(`/admin/services/${encodeURIComponent(id)}`, this.version));
  };

}

/** The English section opens by itself when the server named a problem in it. */
function englishErrors(errors: Record<string, string>): boolean {
  return Object.keys(errors).some((key) => /^guidance\.\w+En(\.|$)/.test(key));
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-service-form': NbAdminServiceForm;
  }
}
