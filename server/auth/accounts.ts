// Staff accounts, their sessions, and paired devices, in the office database. Ending a session or
// revoking a device is announced ('sessions-ended', 'device-revoked') so that open sockets close at once.
import { EventEmitter } from 'node:events';
import type { Db } from '../store/open.js';
import { LoginLockout, lockoutKeyName, type LockoutKey } from './lockout.js';
import { OneAtATime } from './one-at-a-time.js';
import { digest, hashPassword, newId, newPairingCode, newToken, verifyPassword } from './secrets.js';
import type { DeviceKind, Principal, Role } from './principal.js';

export const SESSION_HOURS = 12;
/** The wait told to a sign-in refused because too many attempts on its account or address are already waiting. */
const BUSY_RETRY_MS = 5_000;
export const PAIRING_MINUTES = 15;

export interface UserRow {
  id: string;
  username: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  demo: number;
}

export interface AccountEvents {
  /** Digests of session tokens that no longer hold. */
  'sessions-ended': [tokenDigests: string[]];
  'device-revoked': [deviceId: string];
}

export type SignInResult = { ok: true; user: UserRow } | { ok: false; lockedForMs: number };

/** How fresh a device's last-seen time in the store is kept. */
const SEEN_PRECISION_MS = 60_000;

export class Accounts extends EventEmitter<AccountEvents> {
  private readonly lockout: LoginLockout;
  /** Attempts waiting on one account or address at most; a burst beyond it is refused at once. */
  private readonly attempts = new OneAtATime(32);
  private readonly seenNoted = new Map<string, number>();

  constructor(private readonly db: Db, private readonly clock: () => number, private readonly demoMode: boolean) {
    super();
    this.lockout = new LoginLockout(db);
  }

  /**
   * Checks a password unless the account or the client's address is locked out; each attempt counts
   * against both before the password is hashed (unknown usernames too, so a lock-out does not reveal
   * which exist), and a right one clears both. `lockedForMs` is 0 for a plain wrong password.
   */
  async signIn(username: string, password: string, address: string | undefined): Promise<SignInResult> {
    return this.guarded(lockoutKeys(username, address), () => this.checkPassword(username, password));
  }

  /** For a signed-in user changing their password: the same lock-out guards the current one. */
  async confirmPassword(userId: string, username: string, password: string, address: string | undefined): Promise<SignInResult> {
    return this.guarded(lockoutKeys(username, address), async () => {
      const user = this.db.prepare(`SELECT * FROM users WHERE id = ?`).get(userId) as UserRow | undefined;
      return user && (await verifyPassword(password, user.password_hash)) ? user : null;
    });
  }

  private async guarded(keys: LockoutKey[], check: () => Promise<UserRow | null>): Promise<SignInResult> {
    const decided = this.attempts.run(keys.map(lockoutKeyName), () => this.attempt(keys, check));
    return decided ?? { ok: false, lockedForMs: BUSY_RETRY_MS };
  }

  private async attempt(keys: LockoutKey[], check: () => Promise<UserRow | null>): Promise<SignInResult> {
    const { lockedForMs, ifWrongMs } = this.lockout.reserveAttempt(keys, this.clock());
    if (lockedForMs > 0) return { ok: false, lockedForMs };
    const user = await check();
    if (user) {
      this.lockout.reset(keys);
      return { ok: true, user };
    }
    return { ok: false, lockedForMs: ifWrongMs };
  }

  async addUser(user: { username: string; name: string; role: Role; password: string; demo?: boolean }): Promise<string> {
    return this.insertUser(user, await hashPassword(user.password));
  }

  /** With a hash from hashPassword(), so that the caller can insert inside its own transaction. */
  insertUser(user: { username: string; name: string; role: Role; demo?: boolean }, hash: string): string {
    const id = newId();
    this.db
      .prepare(`INSERT INTO users (id, username, name, role, password_hash, demo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(id, user.username, user.name, user.role, hash, user.demo ? 1 : 0, this.clock());
    return id;
  }

  hasUser(username: string): boolean {
    return this.db.prepare(`SELECT 1 FROM users WHERE username = ?`).get(username) !== undefined;
  }

  /** The user whose password matches, or null; demo accounts only in the demo office. */
  async checkPassword(username: string, password: string): Promise<UserRow | null> {
    const user = this.db.prepare(`SELECT * FROM users WHERE username = ?`).get(username) as UserRow | undefined;
    if (!user) {
      await hashPassword(password); // same cost either way, so timing does not reveal which usernames exist
      return null;
    }
    if (!(await verifyPassword(password, user.password_hash))) return null;
    if (user.disabled || (user.demo && !this.demoMode)) return null;
    return user;
  }

  openSession(userId: string, deskId: string | null): { token: string; expiresAt: number } {
    const token = newToken();
    const now = this.clock();
    const expiresAt = now + SESSION_HOURS * 3_600_000;
    this.db.prepare(`INSERT INTO sessions (token_hash, user_id, desk_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`).run(digest(token), userId, deskId, now, expiresAt);
    return { token, expiresAt };
  }

  closeSession(tokenDigest: string): void {
    this.endSessions(`token_hash = ?`, tokenDigest);
  }

  /** The user of a live session at this desk other than `userId`, if any: that clerk holds the desk. */
  deskHolder(deskId: string, userId: string): { id: string; name: string } | null {
    const row = this.db
      .prepare(`SELECT u.id, u.name FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.desk_id = ? AND s.user_id IS NOT ? AND s.expires_at > ? AND u.disabled = 0 AND (u.demo = 0 OR ?) LIMIT 1`)
      .get(deskId, userId, this.clock(), this.demoMode ? 1 : 0) as { id: string; name: string } | undefined;
    return row ?? null;
  }

  /** Other sessions at the same desk end when the desk is taken over or signed out. */
  closeDeskSessions(deskId: string, exceptDigest: string | null): void {
    this.endSessions(`desk_id = ? AND token_hash IS NOT ?`, deskId, exceptDigest);
  }

  /** Signs a user out everywhere but `exceptDigest`; answers how many sessions ended and the desks they held. */
  closeUserSessions(userId: string, exceptDigest: string | null): { ended: number; deskIds: string[] } {
    const ended = this.endSessions(`user_id = ? AND token_hash IS NOT ?`, userId, exceptDigest);
    return { ended: ended.length, deskIds: ended.flatMap((s) => (s.desk_id ? [s.desk_id] : [])) };
  }

  /** Replaces a user's password; the caller ends their other sessions. */
  async setPassword(userId: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    this.db.prepare(`UPDATE users SET password_hash = ? WHERE id = ?`).run(hash, userId);
  }

  private endSessions(where: string, ...params: unknown[]): Array<{ token_hash: string; desk_id: string | null }> {
    const ended = this.db.prepare(`DELETE FROM sessions WHERE ${where} RETURNING token_hash, desk_id`).all(...params) as Array<{ token_hash: string; desk_id: string | null }>;
    if (ended.length > 0) this.emit('sessions-ended', ended.map((s) => s.token_hash));
    return ended;
  }

  sessionExpiry(tokenDigest: string): number | null {
    const row = this.db.prepare(`SELECT expires_at FROM sessions WHERE token_hash = ?`).get(tokenDigest) as { expires_at: number } | undefined;
    return row?.expires_at ?? null;
  }

  /** The principal a bearer token stands for, or null when unknown, expired, revoked or disabled. */
  resolve(token: string): Principal | null {
    const tokenDigest = digest(token);
    const now = this.clock();
    const session = this.db
      .prepare(`SELECT s.user_id, s.desk_id, s.expires_at, u.username, u.name, u.role, u.disabled, u.demo FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`)
      .get(tokenDigest) as { user_id: string; desk_id: string | null; expires_at: number; username: string; name: string; role: Role; disabled: number; demo: number } | undefined;
    if (session) {
      if (session.expires_at <= now || session.disabled || (session.demo && !this.demoMode)) return null;
      return { kind: 'user', userId: session.user_id, username: session.username, name: session.name, role: session.role, deskId: session.desk_id, tokenDigest };
    }
    const device = this.db.prepare(`SELECT id, kind, desk_id FROM devices WHERE token_hash = ? AND revoked_at IS NULL`).get(tokenDigest) as
      | { id: string; kind: DeviceKind; desk_id: string | null }
      | undefined;
    if (!device) return null;
    this.noteSeen(device.id, now);
    return { kind: 'device', deviceId: device.id, deviceKind: device.kind, deskId: device.desk_id };
  }

  /**
   * Records when a device was last seen. Only a note: on a full or read-only disk the device must
   * still be recognised (a display must reconnect, a kiosk must hear why it cannot issue).
   */
  private noteSeen(deviceId: string, now: number): void {
    // A write (and fsync) per request would cost a kiosk's every ticket a commit of its own: the
    // note is kept to a minute's precision.
    const noted = this.seenNoted.get(deviceId);
    if (noted !== undefined && now >= noted && now - noted < SEEN_PRECISION_MS) return;
    this.seenNoted.set(deviceId, now);
    try {
      this.db.prepare(`UPDATE devices SET last_seen_at = ? WHERE id = ?`).run(now, deviceId);
    } catch (error) {
      if (!String((error as { code?: unknown }).code).startsWith('SQLITE_')) throw error;
    }
  }

  /** Registers a device and returns a one-time pairing code, and a token for devices set up by hand. */
  addDevice(kind: DeviceKind, name: string, deskId: string | null): { id: string; pairingCode: string; token: string; codeExpiresAt: number } {
    const id = newId();
    const pairingCode = newPairingCode();
    const token = newToken();
    const codeExpiresAt = this.clock() + PAIRING_MINUTES * 60_000;
    this.db
      .prepare(`INSERT INTO devices (id, kind, name, token_hash, pairing_code_hash, pairing_expires_at, desk_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, kind, name, digest(token), digest(pairingCode), codeExpiresAt, deskId, this.clock());
    return { id, pairingCode, token, codeExpiresAt };
  }

  /**
   * Exchanges a pairing code for a device token unless the client's address, or the office as a
   * whole, has tried too many wrong codes; each try counts before the code is looked up, a right one
   * clears the counts.
   */
  pairFrom(code: string, address: string | undefined): { ok: true; paired: Paired } | { ok: false; lockedForMs: number } {
    const keys: LockoutKey[] = [{ kind: 'pairing-office' }, ...(address ? [{ kind: 'pairing' as const, address }] : [])];
    const { lockedForMs, ifWrongMs } = this.lockout.reserveAttempt(keys, this.clock());
    if (lockedForMs > 0) return { ok: false, lockedForMs };
    const paired = this.pair(code);
    if (!paired) return { ok: false, lockedForMs: ifWrongMs };
    this.lockout.reset(keys);
    return { ok: true, paired };
  }

  /** Exchanges a pairing code, once and before it expires, for a fresh device token. */
  private pair(code: string): Paired | null {
    const row = this.db.prepare(`SELECT id, kind, pairing_expires_at FROM devices WHERE pairing_code_hash = ? AND revoked_at IS NULL`).get(digest(code)) as
      | { id: string; kind: DeviceKind; pairing_expires_at: number }
      | undefined;
    if (!row || row.pairing_expires_at <= this.clock()) return null;
    const token = newToken();
    this.db.prepare(`UPDATE devices SET token_hash = ?, pairing_code_hash = NULL, pairing_expires_at = NULL WHERE id = ?`).run(digest(token), row.id);
    return { token, deviceId: row.id, kind: row.kind };
  }

  revokeDevice(id: string): boolean {
    const revoked = this.db.prepare(`UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`).run(this.clock(), id).changes > 0;
    if (revoked) this.emit('device-revoked', id);
    return revoked;
  }

  users(): UserSummary[] {
    const rows = this.db.prepare(`SELECT id, username, name, role, disabled, demo, created_at FROM users ORDER BY role, username`).all() as Array<Omit<UserRow, 'password_hash'> & { created_at: number }>;
    return rows.map((row) => ({ id: row.id, username: row.username, name: row.name, role: row.role, disabled: row.disabled === 1, demo: row.demo === 1, createdAt: row.created_at }));
  }

  user(id: string): UserSummary | undefined {
    return this.users().find((u) => u.id === id);
  }

  updateUser(id: string, changes: { name: string; role: Role; disabled: boolean }): void {
    this.db.prepare(`UPDATE users SET name = ?, role = ?, disabled = ? WHERE id = ?`).run(changes.name, changes.role, changes.disabled ? 1 : 0, id);
  }

  /** A hash from hashPassword(), computed before the caller's transaction. */
  setPasswordHash(id: string, hash: string): void {
    this.db.prepare(`UPDATE users SET password_hash = ? WHERE id = ?`).run(hash, id);
  }

  devices(): DeviceSummary[] {
    const rows = this.db
      .prepare(`SELECT id, kind, name, desk_id, created_at, last_seen_at, revoked_at, pairing_code_hash, pairing_expires_at FROM devices ORDER BY created_at`)
      .all() as Array<{ id: string; kind: DeviceKind; name: string; desk_id: string | null; created_at: number; last_seen_at: number | null; revoked_at: number | null; pairing_code_hash: string | null; pairing_expires_at: number | null }>;
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      name: row.name,
      deskId: row.desk_id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      revokedAt: row.revoked_at,
      /** A code not yet used: the device is waiting to be paired until it expires. */
      pairingExpiresAt: row.pairing_code_hash === null ? null : row.pairing_expires_at,
    }));
  }
}

export interface Paired {
  token: string;
  deviceId: string;
  kind: DeviceKind;
}

export interface UserSummary {
  id: string;
  username: string;
  name: string;
  role: Role;
  disabled: boolean;
  demo: boolean;
  createdAt: number;
}

export interface DeviceSummary {
  id: string;
  kind: DeviceKind;
  name: string;
  deskId: string | null;
  createdAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
  pairingExpiresAt: number | null;
}

function lockoutKeys(username: string, address: string | undefined): LockoutKey[] {
  return [{ kind: 'account', username }, ...(address ? [{ kind: 'address' as const, address }] : [])];
}
