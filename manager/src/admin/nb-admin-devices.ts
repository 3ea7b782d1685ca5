import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DeskConfig } from '../../../server/config/schema.js';
import { localDigits } from '../../../server/time/persian.js';
import type { Lang } from '../i18n.js';
import { adminStyles } from './admin.styles.js';
import type { AdminApi, DeviceSummary } from './data/admin-api.js';
import { emitSaved } from './events.js';
import { FormState } from './form-state.js';
import { dateTime, formMessage, text, textField } from './form.js';
import { at, type AdminKey } from './i18n.js';

const KINDS: Array<{ kind: DeviceSummary['kind']; label: AdminKey }> = [
  { kind: 'kiosk', label: 'kiosk' },
  { kind: 'display', label: 'display' },
  { kind: 'keypad', label: 'keypad' },
  { kind: 'printer', label: 'printer' },
  { kind: 'desk', label: 'deskPc' },
];

/**
 * Paired devices: add one and read its one-time pairing code, see when each last spoke to the
 * server, revoke one (it stops at once, its open connection too).
 * @event nb-admin-saved - after adding or revoking.
 */
@customElement('nb-admin-devices')
export class NbAdminDevices extends LitElement {
  @property({ attribute: false }) api!: AdminApi;
  @property({ attribute: false }) devices: DeviceSummary[] = [];
  @property({ attribute: false }) desks: DeskConfig[] = [];
  @property() timeZone = 'Asia/Tehran';
  @property() language: Lang = 'fa';

  /** The code just made, shown until the next device is added. */
  @state() private code: { code: string; until: number } | null = null;

  private readonly form = new FormState(this);

  static override styles = adminStyles;

  override render() {
    const lang = this.language;
    const kindLabel = (kind: string) => at(lang, KINDS.find((k) => k.kind === kind)?.label ?? 'kiosk');
    const deskName = (id: string | null) => this.desks.find((d) => d.id === id)?.name ?? '—';
    return html`
      <div class="scroll">
        <table>
          <thead>
            <tr><th>${at(lang, 'name')}</th><th>${at(lang, 'kind')}</th><th>${at(lang, 'desk')}</th><th>${at(lang, 'lastContact')}</th><th>${at(lang, 'state')}</th><th></th></tr>
          </thead>
          <tbody>
            ${this.devices.map(
              (d) => html`<tr data-device=${d.id}>
                <td>${d.name}</td>
                <td>${kindLabel(d.kind)}</td>
                <td>${deskName(d.deskId)}</td>
                <td class="last-contact">${d.lastSeenAt === null ? at(lang, 'never') : dateTime(lang, d.lastSeenAt, this.timeZone)}</td>
                <td class="state">${this.state(d)}</td>
                <td>${d.revokedAt === null ? html`<button class="danger" @click=${() => this.revoke(d)}>${at(lang, 'revoke')}</button>` : ''}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h3>${at(lang, 'addDevice')}</h3>
      <form @submit=${this.add} novalidate>
        <label>${at(lang, 'kind')}<select name="kind">${KINDS.map((k) => html`<option value=${k.kind}>${at(lang, k.label)}</option>`)}</select></label>
        ${textField(at(lang, 'name'), 'name', '', this.form.errors)}
        <label>${at(lang, 'desk')}<select name="deskId"><option value="">${at(lang, 'noDesk')}</option>${this.desks.map((d) => html`<option value=${d.id}>${d.name}</option>`)}</select></label>
        ${formMessage(lang, this.form.message, () => emitSaved(this))}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.form.busy}>${at(lang, 'addDevice')}</button></div>
      </form>
      ${this.code
        ? html`<div class="panel" role="status">
            <p>${at(lang, 'pairingCode', { until: dateTime(lang, this.code.until, this.timeZone) })}</p>
            <p class="code" dir="ltr" data-pairing-code=${this.code.code}>${localDigits(this.code.code, lang)}</p>
          </div>`
        : ''}
    `;
  }

  private state(device: DeviceSummary): string {
    const lang = this.language;
    if (device.revokedAt !== null) return at(lang, 'revoked');
    if (device.pairingExpiresAt !== null) return at(lang, 'awaitingPairing', { until: dateTime(lang, device.pairingExpiresAt, this.timeZone) });
    return at(lang, 'paired');
  }

  private add = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    let added: { pairingCode: string; device: DeviceSummary } | undefined;
    await this.form.run(async () => {
      added = await this.api.post('/admin/devices', { kind: text(form, 'kind'), name: text(form, 'name'), deskId: text(form, 'deskId') || null });
    }, at(this.language, 'deviceAdded'));
    if (added) this.code = { code: added.pairingCode, until: added.device.pairingExpiresAt ?? 0 };
  };

  private revoke = async (device: DeviceSummary) => {
    if (!confirm(at(this.language, 'confirmRevoke', { name: device.name }))) return;
    this.code = null;
    await this.form.run(() => this.api.post(`/admin/devices/${encodeURIComponent(device.id)}/revoke`), at(this.language, 'deviceRevoked'));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-devices': NbAdminDevices;
  }
}
