// The office's link to central, kept in its own database (the `meta` table) so that it survives
// restarts and travels with a backup: central's address, the office credential, and how far
// central has acknowledged the log (epoch and seq).
import type { Db } from '../store/open.js';

const KEY = 'central.link';

export interface CentralLinkState {
  url: string;
  officeId: number;
  credential: string;
  epoch: number;
  /** The last seq central acknowledged; the next batch starts after it. */
  synced: number;
}

export function readLink(db: Db): CentralLinkState | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as CentralLinkState) : null;
}

export function writeLink(db: Db, link: CentralLinkState): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(link));
}
