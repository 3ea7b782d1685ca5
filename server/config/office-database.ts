// Which office a database holds: its stored configuration, or the one the office file (or the demo
// office) seeds into a new database. A database created as the demo runs as the demo, and only such a one.
import type { Logger } from '../log.js';
import type { Db } from '../store/open.js';
import { demoOffice } from './demo-office.js';
import { ConfigHolder } from './holder.js';
import { parseOffice } from './load.js';
import type { OfficeConfig } from './schema.js';
import { readStoredConfig, seedStoredConfig } from './stored.js';

/** The server will not start on this database with these options; the message says why, for an operator. */
export class StartRefused extends Error {
  override readonly name = 'StartRefused';
}

export function officeOfDatabase(db: Db, officeFile: OfficeConfig | undefined, at: number, log: Logger, where: string): { configs: ConfigHolder; demo: boolean } {
  const stored = readStoredConfig(db);
  if (stored?.origin === 'demo' && officeFile) throw new StartRefused(`${where} holds the demo office's database: give the office file a new --data folder`);
  // The database, not the command line, says whether this is the demo: a configured office started
  // without its file is still that office.
  const demo = stored ? stored.origin === 'demo' : officeFile === undefined;
  if (stored && officeFile) log.info('the office file seeded this database earlier; the configuration in the database is used (export it with `nobat config export`)');
  if (stored && !officeFile && !demo) log.warn('no office file given: this database belongs to a configured office, so it runs as that office from its stored configuration, not as the demo');
  const { config, revision, versions } = stored ?? seedStoredConfig(db, officeFile ?? parseOffice(demoOffice, 'demo office'), demo ? 'demo' : 'office-file', at);
  return { configs: new ConfigHolder(config, revision, versions), demo };
}
