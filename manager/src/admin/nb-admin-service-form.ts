import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ServiceConfig } from '../../../server/config/schema.js';
import type { Lang } from '../i18n.js';
import { adminStyles } from './admin.styles.js';
import type { AdminApi } from './data/admin-api.js';
import { areaField, checkField, fieldError, formMessage, lines, number, optional, text, textField } from './form.js';
import { at } from './i18n.js';
import { emitSaved } from './events.js';
import { FormState } from './form-state.js';

/** As in the office schema (not imported: the schema module would bring zod into the page). */
const PRIORITY_GROUPS = ['elderly', 'disabled', 'veteran', 'pregnant'] as const;

/**
 * One service's settings and guidance (documents, steps, legal basis, fees, time): a new one when
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
  @property() language: Lang = 'fa';

  private readonly form = new FormState(this);

  static override styles = adminStyles;

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
      ${formMessage(lang, this.form.message, () => emitSaved(this))}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.form.busy}>${at(lang, this.form.busy ? 'saving' : 'save')}</button>
        ${s ? html`<button class="danger" type="button" ?disabled=${this.form.busy} @click=${this.deleteService}>${at(lang, 'remove')}</button>` : ''}
      </div>
    </form>`;
  }

  /** The service as the office file writes it; English texts the form does not show are kept. */
  private fromForm(form: FormData): Record<string, unknown> {
    const kept = this.service;
    return {
      ...(kept ? { hours: kept.hours } : {}),
      id: kept?.id ?? text(form, 'id'),
      code: text(form, 'code'),
      name: text(form, 'name'),
      nameEn: text(form, 'nameEn'),
      prefix: text(form, 'prefix').toUpperCase(),
      targetWaitMinutes: number(form, 'targetWaitMinutes'),
      active: form.get('active') === 'on',
      priorityGroups: form.getAll('priorityGroups').map(String),
      guidance: {
        ...kept?.guidance,
        description: text(form, 'guidance.description'),
        documents: lines(form, 'guidance.documents'),
        steps: lines(form, 'guidance.steps'),
        legalBasis: optional(form, 'guidance.legalBasis'),
        fees: optional(form, 'guidance.fees'),
        expectedMinutes: number(form, 'guidance.expectedMinutes'),
      },
    };
  }

  private save = async (event: SubmitEvent) => {
    event.preventDefault();
    const body = this.fromForm(new FormData(event.target as HTMLFormElement));
    await this.form.run(async () => {
      if (this.service) await this.api.save('PUT', `/admin/services/${encodeURIComponent(this.service.id)}`, { ...body, version: this.version });
      else await this.api.save('POST', '/admin/services', body);
    });
  };

  private deleteService = async () => {
    if (!this.service || !confirm(at(this.language, 'confirmRemove', { name: this.service.name }))) return;
    const id = this.service.id;
    await this.form.run(() => this.api.remove(`/admin/services/${encodeURIComponent(id)}`, this.version));
  };

}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-service-form': NbAdminServiceForm;
  }
}
