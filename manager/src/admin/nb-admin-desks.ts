import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../i18n.js';
import { adminStyles } from './admin.styles.js';
import type { AdminApi, ConfigSnapshot } from './data/admin-api.js';
import { at } from './i18n.js';
import './nb-admin-desk-form.js';

/** The office's desks with their workprofiles, each opening its form. */
@customElement('nb-admin-desks')
export class NbAdminDesks extends LitElement {
  @property({ attribute: false }) api!: AdminApi;
  @property({ attribute: false }) snapshot!: ConfigSnapshot;
  @property() language: Lang = 'fa';

  @state() private open: string | null = null;

  static override styles = adminStyles;

  override render() {
    const lang = this.language;
    const { config, versions } = this.snapshot;
    const names = new Map(config.services.map((s) => [s.id, lang === 'en' ? s.nameEn : s.name]));
    const editing = config.desks.find((d) => d.id === this.open) ?? null;
    return html`
      <div class="list">
        ${config.desks.map(
          (d) => html`<div class="row panel" data-desk=${d.id}>
            <b>${d.name}</b>
            <span class="muted">${d.services.map((id) => names.get(id) ?? id).join('، ')}</span>
            <button class="secondary" @click=${() => (this.open = d.id)}>${at(lang, 'edit')}</button>
          </div>`,
        )}
      </div>
      <button class="secondary" @click=${() => (this.open = 'new')}>${at(lang, 'newDesk')}</button>
      ${this.open === null
        ? ''
        : html`<h3>${editing?.name ?? at(lang, 'newDesk')}</h3>
            <nb-admin-desk-form .api=${this.api} .desk=${editing} .services=${config.services} .version=${editing ? (versions[`desk:${editing.id}`] ?? 0) : 0} .language=${lang}></nb-admin-desk-form>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-desks': NbAdminDesks;
  }
}
