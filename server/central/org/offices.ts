// The organisation's offices: adding one (with a one-time enrolment code), the office exchanging
// the code for its credential, revoking it, and finding the office a credential belongs to. Codes
// and credentials are stored only as digests.
import { randomBytes, randomInt } from 'node:crypto';
import { digest } from '../../auth/secrets.js';
import type { Pool } from '../db/pool.js';

/** How long an enrolment code stays usable. */
export const ENROL_DAYS = 7;
/** No 0/O or 1/I/L: the code is read aloud or typed from paper. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CREDENTIAL_PREFIX = 'nbo_';

export interface OfficeAdded {
  id: number;
  code: string;
  expiresAt: Date;
}

export async function addOffice(pool: Pool, name: string, province: string): Promise<OfficeAdded> {
  const code = enrolmentCode();
  const { rows } = await pool.query<{ id: number; expires: Date }>(
    `INSERT INTO offices (name, province, enrol_code_hash, enrol_expires_at) VALUES ($1, $2, $3, now() + make_interval(days => $4)) RETURNING id, enrol_expires_at AS expires`,
    [name, province, digest(normalCode(code)), ENROL_DAYS],
  );
  return { id: rows[0]!.id, code, expiresAt: rows[0]!.expires };
}

export interface Enrolled {
  officeId: number;
  name: string;
  province: string;
  credential: string;
  epoch: number;
  highWater: number;
}

/** Spends the code: the office gets its credential once; a used, expired or unknown code gets null. */
export async function enrol(pool: Pool, code: string): Promise<Enrolled | null> {
  const credential = CREDENTIAL_PREFIX + randomBytes(32).toString('base64url');
  const { rows } = await pool.query<{ id: number; name: string; province: string; epoch: number; high_water: string }>(
    `UPDATE offices SET enrol_code_hash = NULL, enrol_expires_at = NULL, credential_hash = $2, enrolled_at = now()
     WHERE enrol_code_hash = $1 AND enrol_expires_at > now() AND revoked_at IS NULL
     RETURNING id, name, province, epoch, high_water`,
    [digest(normalCode(code)), digest(credential)],
  );
  const row = rows[0];
  return row ? { officeId: row.id, name: row.name, province: row.province, credential, epoch: row.epoch, highWater: Number(row.high_water) } : null;
}

export async function revokeOffice(pool: Pool, id: number): Promise<boolean> {
  const { rowCount } = await pool.query('UPDATE offices SET revoked_at = now(), enrol_code_hash = NULL WHERE id = $1 AND revoked_at IS NULL', [id]);
  return rowCount === 1;
}

/** The office holding this credential: revoked ones too, so that the refusal can say so. */
export async function officeOfCredential(pool: Pool, credential: string): Promise<{ id: number; revoked: boolean } | null> {
  if (!credential.startsWith(CREDENTIAL_PREFIX)) return null;
  const { rows } = await pool.query<{ id: number; revoked: boolean }>('SELECT id, revoked_at IS NOT NULL AS revoked FROM offices WHERE credential_hash = $1', [digest(credential)]);
  return rows[0] ?? null;
}

function enrolmentCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

/** A code as typed: any case, with or without dashes and spaces. */
function normalCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
