// CRC-16/CCITT-FALSE against its published check value and the frames of the protocol document.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc16CcittFalse, formatCrc } from '../../drivers/keypad/crc.js';

test('the CRC of "123456789" is the check value 29B1', () => {
  assert.equal(formatCrc(crc16CcittFalse('123456789')), '29B1');
  assert.equal(crc16CcittFalse(new TextEncoder().encode('123456789')), 0x29b1);
});

test('the CRC of nothing is the initial value, and small CRCs keep four digits', () => {
  assert.equal(crc16CcittFalse(''), 0xffff);
  assert.equal(formatCrc(0x00a1), '00A1');
});

test('a single changed byte changes the CRC', () => {
  assert.notEqual(crc16CcittFalse('K,KP1,1,10'), crc16CcittFalse('K,KP1,1,11'));
});
