// The alert conditions, computed from a given office with a given clock: no server, no database.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_ALERT_RULES, evaluateAlerts, isPoorRating, type AlertInput } from '../../server/alerts/evaluate.js';

const NOW = Date.parse('2026-11-22T07:00:00Z');
const MIN = 60_000;
const quiet: AlertInput = { now: NOW, services: [], ratings: [], printerFault: null, printerBehind: false, keypads: [], lostDevices: [] };
const given = (input: Partial<AlertInput>) => evaluateAlerts({ ...quiet, ...input });

describe('alert conditions', () => {
  it('a line whose longest wait is past its target, and not one at it', () => {
    const services = [
      { id: 'a', name: 'الف', nameEn: 'A', targetWaitMinutes: 15, oldestIssuedAt: NOW - 16 * MIN },
      { id: 'b', name: 'ب', nameEn: 'B', targetWaitMinutes: 15, oldestIssuedAt: NOW - 15 * MIN },
      { id: 'c', name: 'ج', nameEn: 'C', targetWaitMinutes: 15, oldestIssuedAt: null },
    ];
    const conditions = given({ services });
    assert.deepEqual(conditions.map((c) => [c.kind, c.subject]), [['wait', 'a']]);
    assert.match(conditions[0]!.message, /«الف».*۱۵ دقیقه.*۱۶ دقیقه/);
    assert.match(conditions[0]!.messageEn, /"A".*15 min.*16 min/);
  });

  it('a run of poor ratings at one desk within the hour; older or better ones do not count', () => {
    const rating = (minutesAgo: number, button: number, deskId: string | null = 'desk-2') => ({ at: NOW - minutesAgo * MIN, deskId, deskNumber: deskId ? 2 : null, button, buttons: 5 });
    assert.deepEqual(given({ ratings: [rating(1, 1), rating(20, 2), rating(59, 1)] }).map((c) => [c.kind, c.subject]), [['ratings', 'desk-2']]);
    assert.equal(given({ ratings: [rating(1, 1), rating(20, 2), rating(61, 1)] }).length, 0, 'one is older than the hour');
    assert.equal(given({ ratings: [rating(1, 1), rating(20, 3), rating(30, 1)] }).length, 0, 'a middling rating is not poor');
    assert.equal(given({ ratings: [rating(1, 1), rating(2, 1, 'desk-3'), rating(3, 1, null)] }).length, 0, 'three places, one each');
    assert.match(given({ ratings: [rating(1, 1, null), rating(2, 1, null), rating(3, 2, null)] })[0]!.message, /خروجی/);
  });

  it('poor means the lower two fifths of the keypad scale', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map((b) => isPoorRating(b, 5)), [true, true, false, false, false]);
    assert.deepEqual([1, 2, 3].map((b) => isPoorRating(b, 3)), [true, false, false]);
  });

  it('a printer fault holds until a good print', () => {
    assert.deepEqual(given({ printerFault: { fault: 'paper_end', message: 'کاغذ چاپگر تمام شده است.' } }).map((c) => [c.kind, c.subject]), [['printer', 'printer']]);
  });

  it('a printer behind its backlog is its own alert, beside a fault', () => {
    const conditions = given({ printerBehind: true, printerFault: { fault: 'timeout', message: 'چاپگر پاسخ نداد.' } });
    assert.deepEqual(conditions.map((c) => [c.kind, c.subject]), [['printer', 'printer'], ['printer', 'printer-backlog']]);
    assert.match(conditions[1]!.message, /عقب مانده.*صفحهٔ کیوسک/);
  });

  it('a device or keypad counts as offline only after its grace time', () => {
    const lost = (ms: number) => [{ id: 'd1', kind: 'display' as const, name: 'تابلوی سالن', since: NOW - ms }];
    assert.equal(given({ lostDevices: lost(DEFAULT_ALERT_RULES.deviceGraceMs - 1) }).length, 0);
    const [device] = given({ lostDevices: lost(2 * MIN) });
    assert.deepEqual([device?.kind, device?.subject], ['device', 'd1']);
    assert.match(device!.message, /نمایشگر «تابلوی سالن» از ۲ دقیقه/);
    const keypad = (online: boolean, ms: number) => [{ id: 'k1', name: 'باجه ۱', online, since: NOW - ms }];
    assert.equal(given({ keypads: keypad(true, 10 * MIN) }).length, 0);
    assert.equal(given({ keypads: keypad(false, DEFAULT_ALERT_RULES.keypadGraceMs - 1) }).length, 0);
    assert.equal(given({ keypads: keypad(false, DEFAULT_ALERT_RULES.keypadGraceMs) })[0]?.kind, 'keypad');
  });
});
