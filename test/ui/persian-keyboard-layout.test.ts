// The on-screen keyboard's rows and the edit one key makes, without a browser: the rows are the
// standard layout's (ISIRI 9147), every Persian letter is one touch away, and a key edits at the caret.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DIGIT_ROWS, EXTRA_ROW, LETTER_ROWS, PHONE_ROWS, ZWNJ, applyKey } from '../../ui/persian-keyboard-layout.js';

test('the letter rows are ISIRI 9147’s, from ض on Q to و on the comma key', () => {
  assert.equal(LETTER_ROWS[0]!.join(''), 'ضصثقفغعهخحجچ');
  assert.equal(LETTER_ROWS[1]!.join(''), 'شسیبلاتنمکگ');
  assert.equal(LETTER_ROWS[2]!.join(''), 'ظطزرذدپو');
});

test('every letter of the Persian alphabet is on a key, once; Persian ی and ک, not the Arabic ones', () => {
  const alphabet = 'آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءئ';
  const keys = [...LETTER_ROWS.flat(), ...EXTRA_ROW];
  for (const letter of alphabet) assert.equal(keys.filter((k) => k === letter).length, 1, letter);
  assert.ok(!keys.includes('ي') && !keys.includes('ك'), 'no Arabic yeh or kaf');
});

test('the digits are Persian, in the number row’s order, and the phone pad has all ten', () => {
  assert.equal(DIGIT_ROWS[0]!.join(''), '۱۲۳۴۵۶۷۸۹۰');
  assert.deepEqual([...PHONE_ROWS.flat()].sort(), [...'۰۱۲۳۴۵۶۷۸۹']);
});

test('a key types at the caret and moves it on; a selection is replaced', () => {
  assert.deepEqual(applyKey({ value: 'سلم', start: 2, end: 2 }, { kind: 'insert', text: 'ا' }), { value: 'سلام', start: 3, end: 3 });
  assert.deepEqual(applyKey({ value: 'می خواهم', start: 2, end: 3 }, { kind: 'insert', text: ZWNJ }), { value: `می${ZWNJ}خواهم`, start: 3, end: 3 });
  // A selection made backwards (end before start) is the same selection.
  assert.deepEqual(applyKey({ value: 'abcd', start: 3, end: 1 }, { kind: 'insert', text: 'x' }), { value: 'axd', start: 2, end: 2 });
});

test('backspace takes back one character, a selection, or nothing at the start', () => {
  assert.deepEqual(applyKey({ value: 'سلام', start: 4, end: 4 }, { kind: 'backspace' }), { value: 'سلا', start: 3, end: 3 });
  assert.deepEqual(applyKey({ value: 'سلام', start: 1, end: 3 }, { kind: 'backspace' }), { value: 'سم', start: 1, end: 1 });
  assert.deepEqual(applyKey({ value: 'سلام', start: 0, end: 0 }, { kind: 'backspace' }), { value: 'سلام', start: 0, end: 0 });
  // A character outside the BMP goes whole, never half a surrogate pair.
  assert.deepEqual(applyKey({ value: 'a😀', start: 3, end: 3 }, { kind: 'backspace' }), { value: 'a', start: 1, end: 1 });
});

test('a field at its maximum length takes no more, but a selection may still be typed over', () => {
  assert.deepEqual(applyKey({ value: 'abc', start: 3, end: 3 }, { kind: 'insert', text: 'd' }, 3), { value: 'abc', start: 3, end: 3 });
  assert.deepEqual(applyKey({ value: 'abc', start: 0, end: 1 }, { kind: 'insert', text: 'd' }, 3), { value: 'dbc', start: 1, end: 1 });
});

test('a caret past the end (a stale selection) types at the end', () => {
  assert.deepEqual(applyKey({ value: 'ab', start: 9, end: 9 }, { kind: 'insert', text: 'c' }), { value: 'abc', start: 3, end: 3 });
});
