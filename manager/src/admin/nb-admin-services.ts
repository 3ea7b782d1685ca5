import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../i18n.js';
import { adminStyles } from './admin.styles.js';
import type { AdminApi, ConfigSnapshot } from './data/admin-api.js';
import { at } from './i18n.js';
import './nb-admin-service-form.js';

/** The office's services, each opening its form; a closed service is marked, not hidden. */
@customElement('nb-admin-services')
export class NbAdminServices extends LitElement {
  @property({ attribute: false }) api!: AdminApi;
  @property({ attribute: false }) snapshot!: ConfigSnapshot;
  @property() language: Lang = 'fa';

  /** The service being edited: its id, 'new', or null. */
  @state() private open: string | null = null;

  static override styles = adminStyles;

  override render() {
    const lang = this.language;
    const { config, versions } = this.snapshot;
    const editing = config.services.find((s) => s.id === this.open) ?? null;
    return html`
      <div class="list">
        ${config.services.map(
          (s) => html`<div class="row panel" data-service=${s.id}>
            <b>${lang === 'en' ? s.nameEn : s.name}</b>
            <span class="badge">${at(lang, 'code')}: <bdi dir="ltr">${s.code}</bdi></span>
            <span class="badge">${at(lang, 'prefix')}: <bdi dir="ltr">${s.prefix}</bdi></span>
            ${s.active ? '' : html`<span class="badge priority">${at(lang, 'inactive')}</span>`}
            <button class="secondary" @click=${() => (this.open = s.id)}>${at(lang, 'edit')}</button>
          </div>`,
        )}
      </div>
      <button class="secondary" @click=${() => (this.open = 'new')}>${at(lang, 'newService')}</button>
      ${this.open === null
        ? ''
        : html`<h3>${editing ? (lang === 'en' ? editing.nameEn : editing.name) : at(lang, 'newService')}</h3>
            <nb-admin-service-form .api=${this.api} .service=${editing} .version=${editing ? (versions[`service:${editing.id}`] ?? 0) : 0} .desks=${config.desks} .language=${lang}></nb-admin-service-form>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-services': NbAdminServices;
  }
}
