import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../i18n.js';
import { adminStyles } from './admin.styles.js';
import type { AdminApi, ConfigSnapshot } from './data/admin-api.js';
import { emitSaved } from './events.js';
import { FormState } from './form-state.js';
import { checkField, fieldError, formMessage, optional, text, textField } from './form.js';
import { at } from './i18n.js';
import './nb-admin-logo-form.js';

/**
 * The ticket printer's paper and header, its logo, and the display's voice: small forms, each saved
 * on its own (the printer's port stays as the office file set it).
 * @event nb-admin-saved - after a save.
 */
@customElement('nb-admin-printer-form')
export class NbAdminPrinterForm extends LitElement {
  @property({ attribute: false }) api!: AdminApi;
  @property({ attribute: false }) snapshot!: ConfigSnapshot;
  @property() language: Lang = 'fa';

  private readonly printer = new FormState(this);
  private readonly audio = new FormState(this);

  static override styles = adminStyles;

  override render() {
    const lang = this.language;
    const { printer, audio } = this.snapshot.config;
    const width = printer?.widthDots ?? 576;
    return html`
      <h3>${at(lang, 'printerTitle')}</h3>
      <form @submit=${this.savePrinter} novalidate>
        <label>
          ${at(lang, 'paperWidth')}
          <select name="widthDots">
            <option value="576" ?selected=${width === 576}>80 mm (576)</option>
            <option value="512" ?selected=${width === 512}>80 mm (512)</option>
            <option value="384" ?selected=${width === 384}>58 mm (384)</option>
          </select>
          ${fieldError(this.printer.errors, 'widthDots')}
        </label>
        ${textField(at(lang, 'headerText'), 'headerText', printer?.headerText, this.printer.errors)}
        <div class="wide">${checkField(at(lang, 'nvHeader'), 'nvHeader', printer?.nvHeader ?? false)}</div>
        ${formMessage(lang, this.printer.message, () => emitSaved(this))}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.printer.busy}>${at(lang, 'save')}</button></div>
      </form>
      <nb-admin-logo-form .api=${this.api} .snapshot=${this.snapshot} .language=${lang}></nb-admin-logo-form>
      <h3>${at(lang, 'audioTitle')}</h3>
      <form @submit=${this.saveAudio} novalidate>
        ${textField(at(lang, 'clipSet'), 'clipSet', audio?.clipSet ?? 'default', this.audio.errors, { dir: 'ltr' })}
        <div class="wide">${checkField(at(lang, 'chime'), 'chime', audio?.chime ?? true)}</div>
        ${formMessage(lang, this.audio.message, () => emitSaved(this))}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.audio.busy}>${at(lang, 'save')}</button></div>
      </form>
    `;
  }

  private savePrinter = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const current = this.snapshot.config.printer;
    const body = { version: this.snapshot.versions.printer ?? 0, timeoutMs: current?.timeoutMs ?? 2000, widthDots: Number(text(form, 'widthDots')), nvHeader: form.get('nvHeader') === 'on', headerText: optional(form, 'headerText') };
    await this.printer.run(() => this.api.save('PUT', '/admin/printer', body));
  };

  private saveAudio = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    await this.audio.run(() => this.api.save('PUT', '/admin/audio', { version: this.snapshot.versions.audio ?? 0, clipSet: text(form, 'clipSet'), chime: form.get('chime') === 'on' }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-printer-form': NbAdminPrinterForm;
  }
}
