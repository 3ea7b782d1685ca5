// A configured office that books `payment` (four visits an hour, one a 15-minute slot) and sends its
// messages to a real local HTTP server playing the SMS provider, and the steps of booking through it.
import { startTestOffice, type TestOffice } from '../../integration/lib/office-server.js';
import { configuredOffice } from '../../security/lib/configured-office.js';
import { toLatinDigits } from '../../../server/time/digits.js';
import { testGateway, type FakeSmsProvider, type ProviderRequest } from '../../messages/lib/fake-sms-provider.js';
import type { OfficeInput } from '../../../server/config/schema.js';

const FAST_RETRIES = { firstRetryMs: 20, maxRetryMs: 200, maxAttempts: 100, downAfterFailures: 3 };
const UNLIMITED = { capacity: 10_000, refillPerSecond: 10_000 };
/** 09:30 in Tehran on Sunday 1 Azar 1405 (2026-11-22). */
export const SUNDAY_MORNING = Date.parse('2026-11-22T06:00:00Z');
export const tehran = (isoLocal: string) => Date.parse(`${isoLocal}+03:30`);

export const BOOKING: NonNullable<OfficeInput['booking']> = {
  services: [{ serviceId: 'payment', capacity: { visits: 4 } }],
  daysAhead: 7,
  maxFutureBookingsPerMobile: 2,
  holdMinutes: 5,
  codeAttempts: 3,
  checkIn: { earlyMinutes: 30, graceMinutes: 10 },
};

export function startBookingOffice(provider: FakeSmsProvider, booking: Partial<typeof BOOKING> = {}): Promise<TestOffice> {
  return startTestOffice({
    config: configuredOffice({ booking: { ...BOOKING, ...booking }, sms: { gateway: testGateway(provider), dailyCapPerNumber: 20 } }),
    sms: { rules: FAST_RETRIES },
    now: SUNDAY_MORNING,
    limits: { http: UNLIMITED, booking: { hold: UNLIMITED, lookup: UNLIMITED } },
  });
}

/** The first message the provider received for `mobile` whose text (in Latin digits) matches, waiting for it. */
export async function messageTo(provider: FakeSmsProvider, mobile: string, pattern: RegExp): Promise<ProviderRequest> {
  for (;;) {
    const found = provider.requests.find((r) => r.receptor === mobile && pattern.test(toLatinDigits(r.message)));
    if (found) return found;
    await provider.nextRequest();
  }
}

export async function otpSentTo(provider: FakeSmsProvider, mobile: string): Promise<string> {
  return /\b(\d{6})\b/.exec(toLatinDigits((await messageTo(provider, mobile, /کد تأیید/)).message))![1]!;
}

/** Holds and confirms a booking with the code from the SMS; returns the booking code. */
export async function book(office: TestOffice, provider: FakeSmsProvider, start: number, mobile: string): Promise<string> {
  const held = await office.api('POST', '/appointments', { body: { serviceId: 'payment', start, mobile } });
  if (held.status !== 202) throw new Error(`hold refused: ${held.status} ${JSON.stringify(held.body)}`);
  const confirmed = await office.api('POST', `/appointments/${held.body.holdId}/confirm`, { body: { code: await otpSentTo(provider, mobile) } });
  if (confirmed.status !== 201) throw new Error(`confirm refused: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return confirmed.body.code as string;
}
