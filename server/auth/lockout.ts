// Lock-out after repeated wrong passwords (or pairing codes), per account and per client address, with a wait that
// doubles with each further failure. Counters live in the database, so a restart does not reset them.
// The policy (how long to wait after n failures) is pure; the store is the only I/O.
import type { Db } from '../store/open.js';

export interface LockoutPolicy {
  /** Failures allowed before the first wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it. */
  baseWaitMs: number;
  maxWaitMs: number;
  /** A counter with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

/** Accounts: five tries, then 30 s, 1 min, 2 min… up to 15 min. Addresses (a shared desk PC) get ten. */
export const ACCOUNT_LOCKOUT: LockoutPolicy = { freeFailures: 5, baseWaitMs: 30_000, maxWaitMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };
export const ADDRESS_LOCKOUT: LockoutPolicy = { ...ACCOUNT_LOCKOUT, freeFailures: 10 };
/**
 * Pairing codes, per address: five wrong codes, then 1 min, 2 min… A code is looked up by its
 * digest, so it cannot count its own guesses; instead every wrong code in the office counts too, and
 * fifty of them (across addresses) close pairing for everyone for a while.
 */
export const PAIRING_LOCKOUT: LockoutPolicy = { freeFailures: 5, baseWaitMs: 60_000, maxWaitMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };
export const PAIRING_OFFICE_LOCKOUT: LockoutPolicy = { ...PAIRING_LOCKOUT, freeFailures: 50 };

/** How long sign-in stays locked after the `failures`-th consecutive failure (0 while tries remain). */
export function lockoutWaitMs(failures: number, policy: LockoutPolicy): number {
  const beyond = failures - policy.freeFailures;
  if (beyond < 0) return 0;
  return Math.min(policy.maxWaitMs, policy.baseWaitMs * 2 ** Math.min(beyond, 30));
}

interface FailureRow {
  failures: number;
  last_at: number;
  locked_until: number;
}

export type LockoutKey =
  | { kind: 'account'; username: string }
  | { kind: 'address'; address: string }
  | { kind: 'pairing'; address: string }
  | { kind: 'pairing-office' };

const POLICIES: Record<LockoutKey['kind'], LockoutPolicy> = { account: ACCOUNT_LOCKOUT, address: ADDRESS_LOCKOUT, pairing: PAIRING_LOCKOUT, 'pairing-office': PAIRING_OFFICE_LOCKOUT };

export class LoginLockout {
  constructor(
    private readonly db: Db,
    private readonly policies: Record<LockoutKey['kind'], LockoutPolicy> = POLICIES,
  ) {}

  /** Milliseconds until any of `keys` may try again; 0 when none is locked. */
  waitMs(keys: LockoutKey[], now: number): number {
    let wait = 0;
    for (const key of keys) {
      const row = this.row(key);
      if (row) wait = Math.max(wait, row.locked_until - now);
    }
    return Math.max(0, wait);
  }

  /**
   * Before a password is checked: when none of `keys` is locked, the attempt is counted as a failure
   * at once (a right password resets the counts afterwards), so concurrent attempts see each other
   * and those beyond the limit are refused without the cost of hashing, whatever password they
   * carry. Answers the wait now (nothing counted when it is not 0), and the wait this attempt's
   * failure causes, for its answer when the password is wrong.
   */
  reserveAttempt(keys: LockoutKey[], now: number): { lockedForMs: number; ifWrongMs: number } {
    return this.db.transaction(() => {
      const lockedForMs = this.waitMs(keys, now);
      return { lockedForMs, ifWrongMs: lockedForMs === 0 ? this.recordFailure(keys, now) : 0 };
    })();
  }

  /** Counts one wrong password against every key; answers the longest wait it causes. */
  private recordFailure(keys: LockoutKey[], now: number): number {
    const upsert = this.db.prepare(
      `INSERT INTO login_failures (key, failures, last_at, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_at = excluded.last_at, locked_until = excluded.locked_until`,
    );
    const forgetBefore = now - Math.max(...Object.values(this.policies).map((p) => p.forgetAfterMs));
    let wait = 0;
    this.db.transaction(() => {
      // Counts nobody will read again (random usernames, say) do not pile up.
      this.db.prepare(`DELETE FROM login_failures WHERE last_at < ? AND locked_until < ?`).run(forgetBefore, now);
      for (const key of keys) {
        const policy = this.policies[key.kind];
        const row = this.row(key);
        const failures = row && now - row.last_at < policy.forgetAfterMs ? row.failures + 1 : 1;
        upsert.run(lockoutKeyName(key), failures, now, now + lockoutWaitMs(failures, policy));
        wait = Math.max(wait, lockoutWaitMs(failures, policy));
      }
    })();
    return wait;
  }

  /** A right password clears the counts (each account keeps its own, so this unlocks no other). */
  reset(keys: LockoutKey[]): void {
    const remove = this.db.prepare(`DELETE FROM login_failures WHERE key = ?`);
    for (const key of keys) remove.run(lockoutKeyName(key));
  }

  private row(key: LockoutKey): FailureRow | undefined {
    return this.db.prepare(`SELECT failures, last_at, locked_until FROM login_failures WHERE key = ?`).get(lockoutKeyName(key)) as FailureRow | undefined;
  }
}

/** The key as stored, and as sign-in attempts on it are told apart. */
export function lockoutKeyName(key: LockoutKey): string {
  switch (key.kind) {
    case 'account':
      return `account:${key.username.normalize('NFC').toLowerCase()}`;
    case 'address':
    case 'pairing':
      return `${key.kind}:${key.address}`;
    case 'pairing-office':
      return 'pairing-office';
  }
}
