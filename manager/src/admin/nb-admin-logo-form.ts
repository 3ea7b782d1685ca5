import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../i18n.js';
import { localDigits } from '../../../server/time/persian.js';
import { adminStyles } from './admin.styles.js';
import type { AdminApi, ConfigSnapshot } from './data/admin-api.js';
import { emitSaved } from './events.js';
import { FormState } from './form-state.js';
import { formMessage, refusal } from './form.js';
import { at } from './i18n.js';

interface LogoPreview {
  file: File;
  /** The ticket's header as the printer will burn it, a PNG data: URL from the server. */
  preview: string;
  logo: { width: number; height: number };
  widthDots: number;
}

/**
 * The logo at the top of the printed ticket: the admin picks an image, the server answers the header
 * as it will print (1-bit, the paper's width), and the admin saves it or removes the current one.
 * @event nb-admin-saved - after a save or a removal.
 */
@customElement('nb-admin-logo-form')
export class NbAdminLogoForm extends LitElement {
  @property({ attribute: false }) api!: AdminApi;
  @property({ attribute: false }) snapshot!: ConfigSnapshot;
  @property() language: Lang = 'fa';

  @state() private picked: LogoPreview | null = null;
  private readonly form = new FormState(this);

  static override styles = [
    adminStyles,
    css`
      figure {
        margin: 0;
        display: grid;
        gap: 0.4rem;
        justify-items: start;
      }
      img {
        max-inline-size: 100%;
        border: 1px dashed var(--nb-line);
        background: #fff;
        image-rendering: pixelated;
      }
      img.current {
        max-block-size: 8rem;
      }
    `,
  ];

  override render() {
    const lang = this.language;
    const current = this.snapshot.config.printer?.logo;
    const picked = this.picked;
    return html`
      <h3>${at(lang, 'logoTitle')}</h3>
      <form @submit=${this.save} novalidate>
        <p class="wide muted">${at(lang, 'logoHint')}</p>
        <div class="wide">
          ${current
            ? html`<figure><figcaption>${at(lang, 'logoCurrent')}</figcaption><img class="current" src=${current} alt=${at(lang, 'logoCurrent')} /></figure>`
            : html`<p class="muted" data-no-logo>${at(lang, 'logoNone')}</p>`}
        </div>
        <label class="wide">
          ${at(lang, 'logoFile')}
          <input name="logo" type="file" accept="image/png,image/jpeg,image/webp" @change=${this.pick} />
        </label>
        ${picked
          ? html`<figure class="wide preview">
              <figcaption>${at(lang, 'logoPreview', { width: localDigits(picked.logo.width, lang), height: localDigits(picked.logo.height, lang), paper: localDigits(picked.widthDots, lang) })}</figcaption>
              <img src=${picked.preview} width=${picked.widthDots} alt=${at(lang, 'logoPreview', { width: '', height: '', paper: '' })} />
            </figure>`
          : nothing}
        ${formMessage(lang, this.form.message, () => emitSaved(this))}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${!picked || this.form.busy}>${at(lang, 'logoSave')}</button>
          ${current ? html`<button class="secondary" type="button" data-action="remove-logo" ?disabled=${this.form.busy} @click=${this.removeLogo}>${at(lang, 'logoRemove')}</button>` : nothing}
        </div>
      </form>
    `;
  }

  private pick = async (event: Event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.picked = null;
    this.form.reset();
    if (!file) return;
    this.form.busy = true;
    this.requestUpdate();
    try {
      const answer = await this.api.upload<Omit<LogoPreview, 'file'>>('POST', '/admin/printer/logo/preview', file);
      this.picked = { file, ...answer };
    } catch (error) {
      ({ message: this.form.message, errors: this.form.errors } = refusal(error));
    } finally {
      this.form.busy = false;
      this.requestUpdate();
    }
  };

  private save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const picked = this.picked;
    if (!picked) return;
    const saved = await this.form.run(() => this.api.upload('PUT', `/admin/printer/logo?version=${this.snapshot.versions.printer ?? 0}`, picked.file), at(this.language, 'logoSaved'));
    if (saved) {
      this.picked = null;
      form.reset();
    }
  };

  private removeLogo = async () => {
    if (!confirm(at(this.language, 'confirmLogoRemove'))) return;
    await this.form.run(() => this.api.remove('/admin/printer/logo', this.snapshot.versions.printer ?? 0), at(this.language, 'logoRemoved'));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-logo-form': NbAdminLogoForm;
  }
}
