// The audit trail in words: each recorded action, entity and field under the name the admin knows it
// by, and each value as a person reads it (yes/no, lists, opening hours, Persian digits). A key this
// screen does not know yet (a field added later) shows as it is, and its value as short JSON.
import { localDigits } from '../../../server/time/persian.js';
import type { Lang } from '../i18n.js';
import { at, type AdminKey } from './i18n.js';

const WEEKDAYS = ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'] as const;
const LONGEST = 160;

const ACTIONS: Record<string, AdminKey> = { create: 'create_', update: 'update', delete: 'delete', reset_password: 'reset_password', revoke: 'revoke_', pair_code: 'pair_code' };
const ENTITIES: Record<string, AdminKey> = { office: 'officeTitle', board: 'boardTitle', printer: 'printerTitle', audio: 'audioTitle', voice: 'voice', service: 'f_service', desk: 'desk', user: 'f_user', device: 'f_device' };

/** Every field an audited view holds, by its last key: services, desks, office, board, printer, audio, users, devices. */
const FIELDS: Record<string, AdminKey> = {
  id: 'f_id',
  name: 'name',
  nameEn: 'nameEn',
  code: 'code',
  prefix: 'prefix',
  targetWaitMinutes: 'targetWait',
  active: 'f_active',
  priorityGroups: 'priorityGroups',
  hours: 'f_hours',
  alwaysOpen: 'f_alwaysOpen',
  guidance: 'f_guidance',
  policy: 'policy',
  description: 'description',
  descriptionEn: 'descriptionEn',
  documents: 'f_documents',
  documentsEn: 'f_documentsEn',
  steps: 'f_steps',
  stepsEn: 'f_stepsEn',
  legalBasis: 'legalBasis',
  legalBasisEn: 'legalBasisEn',
  fees: 'fees',
  feesEn: 'feesEn',
  expectedMinutes: 'expectedMinutes',
  number: 'deskNumber',
  services: 'f_services',
  publicUrl: 'publicUrl',
  timeZone: 'f_timeZone',
  maxPriorityStreak: 'maxPriorityStreak',
  normalWaitLimitMinutes: 'normalWaitLimit',
  noShowGraceSeconds: 'noShowGrace',
  counterDigits: 'counterDigits',
  charter: 'f_charter',
  announcements: 'f_announcements',
  widthDots: 'paperWidth',
  logo: 'logoTitle',
  headerText: 'f_headerText',
  nvHeader: 'nvHeader',
  timeoutMs: 'f_timeoutMs',
  transport: 'f_transport',
  clipSet: 'f_clipSet',
  chime: 'chime',
  username: 'username',
  role: 'role',
  disabled: 'accountDisabled',
  kind: 'kind',
  deskId: 'desk',
  revoked: 'revoked',
};

/** Values that are names of something: the word for them. */
const NAMED_VALUES: Record<string, Record<string, AdminKey>> = {
  role: { staff: 'staff', manager: 'manager', admin: 'admin' },
  kind: { kiosk: 'kiosk', display: 'display', keypad: 'keypad', printer: 'printer', desk: 'deskPc' },
  priorityGroups: { elderly: 'elderly', disabled: 'disabled', veteran: 'veteran', pregnant: 'pregnant' },
};

export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

export function actionText(lang: Lang, action: string): string {
  const key = ACTIONS[action];
  return key ? at(lang, key) : action;
}

export function entityText(lang: Lang, entity: string): string {
  const key = ENTITIES[entity];
  return key ? at(lang, key) : entity;
}

/** The fields that differ between before and after, nested settings (guidance, policy) field by field. */
export function auditChanges(lang: Lang, before: unknown, after: unknown): AuditChange[] {
  return differing(before, after, []).map((path) => ({
    field: path.map((key) => fieldText(lang, key)).join(' › '),
    before: before === null ? '—' : valueText(lang, path.at(-1)!, pick(before, path)),
    after: after === null ? '—' : valueText(lang, path.at(-1)!, pick(after, path)),
  }));
}

function differing(before: unknown, after: unknown, path: string[]): string[][] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  // Opening hours, a printer's transport and its logo read best whole; other settings open up field by field,
  // also when one side has none (a service created or deleted).
  const whole = path.at(-1) === 'hours' || path.at(-1) === 'transport' || path.at(-1) === 'logo';
  const opens = (value: unknown) => isRecord(value) || value === null || value === undefined;
  if (path.length > 0 && (whole || !opens(before) || !opens(after))) return [path];
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((key) => differing(a[key], b[key], [...path, key]));
}

function fieldText(lang: Lang, key: string): string {
  const label = FIELDS[key];
  return label ? at(lang, label) : key;
}

/** One value as a line: yes/no, a list, opening hours, digits in the reader's language. */
export function valueText(lang: Lang, key: string, value: unknown): string {
  // A service without hours of its own keeps the office's.
  if (value === undefined && key === 'hours') return at(lang, 'hoursOfOffice');
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return at(lang, value ? 'yes' : 'no');
  if (typeof value === 'number') return localDigits(value, lang);
  const named = NAMED_VALUES[key];
  if (typeof value === 'string') {
    const word = named?.[value];
    return shorten(word ? at(lang, word) : /^\d{1,2}:\d{2}$/.test(value) ? localDigits(value, lang) : value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return at(lang, 'none');
    return shorten(value.map((item) => (typeof item === 'string' ? (named?.[item] ? at(lang, named[item]!) : item) : typeof item === 'number' ? localDigits(item, lang) : JSON.stringify(item))).join(lang === 'fa' ? '، ' : ', '));
  }
  if (key === 'hours' && isHours(value)) return hoursText(lang, value);
  // The trail keeps a logo's size and hash, never the image.
  if (key === 'logo' && isRecord(value) && typeof value.width === 'number' && typeof value.height === 'number' && typeof value.bytes === 'number') {
    return at(lang, 'logoSize', { width: localDigits(value.width, lang), height: localDigits(value.height, lang), bytes: localDigits(value.bytes, lang) });
  }
  return shorten(JSON.stringify(value));
}

function hoursText(lang: Lang, hours: { alwaysOpen?: boolean; week?: Record<string, Array<{ from: string; to: string }>> }): string {
  if (hours.alwaysOpen) return at(lang, 'f_alwaysOpen');
  const days = WEEKDAYS.filter((day) => (hours.week?.[day] ?? []).length > 0).map(
    (day) => `${at(lang, day)} ${(hours.week?.[day] ?? []).map((span) => localDigits(`${span.from}–${span.to}`, lang)).join(lang === 'fa' ? ' و ' : ' and ')}`,
  );
  return days.length === 0 ? at(lang, 'closedAllWeek') : days.join(lang === 'fa' ? '؛ ' : '; ');
}

function isHours(value: unknown): value is { alwaysOpen?: boolean; week?: Record<string, Array<{ from: string; to: string }>> } {
  return isRecord(value) && ('week' in value || 'alwaysOpen' in value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), value);
}

function shorten(text: string): string {
  return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text;
}
