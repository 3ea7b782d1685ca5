// The demo office's accounts (one password for all, printed at start-up) and the seeding of the
// accounts an office file names.
import type { OfficeConfig } from '../config/schema.js';
import type { Accounts } from './accounts.js';

export const DEMO_USERS = [
  { username: 'staff1', name: 'کارمند یکم', role: 'staff' },
  { username: 'staff2', name: 'کارمند دوم', role: 'staff' },
  { username: 'staff3', name: 'کارمند سوم', role: 'staff' },
  { username: 'staff4', name: 'کارمند چهارم', role: 'staff' },
  { username: 'manager', name: 'مدیر اداره', role: 'manager' },
  { username: 'admin', name: 'مدیر سامانه', role: 'admin' },
] as const;
export const DEMO_PASSWORD = 'demo';

/** Adds the office file's accounts not yet in the database, and in the demo the demo accounts. */
export async function seedUsers(accounts: Accounts, users: OfficeConfig['users'], demo: boolean): Promise<void> {
  for (const user of users) if (!accounts.hasUser(user.username)) await accounts.addUser(user);
  if (!demo) return;
  for (const user of DEMO_USERS) if (!accounts.hasUser(user.username)) await accounts.addUser({ ...user, password: DEMO_PASSWORD, demo: true });
}
