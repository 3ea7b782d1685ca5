import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DeskConfig, ServiceConfig } from '../../../server/config/schema.js';
import type { Lang } from '../i18n.js';
import { adminStyles } from './admin.styles.js';
import type { AdminApi } from './data/admin-api.js';
import { emitSaved } from './events.js';
import { FormState } from './form-state.js';
import { checkField, fieldError, formMessage, number, optional, text, textField } from './form.js';
import { at } from './i18n.js';

/**
 * One desk: its name, number and workprofile (the services it calls, in order). A new one when
 * `desk` is null.
 * @event nb-admin-saved - after a save or delete.
 */
@customElement('nb-admin-desk-form')
export class NbAdminDeskForm extends LitElement {
  @property({ attribute: false }) api!: AdminApi;
  @property({ attribute: false }) desk: DeskConfig | null = null;
  /** Every service, to choose the workprofile from. */
  @property({ attribute: false }) services: ServiceConfig[] = [];
  @property({ type: Number }) version = 0;
  @property() language: Lang = 'fa';

  private readonly form = new FormState(this);

  static override styles = adminStyles;

  override willUpdate(changed: Map<string, unknown>) {
    // Another desk opened: its own messages only. The same one reloaded after a save keeps «saved».
    if (changed.has('desk') && (changed.get('desk') as DeskConfig | null | undefined)?.id !== this.desk?.id) this.form.reset();
  }

  override render() {
    const lang = this.language;
    const d = this.desk;
    return html`<form @submit=${this.save} novalidate>
      ${d ? html`<p class="wide muted">${at(lang, 'id')}: <b dir="ltr">${d.id}</b></p>` : textField(at(lang, 'id'), 'id', '', this.form.errors, { dir: 'ltr' })}
      ${textField(at(lang, 'name'), 'name', d?.name, this.form.errors)}
      ${textField(at(lang, 'nameEn'), 'nameEn', d?.nameEn, this.form.errors, { dir: 'ltr' })}
      ${textField(at(lang, 'deskNumber'), 'number', d?.number, this.form.errors, { type: 'number' })}
      <fieldset class="wide">
        <legend>${at(lang, 'workprofile')}</legend>
        ${this.services.map((s) => checkField(lang === 'en' ? s.nameEn : s.name, 'services', d?.services.includes(s.id) ?? false, s.id))}
        ${fieldError(this.form.errors, 'services')}
      </fieldset>
      ${formMessage(lang, this.form.message, () => emitSaved(this))}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.form.busy}>${at(lang, this.form.busy ? 'saving' : 'save')}</button>
        ${d ? html`<button class="danger" type="button" ?disabled=${this.form.busy} @click=${this.deleteDesk}>${at(lang, 'remove')}</button>` : ''}
      </div>
    </form>`;
  }

  private save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const chosen = form.getAll('services').map(String);
    // The workprofile keeps its order; newly ticked services join at its end.
    const services = [...(this.desk?.services.filter((id) => chosen.includes(id)) ?? []), ...chosen.filter((id) => !this.desk?.services.includes(id))];
    const body = { id: this.desk?.id ?? text(form, 'id'), name: text(form, 'name'), nameEn: optional(form, 'nameEn'), number: number(form, 'number'), services };
    await this.form.run(async () => {
      if (this.desk) await this.api.save('PUT', `/admin/desks/${encodeURIComponent(this.desk.id)}`, { ...body, version: this.version });
      else await this.api.save('POST', '/admin/desks', body);
    });
  };

  private deleteDesk = async () => {
    if (!this.desk || !confirm(at(this.language, 'confirmRemove', { name: this.desk.name }))) return;
    const id = this.desk.id;
    await this.form.run(() => this.api.remove(`/admin/desks/${encodeURIComponent(id)}`, this.version));
  };

}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-desk-form': NbAdminDeskForm;
  }
}
