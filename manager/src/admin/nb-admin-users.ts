import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../i18n.js';
import { adminStyles } from './admin.styles.js';
import type { AdminApi, AdminUser } from './data/admin-api.js';
import { emitSaved } from './events.js';
import { FormState } from './form-state.js';
import { fieldError, formMessage, text, textField } from './form.js';
import { at } from './i18n.js';

const ROLES = ['staff', 'manager', 'admin'] as const;

/**
 * Staff accounts: create one, change a name or role, disable it, give it a new password. Each row
 * saves with the version it was shown at.
 * @event nb-admin-saved - after any change.
 */
@customElement('nb-admin-users')
export class NbAdminUsers extends LitElement {
  @property({ attribute: false }) api!: AdminApi;
  @property({ attribute: false }) users: AdminUser[] = [];
  @property() language: Lang = 'fa';

  private readonly create = new FormState(this);
  /** One save cycle for the rows (the message names the row's action). */
  private readonly rows = new FormState(this);

  static override styles = adminStyles;

  override render() {
    const lang = this.language;
    return html`
      <div class="scroll">
        <table>
          <thead>
            <tr><th>${at(lang, 'username')}</th><th>${at(lang, 'name')}</th><th>${at(lang, 'role')}</th><th>${at(lang, 'accountDisabled')}</th><th></th><th>${at(lang, 'resetPassword')}</th></tr>
          </thead>
          <tbody>
            ${this.users.map(
              (u) => html`<tr data-user=${u.username}>
                <td dir="ltr">${u.username}</td>
                <td><input name="name" .value=${u.name} /></td>
                <td><select name="role">${ROLES.map((r) => html`<option value=${r} ?selected=${u.role === r}>${at(lang, r)}</option>`)}</select></td>
                <td><input type="checkbox" name="disabled" .checked=${u.disabled} /></td>
                <td><button class="secondary" @click=${(e: Event) => this.saveRow(e, u)}>${at(lang, 'save')}</button></td>
                <td class="row"><input name="password" type="password" autocomplete="new-password" /><button class="secondary" @click=${(e: Event) => this.resetPassword(e, u)}>${at(lang, 'resetPassword')}</button></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${formMessage(lang, this.rows.message, () => emitSaved(this))}
      <h3>${at(lang, 'newUser')}</h3>
      <form @submit=${this.createUser} novalidate>
        ${textField(at(lang, 'username'), 'username', '', this.create.errors, { dir: 'ltr' })}
        ${textField(at(lang, 'name'), 'name', '', this.create.errors)}
        <label>${at(lang, 'role')}<select name="role">${ROLES.map((r) => html`<option value=${r}>${at(lang, r)}</option>`)}</select></label>
        <label>${at(lang, 'password')}<input name="password" type="password" autocomplete="new-password" />${fieldError(this.create.errors, 'password')}</label>
        ${formMessage(lang, this.create.message, () => emitSaved(this))}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.create.busy}>${at(lang, 'create')}</button></div>
      </form>
    `;
  }

  private cells(event: Event): HTMLTableRowElement {
    return (event.target as HTMLElement).closest('tr')!;
  }

  private saveRow = async (event: Event, user: AdminUser) => {
    const row = this.cells(event);
    const body = {
      version: user.version,
      name: row.querySelector<HTMLInputElement>('input[name=name]')!.value.trim(),
      role: row.querySelector<HTMLSelectElement>('select[name=role]')!.value,
      disabled: row.querySelector<HTMLInputElement>('input[name=disabled]')!.checked,
    };
    await this.rows.run(() => this.api.save('PUT', `/admin/users/${encodeURIComponent(user.id)}`, body));
  };

  private resetPassword = async (event: Event, user: AdminUser) => {
    const input = this.cells(event).querySelector<HTMLInputElement>('input[name=password]')!;
    const done = await this.rows.run(() => this.api.post(`/admin/users/${encodeURIComponent(user.id)}/password`, { password: input.value }), at(this.language, 'passwordReset'));
    if (done) input.value = '';
  };

  private createUser = async (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.target as HTMLFormElement;
    const form = new FormData(element);
    const done = await this.create.run(() => this.api.save('POST', '/admin/users', { username: text(form, 'username'), name: text(form, 'name'), role: text(form, 'role'), password: String(form.get('password') ?? '') }));
    if (done) element.reset();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-users': NbAdminUsers;
  }
}
