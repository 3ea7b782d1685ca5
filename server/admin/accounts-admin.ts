// Staff accounts and paired devices, administered from the browser: each change is checked against
// the version the admin saw, written with its audit event in one transaction, and what must end at
// once (a disabled user's sessions, a revoked device's socket) is ended. Passwords never reach the trail.
import type { Accounts, DeviceSummary, UserSummary } from '../auth/accounts.js';
import type { DeviceKind, Role } from '../auth/principal.js';
import { hashPassword } from '../auth/secrets.js';
import type { ConfigHolder } from '../config/holder.js';
import { writeVersion } from '../config/stored.js';
import { ApiError } from '../http/errors.js';
import type { Db } from '../store/open.js';
import { appendAudit } from './audit.js';
import type { AdminActor } from './config-editor.js';

type UserView = Pick<UserSummary, 'username' | 'name' | 'role' | 'disabled'>;

export class AccountAdmin {
  constructor(
    private readonly db: Db,
    private readonly accounts: Accounts,
    private readonly holder: ConfigHolder,
    private readonly clock: () => number,
  ) {}

  users(): Array<UserSummary & { version: number }> {
    return this.accounts.users().map((u) => ({ ...u, version: this.holder.version(`user:${u.id}`) }));
  }

  async createUser(actor: AdminActor, user: { username: string; name: string; role: Role; password: string }): Promise<UserSummary & { version: number }> {
    if (this.accounts.hasUser(user.username)) throw usernameTaken(user.username);
    const hash = await hashPassword(user.password);
    const id = this.db.transaction(() => {
      // Checked again: another admin may have taken the name while the password was hashed.
      if (this.accounts.hasUser(user.username)) throw usernameTaken(user.username);
      const created = this.accounts.insertUser(user, hash);
      this.audited(actor, 'user', created, 'create', null, view({ ...user, disabled: false }), `user:${created}`);
      return created;
    })();
    return { ...this.accounts.user(id)!, version: this.holder.version(`user:${id}`) };
  }

  /** Answers the account and the desks its ended sessions held (the caller closes those left idle). */
  updateUser(actor: AdminActor, id: string, expectedVersion: number, changes: { name: string; role: Role; disabled: boolean }): { user: UserSummary & { version: number }; deskIds: string[] } {
    const before = this.existingUser(id);
    const key = `user:${id}`;
    let deskIds: string[] = [];
    this.db.transaction(() => {
      this.refuseStale(key, expectedVersion, 'این حساب');
      const losesAdmin = before.role === 'admin' && !before.disabled && (changes.role !== 'admin' || changes.disabled);
      if (losesAdmin && this.accounts.users().filter((u) => u.role === 'admin' && !u.disabled).length <= 1) {
        throw new ApiError(409, 'last_admin', 'این تنها مدیر سامانهٔ فعال است؛ بدون او کسی نمی‌تواند تنظیمات را تغییر دهد. نخست مدیر سامانهٔ دیگری بسازید.');
      }
      this.accounts.updateUser(id, changes);
      // Ending the sessions also closes their open sockets (Accounts announces it).
      if (changes.disabled || changes.role !== before.role) deskIds = this.accounts.closeUserSessions(id, null).deskIds;
      this.audited(actor, 'user', id, 'update', view(before), view({ ...before, ...changes }), key);
    })();
    return { user: { ...this.accounts.user(id)!, version: this.holder.version(key) }, deskIds };
  }

  /** Answers the desks the account's ended sessions held (the caller closes those left idle). */
  async resetPassword(actor: AdminActor, id: string, password: string): Promise<string[]> {
    const user = this.existingUser(id);
    const hash = await hashPassword(password);
    let deskIds: string[] = [];
    this.db.transaction(() => {
      this.accounts.setPasswordHash(id, hash);
      deskIds = this.accounts.closeUserSessions(id, null).deskIds;
      this.audited(actor, 'user', id, 'reset_password', view(user), view(user), `user:${id}`);
    })();
    return deskIds;
  }

  devices(): DeviceSummary[] {
    return this.accounts.devices();
  }

  /** A new device and its one-time pairing code (the token is made when the code is used). */
  addDevice(actor: AdminActor, device: { kind: DeviceKind; name: string; deskId: string | null }): { device: DeviceSummary; pairingCode: string } {
    const added = this.db.transaction(() => {
      const created = this.accounts.addDevice(device.kind, device.name, device.deskId);
      this.audited(actor, 'device', created.id, 'create', null, device, `device:${created.id}`);
      return created;
    })();
    return { device: this.accounts.devices().find((d) => d.id === added.id)!, pairingCode: added.pairingCode };
  }

  revokeDevice(actor: AdminActor, id: string): DeviceSummary {
    const before = this.accounts.devices().find((d) => d.id === id);
    if (!before) throw new ApiError(404, 'unknown_device', 'این دستگاه پیدا نشد.');
    if (before.revokedAt !== null) throw new ApiError(409, 'already_revoked', 'این دستگاه پیش‌تر باطل شده است.');
    this.db.transaction(() => {
      this.accounts.revokeDevice(id);
      this.audited(actor, 'device', id, 'revoke', { kind: before.kind, name: before.name, deskId: before.deskId }, { kind: before.kind, name: before.name, deskId: before.deskId, revoked: true }, `device:${id}`);
    })();
    return this.accounts.devices().find((d) => d.id === id)!;
  }

  private existingUser(id: string): UserSummary {
    const user = this.accounts.user(id);
    if (!user) throw new ApiError(404, 'unknown_user', 'این حساب کاربری پیدا نشد.');
    return user;
  }

  private refuseStale(key: string, expectedVersion: number, what: string): void {
    if (this.holder.version(key) === expectedVersion) return;
    throw new ApiError(409, 'version_conflict', `${what} را کاربر دیگری هم‌زمان تغییر داده است و تغییر شما ذخیره نشد. فهرست را تازه کنید و دوباره ذخیره کنید.`, { key, currentVersion: this.holder.version(key) });
  }

  /** Writes the audit event and the entity's next version; inside the caller's transaction when there is one. */
  private audited(actor: AdminActor, entity: 'user' | 'device', id: string, action: 'create' | 'update' | 'reset_password' | 'revoke', before: unknown, after: unknown, key: string): void {
    const version = this.holder.version(key) + 1;
    appendAudit(this.db, { at: this.clock(), actor: actor.id, actorName: actor.name, entity, entityId: id, action, before, after });
    writeVersion(this.db, key, version);
    this.holder.bump(key, version);
  }
}

function view(user: UserView): UserView {
  return { username: user.username, name: user.name, role: user.role, disabled: user.disabled };
}

function usernameTaken(username: string): ApiError {
  return new ApiError(409, 'username_taken', `نام کاربری «${username}» پیش‌تر گرفته شده است؛ نام دیگری برگزینید.`);
}
