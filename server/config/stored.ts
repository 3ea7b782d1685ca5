// The configuration document in the database: read at start-up, seeded from the office file (or the
// demo office) when the database is new, and rewritten by each admin change inside its transaction.
import type { Db } from '../store/open.js';
import { parseOffice } from './load.js';
import type { OfficeConfig } from './schema.js';

export interface StoredConfig {
  config: OfficeConfig;
  revision: number;
  versions: Map<string, number>;
  /**
   * What the database was created from. Only a database created as the demo runs as the demo: a
   * real office started without its file must not get demo accounts or screens without a token.
   */
  origin: ConfigOrigin;
}

export type ConfigOrigin = 'office-file' | 'demo';

/** The stored configuration, checked again with the office schema, or null in a new database. */
export function readStoredConfig(db: Db): StoredConfig | null {
  const row = db.prepare(`SELECT document, revision FROM office_config WHERE id = 1`).get() as { document: string; revision: number } | undefined;
  if (!row) return null;
  const config = parseOffice(JSON.parse(row.document), 'the configuration stored in the database');
  const versions = db.prepare(`SELECT entity, version FROM config_versions`).all() as Array<{ entity: string; version: number }>;
  const origin = db.prepare(`SELECT value FROM meta WHERE key = 'config_origin'`).pluck().get();
  return { config, revision: row.revision, versions: new Map(versions.map((v) => [v.entity, v.version])), origin: origin === 'demo' ? 'demo' : 'office-file' };
}

/** Stores the first configuration of a new database, and what it came from. Accounts stay in their own table, not here. */
export function seedStoredConfig(db: Db, config: OfficeConfig, origin: ConfigOrigin, at: number): StoredConfig {
  const document = { ...config, users: [] };
  db.transaction(() => {
    db.prepare(`INSERT INTO office_config (id, document, revision, updated_at) VALUES (1, ?, 1, ?)`).run(JSON.stringify(document), at);
    db.prepare(`INSERT INTO meta (key, value) VALUES ('config_origin', ?)`).run(origin);
  })();
  return { config: document, revision: 1, versions: new Map(), origin };
}

/** Inside the caller's transaction: the new document and the edited entity's new version. */
export function writeStoredConfig(db: Db, config: OfficeConfig, revision: number, at: number): void {
  db.prepare(`UPDATE office_config SET document = ?, revision = ?, updated_at = ? WHERE id = 1`).run(JSON.stringify({ ...config, users: [] }), revision, at);
}

export function writeVersion(db: Db, key: string, version: number): void {
  db.prepare(`INSERT INTO config_versions (entity, version) VALUES (?, ?) ON CONFLICT (entity) DO UPDATE SET version = excluded.version`).run(key, version);
}
