// What central's routes can reach, and who is asking: an office (by its credential) or a person of
// the organisation (by a session token).
import type { Logger } from '../../log.js';
import type { Pool } from '../db/pool.js';
import type { OrgUser } from '../org/users.js';

export interface CentralDeps {
  pool: Pool;
  log: Logger;
  /** Whether migrations have run and the database answers; readiness reports it. */
  ready(): Promise<boolean>;
}

export type CentralPrincipal = { kind: 'office'; officeId: number; revoked: boolean } | { kind: 'user'; user: OrgUser };

export type CentralEnv = { Variables: { principal: CentralPrincipal | null } };
