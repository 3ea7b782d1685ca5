// The citizens' voice's pure parts: what a visitor types made safe, mobile numbers and follow-up
// codes read from any way of typing them, small cells withheld, the meeting calendar, the office's
// settings (staff behaviour always a topic) and the overdue alerts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overdueFeedbackAlerts } from '../../server/voice/answer-time.js';
import { newFollowUpCode, parseFollowUpCode } from '../../server/voice/codes.js';
import { voiceSchema } from '../../server/voice/config.js';
import { nextDate, openForRegistration, weeklyMinutes } from '../../server/voice/meeting-schedule.js';
import { cellOf } from '../../server/voice/small-cells.js';
import { normaliseMobile } from '../../server/messages/mobile.js';
import { cleanVisitorText } from '../../server/voice/text.js';

const TEHRAN = 'Asia/Tehran';
/** Sunday 1 Azar 1405, 09:30 in Tehran. */
const SUNDAY_MORNING = Date.parse('2026-11-22T06:00:00Z');

describe('citizens’ voice, pure parts', () => {
  it('strips bidi and control characters and keeps ZWNJ, marks and line breaks', () => {
    assert.equal(cleanVisitorText('  \u202Eسلام\u202C\u2066 می‌خواهم\u2069\r\n\r\n\r\n\r\nخط\u0007 دوم\uFEFF \u200F '), 'سلام می‌خواهم\n\nخط دوم \u200F');
  });

  it('reads Iranian mobile numbers in Persian or Latin digits, with or without the country code', () => {
    for (const typed of ['09123456789', '۰۹۱۲۳۴۵۶۷۸۹', '+98 912 345 6789', '0098-912-345-6789', '989123456789', '9123456789', '(0912) 345 67 89']) {
      assert.equal(normaliseMobile(typed), '09123456789', typed);
    }
    for (const typed of ['0912345678', '02188776655', '+1 912 345 6789', '09123456789x', '']) assert.equal(normaliseMobile(typed), null, typed);
  });

  it('reads a follow-up code as printed or as typed in Persian digits', () => {
    const code = newFollowUpCode();
    assert.match(code, /^\d{10}$/);
    assert.equal(parseFollowUpCode('۰۱۲-۳۴۵-۶۷۸۹'), '0123456789');
    assert.equal(parseFollowUpCode('012 345 6789'), '0123456789');
    for (const typed of ['012345678', '01234567890', 'abcdefghij', '1'.repeat(41)]) assert.equal(parseFollowUpCode(typed), null, typed);
    assert.equal(new Set(Array.from({ length: 200 }, newFollowUpCode)).size, 200);
  });

  it('withholds a figure about one to four people, shows zero, and shows five', () => {
    assert.deepEqual(cellOf(3, 3), { value: null, suppressed: true });
    assert.deepEqual(cellOf(120, 4), { value: null, suppressed: true });
    assert.deepEqual(cellOf(0, 0), { value: 0, suppressed: false });
    assert.deepEqual(cellOf(null, 0), { value: null, suppressed: false });
    assert.deepEqual(cellOf(95.5, 5), { value: 95.5, suppressed: false });
  });

  it('adds up the weekly sessions and finds their next date and whether registration is open', () => {
    const sessions = [
      { weekday: 'sun' as const, from: '10:00', to: '11:00', active: true },
      { weekday: 'tue' as const, from: '12:00', to: '12:45', active: true },
      { weekday: 'wed' as const, from: '08:00', to: '12:00', active: false },
    ];
    assert.equal(weeklyMinutes(sessions), 105);
    assert.equal(nextDate(sessions[0]!, SUNDAY_MORNING, TEHRAN), '2026-11-22');
    assert.equal(nextDate(sessions[0]!, SUNDAY_MORNING + 2 * 3_600_000, TEHRAN), '2026-11-29', 'over for today: next week');
    assert.equal(nextDate(sessions[1]!, SUNDAY_MORNING, TEHRAN), '2026-11-24');
    assert.equal(openForRegistration(sessions[0]!, SUNDAY_MORNING, TEHRAN), true, 'early in the day: a citizen may register and wait');
    assert.equal(openForRegistration(sessions[0]!, SUNDAY_MORNING + 90 * 60_000, TEHRAN), false);
    assert.equal(openForRegistration(sessions[1]!, SUNDAY_MORNING, TEHRAN), false, 'not its day');
  });

  it('always has staff behaviour as the first topic and fills in target answer times', () => {
    const voice = voiceSchema.parse({ topics: [{ id: 'parking', name: 'پارکینگ' }], answerTargetHours: { complaint: 48 } });
    assert.deepEqual(voice.topics.map((t) => t.id), ['staff_behaviour', 'parking']);
    assert.deepEqual(voice.answerTargetHours, { complaint: 48, criticism: 120, suggestion: 240, appreciation: 240 });
    assert.equal(voiceSchema.parse(undefined).topics[0]?.name, 'رفتار و ادبیات کارکنان');
    assert.equal(voiceSchema.safeParse({ topics: [{ id: 'a', name: 'x' }, { id: 'a', name: 'y' }] }).success, false);
  });

  it('raises one alert per kind with items past the target, naming how many', () => {
    const targets = { complaint: 72, criticism: 120, suggestion: 240, appreciation: 240 };
    const now = SUNDAY_MORNING;
    const alerts = overdueFeedbackAlerts([{ kind: 'complaint', count: 3, oldestCreatedAt: now - 5 * 86_400_000 }], targets, now);
    assert.deepEqual(alerts.map((a) => [a.kind, a.subject]), [['feedback', 'complaint']]);
    assert.match(alerts[0]!.message, /^۳ شکایت از زمان هدف پاسخ \(۷۲ ساعت\) گذشته/);
    assert.match(alerts[0]!.messageEn, /3 complaints past the target answer time \(72 h\).*5 days ago/);
  });
});
