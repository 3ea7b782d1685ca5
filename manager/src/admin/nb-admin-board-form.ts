import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { OfficeConfig } from '../../../server/config/schema.js';
import type { Lang } from '../i18n.js';
import { adminStyles } from './admin.styles.js';
import type { AdminApi } from './data/admin-api.js';
import { emitSaved } from './events.js';
import { FormState } from './form-state.js';
import { areaField, formMessage, lines, text } from './form.js';
import { at } from './i18n.js';

/**
 * What the waiting room reads: the citizens' rights charter (kiosk and display) and the
 * announcements along the bottom of the display.
 * @event nb-admin-saved - after a save.
 */
@customElement('nb-admin-board-form')
export class NbAdminBoardForm extends LitElement {
  @property({ attribute: false }) api!: AdminApi;
  @property({ attribute: false }) config!: OfficeConfig;
  @property({ type: Number }) version = 0;
  @property() language: Lang = 'fa';

  private readonly form = new FormState(this);

  static override styles = adminStyles;

  override render() {
    const lang = this.language;
    return html`<form @submit=${this.save} novalidate>
      ${areaField(at(lang, 'announcements'), 'announcements', this.config.announcements.join('\n'), this.form.errors)}
      ${areaField(at(lang, 'charter'), 'charter', this.config.charter ?? '', this.form.errors)}
      ${formMessage(lang, this.form.message, () => emitSaved(this))}
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.form.busy}>${at(lang, this.form.busy ? 'saving' : 'save')}</button></div>
    </form>`;
  }

  private save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const charter = text(form, 'charter');
    await this.form.run(() => this.api.save('PUT', '/admin/board', { version: this.version, announcements: lines(form, 'announcements'), ...(charter ? { charter } : {}) }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-board-form': NbAdminBoardForm;
  }
}
