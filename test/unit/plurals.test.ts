// English words about a count follow the plural rules on every screen ("1 person", "2 people"), while
// Persian, which has no plural form after a number, is left as it is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tn as kiosk } from '../../kiosk/src/i18n.js';
import { tn as desk } from '../../desk/src/i18n.js';
import { tn as manager } from '../../manager/src/i18n.js';
import { tn as display } from '../../display/src/i18n.js';

test('one and many in English, on the kiosk, desk, manager and display', () => {
  assert.equal(kiosk('en', 'people', 1), 'person');
  assert.equal(kiosk('en', 'people', 2), 'people');
  assert.equal(kiosk('en', 'people', 0), 'people');
  assert.equal(kiosk('en', 'minutesAbout', 1, { n: '1' }), 'about 1 minute');
  assert.match(kiosk('en', 'idleText', 1, { n: '1' }), /in 1 second\.$/);
  assert.equal(desk('en', 'recalls', 1, { n: '1' }), 'Recalled 1 time');
  assert.equal(desk('en', 'recalls', 3, { n: '3' }), 'Recalled 3 times');
  assert.equal(manager('en', 'ratingsCount', 1, { n: '1' }), '1 rating');
  assert.equal(display('en', 'expectedTime', 1, { n: '1' }), 'Time at the desk: about 1 minute');
});

test('Persian is unchanged', () => {
  assert.equal(kiosk('fa', 'people', 1), 'نفر');
  assert.equal(desk('fa', 'recalls', 1, { n: '۱' }), 'اعلام دوباره: ۱ بار');
});
