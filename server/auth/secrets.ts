// Password hashing (scrypt, per-password salt, parameters stored with the hash) and random tokens,
// of which only a SHA-256 digest is stored, so a copy of the database does not hold usable tokens.
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A bearer token: 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** An unguessable id (128 random bits), used for tickets so that holding the QR is the only way in. */
/** The shape of every id newId() makes (a ticket's too): 16 random bytes in base64url. */
export const ID_SHAPE = /^[A-Za-z0-9_-]{22}$/;

export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** A short one-time code a person types on a device being paired. */
export function newPairingCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}

export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
