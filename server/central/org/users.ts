// The organisation's people: organisation admins (everything), province managers (their province's
// offices only) and auditors (read-only, everything). Passwords hashed with scrypt; session tokens
// stored as digests, as in an office.
import { digest, hashPassword, newToken, verifyPassword } from '../../auth/secrets.js';
import type { Pool } from '../db/pool.js';

export const ORG_ROLES = ['org_admin', 'province_manager', 'auditor'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];
export const SESSION_HOURS = 12;

export interface OrgUser {
  id: number;
  username: string;
  name: string;
  role: OrgRole;
  /** A province manager's province; null for the others. */
  province: string | null;
}

export async function addOrgUser(pool: Pool, user: { username: string; name: string; role: OrgRole; province: string | null; password: string }): Promise<number> {
  const { rows } = await pool.query<{ id: number }>('INSERT INTO users (username, name, role, province, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
    user.username,
    user.name,
    user.role,
    user.role === 'province_manager' ? user.province : null,
    await hashPassword(user.password),
  ]);
  return rows[0]!.id;
}

/** A session token for the right password, or null. */
export async function signIn(pool: Pool, username: string, password: string): Promise<{ token: string; user: OrgUser } | null> {
  const { rows } = await pool.query<OrgUser & { password_hash: string }>('SELECT id, username, name, role, province, password_hash FROM users WHERE username = $1', [username]);
  const row = rows[0];
  if (!row || !(await verifyPassword(password, row.password_hash))) return null;
  const token = newToken();
  await pool.query(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`, [digest(token), row.id, SESSION_HOURS]);
  const { password_hash: _hash, ...user } = row;
  return { token, user };
}

export async function userOfSession(pool: Pool, token: string): Promise<OrgUser | null> {
  const { rows } = await pool.query<OrgUser>(
    'SELECT u.id, u.username, u.name, u.role, u.province FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > now()',
    [digest(token)],
  );
  return rows[0] ?? null;
}
