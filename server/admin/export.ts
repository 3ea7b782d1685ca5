// The running configuration written back as an office file (YAML), for a backup or for setting up a
// sister office: `nobat start --office <file>` on a new database loads it as it was exported.
// Accounts are not in it (their passwords are only stored as hashes); add them with `nobat user add`.
// Written with YAML 1.1's quoting, so that no YAML reader takes a time (07:30) or a prefix (1) for a number.
import { stringify } from 'yaml';
import type { OfficeConfig } from '../config/schema.js';

export function officeFileYaml(config: OfficeConfig, exportedAt: Date): string {
  const { users: _accountsStayInTheDatabase, ...office } = config;
  const header = [
    `# nobat office file, exported ${exportedAt.toISOString()} from «${config.name}».`,
    '# Start a new office with it:  npx nobat start --office <this file>',
    '# Staff accounts are not included (passwords are stored only as hashes); add them with `nobat user add`.',
  ];
  return `${header.join('\n')}\n${stringify({ ...office, users: [] }, { lineWidth: 0, version: '1.1' })}`;
}
