// One promise for every screen: a rounded range only when an honest number exists, the states in
// words otherwise, and the same wording wherever it is read.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NEXT_RANGE, officeMoment, promisedRange, waitPromise, type WaitSituation } from '../../server/estimate/promise.js';
import { waitLineText, waitPromiseText } from '../../server/time/wait-range.js';
import { instantAtLocal } from '../../server/time/zoned.js';

const TZ = 'Asia/Tehran';
const minutes = (m: number) => m * 60;
const busy: WaitSituation = { estimate: { seconds: minutes(12), low: minutes(11), high: minutes(14) }, withinHours: true, deskOpen: true, ahead: 3, deskFree: false };

describe('waitPromise', () => {
  test('a line and a desk give the rounded range, the point inside it', () => {
    const promise = waitPromise(busy);
    assert.deepEqual(promise, { estimatedWait: { low: minutes(10), high: minutes(14) }, estimatedWaitSeconds: minutes(12), waitNote: null });
    assert.equal(waitPromiseText(promise, 'fa'), '۱۰ تا ۱۴ دقیقه');
    assert.equal(waitLineText(promise, 'fa'), 'زمان تقریبی انتظار: ۱۰ تا ۱۴ دقیقه');
    assert.deepEqual(promisedRange(promise), { low: minutes(10), high: minutes(14) });
  });

  test('no desk signed in: no number, whatever the simulation would have said', () => {
    const opening = officeMoment(instantAtLocal(2026, 11, 22, 7 * 60 + 30, TZ), instantAtLocal(2026, 11, 22, 8 * 60, TZ), TZ);
    const promise = waitPromise({ ...busy, estimate: { seconds: minutes(32), low: minutes(30), high: minutes(35) }, deskOpen: false, ahead: 0, opening });
    assert.equal(promise.estimatedWait, null);
    assert.equal(promise.estimatedWaitSeconds, null);
    assert.equal(promise.waitNote, 'no_desk_open');
    assert.equal(waitPromiseText(promise, 'fa'), 'هنوز باجه‌ای برای این خدمت باز نیست؛ باجه‌ها معمولاً ساعت ۷:۳۰ باز می‌شوند');
    assert.equal(waitPromiseText(promise, 'en'), 'No desk is open for this service yet; desks usually open at 07:30');
    assert.equal(waitLineText(promise, 'fa'), waitPromiseText(promise, 'fa'), 'the slip prints the note alone, with no "estimated wait" label');
    assert.equal(promisedRange(promise), null);
  });

  test('outside hours: when it opens, with the weekday when that is another day', () => {
    const fridayEvening = instantAtLocal(2026, 11, 27, 18 * 60, TZ);
    const saturdayMorning = instantAtLocal(2026, 11, 28, 7 * 60 + 30, TZ);
    const promise = waitPromise({ ...busy, withinHours: false, opening: officeMoment(saturdayMorning, fridayEvening, TZ) });
    assert.equal(promise.waitNote, 'outside_hours');
    assert.equal(promise.estimatedWait, null);
    assert.equal(waitPromiseText(promise, 'fa'), 'خارج از ساعت کاری؛ نوبت‌دهی شنبه ساعت ۷:۳۰ آغاز می‌شود');
    assert.equal(waitPromiseText(promise, 'en'), 'Outside opening hours; opens Saturday at 07:30');
  });

  test('nobody ahead and a desk free: "next", not a range, and kept as called within five minutes', () => {
    const promise = waitPromise({ ...busy, estimate: { seconds: minutes(25), low: minutes(20), high: minutes(30) }, ahead: 0, deskFree: true });
    assert.deepEqual(promise, { estimatedWait: null, estimatedWaitSeconds: null, waitNote: 'next' });
    assert.equal(waitPromiseText(promise, 'fa'), 'نوبت شما به‌زودی اعلام می‌شود');
    assert.deepEqual(promisedRange(promise), NEXT_RANGE);
  });

  test('nobody ahead but every desk busy: a range (the visit under way)', () => {
    const promise = waitPromise({ ...busy, estimate: { seconds: 200, low: 60, high: 400 }, ahead: 0, deskFree: false });
    assert.equal(promise.waitNote, null);
    assert.equal(waitPromiseText(promise, 'fa'), '۱ تا ۷ دقیقه');
  });

  test('a line no desk would ever call gives no number', () => {
    const promise = waitPromise({ ...busy, estimate: { seconds: Infinity, low: minutes(5), high: Infinity } });
    assert.equal(promise.estimatedWait, null);
    assert.equal(promise.waitNote, 'no_desk_open');
  });
});
