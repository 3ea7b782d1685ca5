// The `keypads` section of the office file: good entries load with their defaults, and every bad one
// is refused with a message naming the keypad and the field.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { demoOffice } from '../../server/config/demo-office.js';
import { loadOfficeFile, OfficeConfigError, parseOffice } from '../../server/config/load.js';

function problems(keypads: unknown[]): string {
  try {
    parseOffice({ ...demoOffice, keypads }, 'office.json');
  } catch (error) {
    assert.ok(error instanceof OfficeConfigError, String(error));
    return error.message;
  }
  assert.fail('the keypads loaded but should not have');
}

describe('keypads in the office file', () => {
  test('a desk keypad by path and an exit keypad by USB ids load, with their defaults', () => {
    const office = parseOffice({
      ...demoOffice,
      keypads: [
        { id: 'kp-1', kind: 'desk', deskId: 'desk-1', path: '/dev/ttyACM0' },
        { id: 'exit', kind: 'exit', usb: { vendorId: '0x2341', productId: '8036' }, baudRate: 9600 },
      ],
    }, 'office.json');
    assert.deepEqual(office.keypads, [
      { id: 'kp-1', kind: 'desk', deskId: 'desk-1', path: '/dev/ttyACM0', baudRate: 115200 },
      { id: 'exit', kind: 'exit', usb: { vendorId: '0x2341', productId: '8036' }, baudRate: 9600 },
    ]);
  });

  test('an office without keypads has none', () => {
    assert.deepEqual(parseOffice(demoOffice, 'demo').keypads, []);
  });

  test('a desk keypad needs a desk that exists, and only one keypad per desk', () => {
    assert.match(problems([{ id: 'kp', kind: 'desk', path: '/dev/ttyACM0' }]), /keypads\[0\]\.deskId: a desk keypad needs "deskId"/);
    assert.match(problems([{ id: 'kp', kind: 'desk', deskId: 'desk-9', path: '/dev/ttyACM0' }]), /keypads\[0\]\.deskId: unknown desk "desk-9"/);
    assert.match(
      problems([
        { id: 'a', kind: 'desk', deskId: 'desk-1', path: '/dev/ttyACM0' },
        { id: 'b', kind: 'desk', deskId: 'desk-1', path: '/dev/ttyACM1' },
      ]),
      /keypads\[1\]\.deskId: desk "desk-1" has a keypad already \("a"\)/,
    );
  });

  test('the port is a path or USB ids, exactly one, and no two keypads share it', () => {
    assert.match(problems([{ id: 'x', kind: 'exit' }]), /keypads\[0\]: give the keypad's port as either "path"/);
    assert.match(problems([{ id: 'x', kind: 'exit', path: '/dev/ttyACM0', usb: { vendorId: '2341', productId: '8036' } }]), /keypads\[0\]: .*not both/);
    assert.match(problems([{ id: 'x', kind: 'exit', usb: { vendorId: 'arduino', productId: '8036' } }]), /keypads\[0\]\.usb\.vendorId: a USB id of four hex digits/);
    assert.match(
      problems([
        { id: 'x', kind: 'exit', usb: { vendorId: '0x2341', productId: '8036' } },
        { id: 'y', kind: 'desk', deskId: 'desk-2', usb: { vendorId: '2341', productId: '0X8036' } },
      ]),
      /keypads\[1\]\.usb: keypad "x" is on the same port/,
    );
  });

  test('an odd baud rate, an unknown kind and an unknown field are named', () => {
    const message = problems([
      { id: 'y', kind: 'desk', deskId: 'desk-1', path: '/b', baudRate: 57600 },
      { id: 'x', kind: 'door', path: '/c' },
      { id: 'z', kind: 'exit', path: '/d', colour: 'red' },
    ]);
    assert.match(message, /keypads\[0\]\.baudRate: the keypad line runs at 9600 or 115200 baud/);
    assert.match(message, /keypads\[1\]\.kind: .*"desk"\|"exit"/);
    assert.match(message, /keypads\[2\]: unknown field "colour"/);
  });

  test('fields that do not fit the kind and a duplicate id are named', () => {
    const message = problems([
      { id: 'x', kind: 'exit', deskId: 'desk-1', path: '/a', armSeconds: 30 },
      { id: 'y', kind: 'desk', deskId: 'desk-1', path: '/b', repeatFilterSeconds: 3 },
      { id: 'x', kind: 'exit', path: '/c' },
    ]);
    assert.match(message, /keypads\[0\]\.deskId: an exit keypad belongs to no desk/);
    assert.match(message, /keypads\[0\]\.armSeconds: exit keypads are never armed/);
    assert.match(message, /keypads\[1\]\.repeatFilterSeconds: only exit keypads filter repeats/);
    assert.match(message, /keypads\[2\]\.id: duplicate keypad id "x"/);
  });

  test('refused when read from a file too, with the file named', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'nobat-keypads-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'office.json');
    writeFileSync(path, JSON.stringify({ ...demoOffice, keypads: [{ id: 'kp', kind: 'desk', deskId: 'nowhere', path: '/dev/ttyACM0' }] }));
    assert.throws(() => loadOfficeFile(path), (error: unknown) => error instanceof OfficeConfigError && error.message.includes(path) && /unknown desk "nowhere"/.test(error.message));
  });
});
