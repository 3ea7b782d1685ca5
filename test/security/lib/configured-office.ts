// A configured (not demo) office for security tests: the demo's services and desks, real accounts
// with real passwords, and no unpaired screen on the server's own machine.
import { parseOffice } from '../../../server/config/load.js';
import { demoOffice } from '../../../server/config/demo-office.js';
import type { OfficeConfig, OfficeInput } from '../../../server/config/schema.js';

export const PASSWORD = 'correct horse battery';

export const ACCOUNTS = {
  staff1: { username: 'staff1', name: 'کارمند یکم', role: 'staff' },
  staff2: { username: 'staff2', name: 'کارمند دوم', role: 'staff' },
  manager: { username: 'manager', name: 'مدیر', role: 'manager' },
  admin: { username: 'admin', name: 'راهبر سامانه', role: 'admin' },
} as const;

/** As an office file holds it (JSON is an office file too). */
export function configuredOfficeInput(changes: Partial<OfficeInput> = {}): OfficeInput {
  return { ...demoOffice, name: 'ادارهٔ آزمایشی', users: Object.values(ACCOUNTS).map((a) => ({ ...a, password: PASSWORD })), ...changes };
}

export function configuredOffice(changes: Partial<OfficeInput> = {}): OfficeConfig {
  return parseOffice(configuredOfficeInput(changes), 'security test office');
}
