// The office file: what one office serves, where, when and how. Checked with zod at start-up so
// that a bad file stops the server with a message naming the field instead of running half-configured.
import { z } from 'zod';
import { faDigits } from '../time/digits.js';
import { BIDI_CONTROLS } from './bidi.js';
import { LOGO_MAX_DATA_URL_CHARS, logoProblem } from './logo.js';
import { voiceSchema } from '../voice/config.js';
import { smsSchema } from '../messages/settings.js';
import { bookingSchema } from '../appointments/settings.js';

export const PRIORITY_GROUPS = ['elderly', 'disabled', 'veteran', 'pregnant'] as const;
export const priorityGroupSchema = z.enum(PRIORITY_GROUPS);
export type PriorityGroup = z.infer<typeof priorityGroupSchema>;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'only Latin letters, digits, "-" and "_", 1 to 32 characters');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');
export { BIDI_CONTROLS } from './bidi.js';
const text = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(BIDI_CONTROLS, ''))
    .pipe(z.string().trim().min(1).max(max));

export const WEEKDAYS = ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const openingPeriod = z
  .object({ from: clockTime, to: clockTime })
  .refine((p) => p.from < p.to, { message: '"from" must be before "to"' });

const WEEKDAY_NAMES_FA: Record<Weekday, string> = { sat: 'شنبه', sun: 'یکشنبه', mon: 'دوشنبه', tue: 'سه‌شنبه', wed: 'چهارشنبه', thu: 'پنجشنبه', fri: 'جمعه' };

const openingHoursObject = z
  .strictObject({
    alwaysOpen: z.boolean().default(false),
    week: z.partialRecord(z.enum(WEEKDAYS), z.array(openingPeriod).max(4)).default({}),
  })
  .superRefine((hours, ctx) => {
    // Overlapping spans would count the same minutes twice in the hours a report says the office was open.
    for (const [day, periods] of Object.entries(hours.week) as Array<[Weekday, Array<{ from: string; to: string }>]>) {
      const sorted = periods.map((period, index) => ({ ...period, index })).sort((a, b) => (a.from < b.from ? -1 : 1));
      sorted.slice(1).forEach((period, i) => {
        const earlier = sorted[i]!;
        if (period.from < earlier.to) {
          ctx.addIssue({ code: 'custom', path: ['week', day, period.index], message: `${day}: ${earlier.from}-${earlier.to} and ${period.from}-${period.to} overlap`, params: { fa: faDigits(`ساعت کاری ${WEEKDAY_NAMES_FA[day]}: بازهٔ ${earlier.from} تا ${earlier.to} و بازهٔ ${period.from} تا ${period.to} روی هم افتاده‌اند.`) } });
        }
      });
    }
  });
/** Without an `hours` field, the usual hours of a government office: Saturday to Wednesday 07:30–14:30. */
const GOVERNMENT_HOURS = ['sat', 'sun', 'mon', 'tue', 'wed'].map((day) => [day, [{ from: '07:30', to: '14:30' }]] as const);
export const openingHoursSchema = openingHoursObject.default({ alwaysOpen: false, week: Object.fromEntries(GOVERNMENT_HOURS) });
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const guidanceSchema = z.strictObject({
  description: text(2000),
  descriptionEn: text(2000).optional(),
  documents: z.array(text(300)).max(30).default([]),
  documentsEn: z.array(text(300)).max(30).optional(),
  steps: z.array(text(300)).max(30).default([]),
  stepsEn: z.array(text(300)).max(30).optional(),
  legalBasis: text(1000).optional(),
  legalBasisEn: text(1000).optional(),
  fees: text(300).optional(),
  feesEn: text(300).optional(),
  expectedMinutes: z.number().positive().max(600),
});
export type Guidance = z.infer<typeof guidanceSchema>;

export const serviceSchema = z.strictObject({
  id,
  code: z.string().regex(/^[A-Z0-9]{1,8}$/, 'upper-case Latin letters and digits, 1 to 8'),
  name: text(120),
  nameEn: text(120),
  prefix: z.string().regex(/^[0-9A-Z]{1,3}$/, 'one to three digits or upper-case letters'),
  targetWaitMinutes: z.number().positive().max(480).default(15),
  priorityGroups: z.array(priorityGroupSchema).default([]),
  /** The service's own hours, when they differ from the office's. */
  hours: openingHoursObject.optional(),
  active: z.boolean().default(true),
  guidance: guidanceSchema,
});
export type ServiceConfig = z.infer<typeof serviceSchema>;

export const deskSchema = z.strictObject({
  id,
  name: text(60),
  nameEn: text(60).optional(),
  /** Spoken and shown number of the desk («باجه ۳»). */
  number: z.number().int().min(1).max(999),
  /** The workprofile: an ordered set of service ids this desk calls from. */
  services: z.array(id).min(1),
});
export type DeskConfig = z.infer<typeof deskSchema>;

export const policySchema = z
  .object({
    /** After this many priority calls in a row at one desk, the longest-waiting normal ticket goes. */
    maxPriorityStreak: z.number().int().min(1).max(20).default(3),
    /** A normal ticket that has waited this long goes before priority tickets. */
    normalWaitLimitMinutes: z.number().positive().max(480).default(30),
    /** How long after a recall a desk must wait before it may mark a no-show. */
    noShowGraceSeconds: z.number().int().min(0).max(600).default(60),
    /** Digits of the daily counter after the prefix: 3 gives 1001, 1002, …; it grows past 999. */
    counterDigits: z.number().int().min(1).max(5).default(3),
  })
  .default({ maxPriorityStreak: 3, normalWaitLimitMinutes: 30, noShowGraceSeconds: 60, counterDigits: 3 });
export type QueuePolicy = z.infer<typeof policySchema>;

export const userSeedSchema = z.strictObject({
  username: z.string().regex(/^[a-z0-9_.-]{2,32}$/, 'lower-case Latin letters, digits, ".", "_" and "-", 2 to 32'),
  name: text(80),
  role: z.enum(['staff', 'manager', 'admin']),
  password: z.string().min(8, 'at least 8 characters').max(200),
});

export const printerSchema = z.strictObject({
  /** Where the printer is; without it, the virtual printer writes each ticket as a PNG. */
  transport: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('file'), dir: z.string().min(1) }),
    z.strictObject({ kind: z.literal('serial'), path: z.string().min(1), baudRate: z.number().int().positive().default(115200) }),
    z.strictObject({ kind: z.literal('usb'), path: z.string().min(1) }),
    z.strictObject({ kind: z.literal('tcp'), host: z.string().min(1), port: z.number().int().min(1).max(65535).default(9100) }),
  ]).optional(),
  widthDots: z.union([z.literal(576), z.literal(512), z.literal(384)]).default(576),
  nvHeader: z.boolean().default(false),
  timeoutMs: z.number().int().min(100).max(30_000).default(2000),
  /** The slip's first line; the office's name when absent. */
  headerText: text(120).optional(),
  /** The office's logo above it, a greyscale PNG as a data: URL (uploaded from the admin screen). */
  logo: z
    .string()
    .max(LOGO_MAX_DATA_URL_CHARS)
    .superRefine((value, ctx) => {
      const problem = logoProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.en, params: { fa: problem.fa } });
    })
    .optional(),
});
export type PrinterSettings = z.infer<typeof printerSchema>;

const usbId = z.string().regex(/^(0[xX])?[0-9A-Fa-f]{4}$/, 'a USB id of four hex digits, such as 2341 or 0x2341');

/**
 * A satisfaction keypad on a serial line (shared/keypad-protocol.md). A desk keypad stands at one
 * desk and is armed for each ticket that desk finishes; an exit keypad is never armed and rates the
 * hour. The port is a fixed path or, surviving renumbering on replug, the USB vendor and product ids.
 */
export const keypadSchema = z.strictObject({
  id,
  kind: z.enum(['desk', 'exit']),
  /** Desk keypads: the desk it stands at. */
  deskId: id.optional(),
  path: z.string().min(1).optional(),
  usb: z.strictObject({ vendorId: usbId, productId: usbId }).optional(),
  baudRate: z.union([z.literal(9600), z.literal(115200)], { error: 'the keypad line runs at 9600 or 115200 baud' }).default(115200),
  /** Exit keypads: presses closer together than this count once. Default 3. */
  repeatFilterSeconds: z.number().min(0).max(60).optional(),
  /** Desk keypads: how long after a finish the keypad invites a rating of that ticket. Default 60. */
  armSeconds: z.number().int().min(5).max(3600).optional(),
});
export type KeypadSettings = z.infer<typeof keypadSchema>;
export const DEFAULT_ARM_SECONDS = 60;
export const DEFAULT_REPEAT_FILTER_SECONDS = 3;

/** The display's voice: a set of clips (a folder of NOBAT_VOICE_DIR, or the built-in one) and the chime. */
export const audioSchema = z.strictObject({
  clipSet: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case Latin letters, digits and "-", 1 to 40').default('default'),
  chime: z.boolean().default(true),
});
export type AudioSettings = z.infer<typeof audioSchema>;

export const officeSchema = z
  .object({
    name: text(120),
    nameEn: text(120).optional(),
    timeZone: z
      .string()
      .default('Asia/Tehran')
      .refine(isKnownTimeZone, { message: 'not a known IANA time zone' }),
    hours: openingHoursSchema,
    charter: text(4000).optional(),
    /** The address phones reach the server at, for the QR code on tickets (e.g. http://192.168.1.10:8080). */
    publicUrl: z.url().optional(),
    /** The kiosk's ticket printer; without it, the virtual printer writes each ticket as a PNG. */
    printer: printerSchema.optional(),
    audio: audioSchema.optional(),
    announcements: z.array(text(300)).max(20).default([]),
    policy: policySchema,
    services: z.array(serviceSchema).min(1),
    desks: z.array(deskSchema).min(1),
    users: z.array(userSeedSchema).default([]),
    /** Satisfaction keypads; without any, the demo office runs a virtual one. */
    keypads: z.array(keypadSchema).max(64).default([]),
    /** Citizens' voice: feedback topics, target answer times, how long a mobile number is kept. */
    voice: voiceSchema,
    /** Text messages to visitors (server/messages); without it, no mobile number is asked for or kept. */
    sms: smsSchema.optional(),
    /** Appointments (server/appointments): which services take bookings and on what terms; none without it. */
    booking: bookingSchema.optional(),
  })
  .superRefine((office, ctx) => {
    // Each problem carries its Persian wording too (params.fa), for the administration screen.
    const problem = (path: PropertyKey[], message: string, fa: string) => ctx.addIssue({ code: 'custom', path, message, params: { fa } });
    const serviceIds = new Set<string>();
    const prefixes = new Map<string, string>();
    office.services.forEach((service, i) => {
      if (serviceIds.has(service.id)) problem(['services', i, 'id'], `duplicate service id "${service.id}"`, `شناسهٔ «${service.id}» را خدمت دیگری دارد.`);
      const clash = [...prefixes.keys()].find((p) => p.startsWith(service.prefix) || service.prefix.startsWith(p));
      if (clash !== undefined) {
        const other = prefixes.get(clash) ?? '';
        if (clash === service.prefix) {
          problem(['services', i, 'prefix'], `prefix "${service.prefix}" is used by another service; numbers would collide`, `پیشوند «${service.prefix}» را خدمت «${other}» دارد؛ شماره‌های نوبت دو خدمت یکی می‌شود.`);
        } else {
          const sample = `${clash.length < service.prefix.length ? clash : service.prefix}1001`;
          problem(['services', i, 'prefix'], `prefix "${service.prefix}" and prefix "${clash}" begin alike; numbers such as ${sample} could belong to either`, `پیشوند «${service.prefix}» با پیشوند «${clash}» (خدمت «${other}») هم‌آغاز است؛ شماره‌ای مانند ${sample} معلوم نیست از کدام خدمت است.`);
        }
      }
      serviceIds.add(service.id);
      prefixes.set(service.prefix, service.name);
    });
    const deskIds = new Set<string>();
    const deskNumbers = new Set<number>();
    office.desks.forEach((desk, i) => {
      if (deskIds.has(desk.id)) problem(['desks', i, 'id'], `duplicate desk id "${desk.id}"`, `شناسهٔ «${desk.id}» را باجهٔ دیگری دارد.`);
      if (deskNumbers.has(desk.number)) problem(['desks', i, 'number'], `desk number ${desk.number} is used by another desk; calls would be ambiguous`, `شمارهٔ ${desk.number} را باجهٔ دیگری دارد؛ اعلام نوبت‌ها دوپهلو می‌شود.`);
      deskIds.add(desk.id);
      deskNumbers.add(desk.number);
      desk.services.forEach((serviceId, j) => {
        if (!serviceIds.has(serviceId)) problem(['desks', i, 'services', j], `unknown service "${serviceId}"`, `خدمت «${serviceId}» وجود ندارد.`);
      });
    });
    const served = new Set(office.desks.flatMap((desk) => desk.services));
    office.services.forEach((service, i) => {
      if (service.active && !served.has(service.id)) {
        problem(['services', i, 'id'], `service "${service.id}" is in no desk's workprofile; its tickets could never be called`, `خدمت «${service.name}» در فهرست کار هیچ باجه‌ای نیست؛ نوبت‌های آن هرگز خوانده نمی‌شود.`);
      }
    });
    checkKeypads(office.keypads, deskIds, ctx);
    const booked = new Set<string>();
    office.booking?.services.forEach((entry, i) => {
      if (!serviceIds.has(entry.serviceId)) problem(['booking', 'services', i, 'serviceId'], `unknown service "${entry.serviceId}"`, `خدمت «${entry.serviceId}» وجود ندارد.`);
      if (booked.has(entry.serviceId)) problem(['booking', 'services', i, 'serviceId'], `service "${entry.serviceId}" is listed twice for booking`, `خدمت «${entry.serviceId}» دو بار در نوبت‌دهی اینترنتی آمده است.`);
      booked.add(entry.serviceId);
    });
    const usernames = new Set<string>();
    office.users.forEach((user, i) => {
      if (usernames.has(user.username)) problem(['users', i, 'username'], `duplicate username "${user.username}"`, `نام کاربری «${user.username}» تکراری است.`);
      usernames.add(user.username);
    });
  });
export type OfficeConfig = z.infer<typeof officeSchema>;

function checkKeypads(keypads: KeypadSettings[], deskIds: Set<string>, ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  const ports = new Map<string, string>();
  const desks = new Map<string, string>();
  keypads.forEach((keypad, i) => {
    const at = (field: string) => ['keypads', i, field];
    if (ids.has(keypad.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `duplicate keypad id "${keypad.id}"` });
    ids.add(keypad.id);
    if (!keypad.path === !keypad.usb) {
      ctx.addIssue({ code: 'custom', path: ['keypads', i], message: 'give the keypad\'s port as either "path" (e.g. /dev/ttyACM0) or "usb": {vendorId, productId}, not both' });
    }
    const port = keypad.path ?? (keypad.usb ? `usb ${keypad.usb.vendorId}:${keypad.usb.productId}`.toLowerCase().replace(/0x/g, '') : null);
    if (port !== null) {
      const other = ports.get(port);
      if (other !== undefined) ctx.addIssue({ code: 'custom', path: at(keypad.path ? 'path' : 'usb'), message: `keypad "${other}" is on the same port (${port})` });
      ports.set(port, keypad.id);
    }
    if (keypad.kind === 'desk') {
      if (keypad.deskId === undefined) ctx.addIssue({ code: 'custom', path: at('deskId'), message: 'a desk keypad needs "deskId", the desk it stands at' });
      else if (!deskIds.has(keypad.deskId)) ctx.addIssue({ code: 'custom', path: at('deskId'), message: `unknown desk "${keypad.deskId}"`, params: { fa: `باجهٔ «${keypad.deskId}» صفحه‌کلید رضایت‌سنجی «${keypad.id}» را دارد؛ نخست صفحه‌کلید را از فایل اداره بردارید.` } });
      else if (desks.has(keypad.deskId)) ctx.addIssue({ code: 'custom', path: at('deskId'), message: `desk "${keypad.deskId}" has a keypad already ("${desks.get(keypad.deskId)}"); a rating must know which ticket it is for` });
      else desks.set(keypad.deskId, keypad.id);
      if (keypad.repeatFilterSeconds !== undefined) ctx.addIssue({ code: 'custom', path: at('repeatFilterSeconds'), message: 'only exit keypads filter repeats; a desk keypad rates one ticket per arming' });
    } else {
      if (keypad.deskId !== undefined) ctx.addIssue({ code: 'custom', path: at('deskId'), message: 'an exit keypad belongs to no desk; use kind "desk" for a keypad at a desk' });
      if (keypad.armSeconds !== undefined) ctx.addIssue({ code: 'custom', path: at('armSeconds'), message: 'exit keypads are never armed' });
    }
  });
}
export type OfficeInput = z.input<typeof officeSchema>;

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
