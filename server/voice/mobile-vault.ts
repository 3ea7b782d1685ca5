// Visitors' mobile numbers are kept sealed with AES-256-GCM under a key that lives in its own file in
// the data directory (created on first use, readable by the server's user only), never in the
// database: a copy of the database, a backup or the central office's copy of the event log holds no
// usable number. Each sealed value is bound to the row it belongs to (the row id as associated data),
// so a sealed number moved to another row does not open.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class MobileVault {
  private constructor(private readonly key: Buffer) {}

  /** The vault over the key file at `path`, creating the key when the file does not exist yet. */
  static open(path: string): MobileVault {
    let key: Buffer;
    try {
      key = readFileSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dirname(path), { recursive: true });
      key = randomBytes(KEY_BYTES);
      // 'wx': two servers starting at once on one data directory must not each write their own key.
      writeFileSync(path, key, { mode: 0o600, flag: 'wx' });
      chmodSync(path, 0o600);
    }
    if (key.length !== KEY_BYTES) throw new Error(`the key file ${path} holds ${key.length} bytes, not ${KEY_BYTES}`);
    return new MobileVault(key);
  }

  seal(plain: string, boundTo: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /**
   * A keyed digest of `plain` (HMAC-SHA-256 under the vault's key): equal values give equal tags, so
   * rows can be matched by number, while a copy of the database cannot try the few billion numbers.
   */
  tag(plain: string): string {
    return createHmac('sha256', this.key).update(`tag:${plain}`).digest('base64url');
  }

  /** The number sealed for `boundTo`; throws when it was sealed for another row or under another key. */
  open(sealed: string, boundTo: string): string {
    const [version, payload] = sealed.split('.');
    if (version !== VERSION || !payload) throw new Error('not a sealed value of this vault');
    const bytes = Buffer.from(payload, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
