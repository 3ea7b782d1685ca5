// The administration screen hosted by the manager's «پیکربندی» tab (admins only): services, desks,
// the office and its board texts, staff accounts, devices, printer and sound, the citizens' voice
// (feedback topics, target answer times), and the audit trail.
// Holds the one snapshot of the configuration and reloads it after every save; each change applies
// on the kiosks, desks and displays at once (the server tells them).
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../i18n.js';
import { adminStyles } from './admin.styles.js';
import { AdminApi, type AdminUser, type AuditEntry, type ConfigSnapshot, type DeviceSummary } from './data/admin-api.js';
import { at, type AdminKey } from './i18n.js';
import './nb-admin-audit.js';
import './nb-admin-board-form.js';
import './nb-admin-desks.js';
import './nb-admin-devices.js';
import './nb-admin-office-form.js';
import './nb-admin-printer-form.js';
import './nb-admin-services.js';
import './nb-admin-users.js';
import './nb-admin-voice-form.js';

const SECTIONS = ['services', 'desks', 'office', 'users', 'devices', 'printerAudio', 'voice', 'audit'] as const satisfies readonly AdminKey[];
type Section = (typeof SECTIONS)[number];

interface AdminData {
  snapshot: ConfigSnapshot;
  users: AdminUser[];
  devices: DeviceSummary[];
  audit: AuditEntry[];
}

/** Configuration of the office from the browser. */
@customElement('nb-admin-app')
export class NbAdminApp extends LitElement {
  /** The signed-in admin's session token, for the API. */
  @property({ attribute: false }) token = '';
  /** The reader's language. */
  @property() language: Lang = 'fa';

  @state() private section: Section = 'services';
  @state() private data: AdminData | null = null;
  @state() private failure: string | null = null;

  private api: AdminApi | null = null;

  static override styles = [
    adminStyles,
    css`
      :host {
        padding: 1rem 1.5rem;
      }
      nav {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-block-end: 1.25rem;
      }
      nav button[aria-current='page'] {
        background: var(--nb-brand);
        color: #fff;
      }
      nav a {
        margin-inline-start: auto;
        align-self: center;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('token') && this.token) {
      this.api = new AdminApi(this.token);
      void this.load();
    }
  }

  override render() {
    const lang = this.language;
    return html`
      <nav aria-label=${at(lang, 'sections')}>
        ${SECTIONS.map((s) => html`<button class="secondary" data-section=${s} aria-current=${s === this.section ? 'page' : 'false'} @click=${() => this.show(s)}>${at(lang, s)}</button>`)}
        <a href="/api/v1/admin/config/export" download @click=${this.download}>${at(lang, 'export')}</a>
      </nav>
      <section @nb-admin-saved=${() => void this.load()}>${this.renderSection()}</section>
    `;
  }

  private renderSection() {
    const lang = this.language;
    if (this.failure) return html`<p class="form-message" role="alert">${at(lang, 'loadFailed', { message: this.failure })}</p>`;
    if (!this.data || !this.api) return html`<p class="muted">…</p>`;
    const { snapshot, users, devices, audit } = this.data;
    const { config, versions } = snapshot;
    switch (this.section) {
      case 'services':
        return html`<nb-admin-services .api=${this.api} .snapshot=${snapshot} .language=${lang}></nb-admin-services>`;
      case 'desks':
        return html`<nb-admin-desks .api=${this.api} .snapshot=${snapshot} .language=${lang}></nb-admin-desks>`;
      case 'office':
        return html`<h3>${at(lang, 'boardTitle')}</h3>
          <nb-admin-board-form .api=${this.api} .config=${config} .version=${versions.board ?? 0} .language=${lang}></nb-admin-board-form>
          <h3>${at(lang, 'officeTitle')}</h3>
          <nb-admin-office-form .api=${this.api} .config=${config} .version=${versions.office ?? 0} .language=${lang}></nb-admin-office-form>`;
      case 'users':
        return html`<nb-admin-users .api=${this.api} .users=${users} .language=${lang}></nb-admin-users>`;
      case 'devices':
        return html`<nb-admin-devices .api=${this.api} .devices=${devices} .desks=${config.desks} .timeZone=${config.timeZone} .language=${lang}></nb-admin-devices>`;
      case 'printerAudio':
        return html`<nb-admin-printer-form .api=${this.api} .snapshot=${snapshot} .language=${lang}></nb-admin-printer-form>`;
      case 'voice':
        return html`<nb-admin-voice-form .api=${this.api} .config=${config} .version=${versions.voice ?? 0} .language=${lang}></nb-admin-voice-form>`;
      case 'audit':
        return html`<nb-admin-audit .entries=${audit} .timeZone=${config.timeZone} .language=${lang}></nb-admin-audit>`;
    }
  }

  /** Another section, with what it shows read again (a device may have paired meanwhile). */
  private show(section: Section) {
    this.section = section;
    void this.load();
  }

  private async load() {
    const api = this.api;
    if (!api) return;
    try {
      const [snapshot, users, devices, audit] = await Promise.all([api.config(), api.users(), api.devices(), api.audit()]);
      this.data = { snapshot, users, devices, audit };
      this.failure = null;
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  /** The export needs the bearer token, which a plain link cannot send: fetch it and save it as a file. */
  private download = async (event: Event) => {
    event.preventDefault();
    const response = await fetch('/api/v1/admin/config/export', { headers: { Authorization: `Bearer ${this.token}` } });
    if (!response.ok) return;
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'nobat-office.yaml';
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = name;
    link.click();
    URL.revokeObjectURL(link.href);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-app': NbAdminApp;
  }
}
