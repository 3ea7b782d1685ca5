// The office file's `sms` section: which gateway sends the office's text messages, and the rules
// around them. Keys are never in the file (it is exported and audited): a gateway names the
// environment variable that holds its key, and header values may say {env:NAME}.
import { z } from 'zod';

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]{0,63}$/, 'an environment variable name, such as NOBAT_SMS_KEY');
const template = z.string().trim().min(1).max(300);

export const smsGatewaySchema = z.discriminatedUnion('kind', [
  /** The demo's: each message as a JSON line in <data>/messages.jsonl. */
  z.strictObject({ kind: z.literal('file') }),
  z.strictObject({
    kind: z.literal('kavenegar'),
    /** The sender line, e.g. 10004346. */
    sender: z.string().regex(/^\+?\d{4,20}$/, 'a sender line of digits, such as 10004346'),
    apiKeyEnv: envName.default('NOBAT_SMS_KEY'),
    baseUrl: z.url().optional(),
  }),
  z.strictObject({
    kind: z.literal('http'),
    /** May hold {to}, {text} and {id}. */
    url: z.url(),
    method: z.enum(['GET', 'POST']).default('POST'),
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/), z.string().max(500)).default({}),
    body: z.string().max(2000).optional(),
    bodyType: z.enum(['json', 'form']).default('json'),
  }),
]);
export type SmsGatewaySettings = z.infer<typeof smsGatewaySchema>;

export const smsSchema = z.strictObject({
  gateway: smsGatewaySchema,
  /** Messages one number may receive in 24 hours. */
  dailyCapPerNumber: z.number().int().min(1).max(50).default(5),
  /** Hours a number is kept after its last message is done; then it is erased. */
  keepNumbersHours: z.number().int().min(0).max(24 * 31).default(24),
  /** "Your turn is near" is sent when this many people are ahead (or fewer). */
  turnNearAhead: z.number().int().min(1).max(20).default(3),
  /**
   * The texts, with {office}, {number}, {ahead} and {desk}; the booking ones with {office}, {code},
   * {service}, {date} and {time}. Persian defaults when absent.
   */
  templates: z
    .strictObject({
      turnNear: template.optional(),
      turnNext: template.optional(),
      called: template.optional(),
      bookingOtp: template.optional(),
      bookingConfirmed: template.optional(),
      reminderDayBefore: template.optional(),
      reminderHourBefore: template.optional(),
    })
    .default({}),
});
export type SmsSettings = z.infer<typeof smsSchema>;
