// Loading the office file: good files load, and every bad one fails whole with a message that names
// the file and each bad field.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { stringify } from 'yaml';
import { demoOffice } from '../../server/config/demo-office.js';
import { formatPath, loadOfficeFile, OfficeConfigError, parseOffice } from '../../server/config/load.js';

const directory = mkdtempSync(join(tmpdir(), 'nobat-office-'));
after(() => rmSync(directory, { recursive: true, force: true }));
let fileCount = 0;

function officeFile(extension: string, text: string): string {
  const path = join(directory, `office-${++fileCount}${extension}`);
  writeFileSync(path, text);
  return path;
}

const smallOffice = {
  name: 'دفتر آزمایشی',
  services: [
    { id: 'cert', code: 'CERT', name: 'صدور گواهی', nameEn: 'Certificates', prefix: '1', guidance: { description: 'صدور گواهی', expectedMinutes: 8 } },
    { id: 'pay', code: 'PAY', name: 'پرداخت عوارض', nameEn: 'Payments', prefix: '2', guidance: { description: 'پرداخت', expectedMinutes: 4 } },
  ],
  desks: [{ id: 'desk-1', name: 'باجه ۱', number: 1, services: ['cert', 'pay'] }],
};

/** Loads a file that must fail and returns the error. */
function loadError(path: string): OfficeConfigError {
  try {
    loadOfficeFile(path);
  } catch (error) {
    assert.ok(error instanceof OfficeConfigError, `expected OfficeConfigError, got ${String(error)}`);
    assert.ok(error.message.includes(path), 'the message names the file');
    return error;
  }
  assert.fail(`${path} loaded but should not have`);
}

describe('good files', () => {
  test('the example office file loads', () => {
    const office = loadOfficeFile(new URL('../../server/config/example-office.yaml', import.meta.url).pathname);
    assert.equal(office.timeZone, 'Asia/Tehran');
    assert.equal(office.services.length, 3);
    assert.deepEqual(office.hours.week.thu, [{ from: '07:30', to: '12:00' }]);
    assert.deepEqual(office.services.map((service) => service.prefix), ['1', '2', '3']);
  });

  test('the demo office loads from YAML and from JSON alike', () => {
    const fromYaml = loadOfficeFile(officeFile('.yaml', stringify(demoOffice)));
    const fromJson = loadOfficeFile(officeFile('.json', JSON.stringify(demoOffice, null, 2)));
    assert.deepEqual(fromYaml, fromJson);
    assert.deepEqual(fromJson, parseOffice(demoOffice, 'demo'));
  });

  test('defaults are filled in', () => {
    const office = loadOfficeFile(officeFile('.yml', stringify(smallOffice)));
    assert.equal(office.timeZone, 'Asia/Tehran');
    assert.equal(office.policy.counterDigits, 3);
    assert.equal(office.services[0]?.targetWaitMinutes, 15);
    assert.deepEqual(office.services[0]?.priorityGroups, []);
  });

  test('a byte-order mark is ignored', () => {
    assert.equal(loadOfficeFile(officeFile('.json', `\uFEFF${JSON.stringify(smallOffice)}`)).name, 'دفتر آزمایشی');
  });
});

describe('bad files name the field', () => {
  test('a duplicate prefix', () => {
    const office = { ...smallOffice, services: [smallOffice.services[0], { ...smallOffice.services[1], prefix: '1' }] };
    const error = loadError(officeFile('.yaml', stringify(office)));
    assert.match(error.message, /^ {2}services\[1\]\.prefix: prefix "1" is used by another service/m);
    assert.deepEqual(error.problems.map((problem) => problem.path), ['services[1].prefix']);
  });

  test('an unknown service in a desk', () => {
    const office = { ...smallOffice, desks: [{ ...smallOffice.desks[0], services: ['cert', 'passport'] }] };
    const error = loadError(officeFile('.json', JSON.stringify(office)));
    assert.match(error.message, /desks\[0\]\.services\[1\]: unknown service "passport"/);
  });

  test('a bad time zone', () => {
    const error = loadError(officeFile('.yaml', stringify({ ...smallOffice, timeZone: 'Asia/Tehrn' })));
    assert.match(error.message, /timeZone: not a known IANA time zone/);
  });

  test('bad YAML names the line', () => {
    const error = loadError(officeFile('.yaml', 'name: دفتر\nservices:\n  - id: cert\n   code: CERT\n'));
    assert.match(error.message, /\(file\): YAML line \d+, column \d+: /);
  });

  test('a key written twice in YAML', () => {
    const error = loadError(officeFile('.yaml', 'name: یک\nname: دو\n'));
    assert.match(error.message, /YAML line 2.*[Mm]ap keys must be unique/);
  });

  test('bad JSON names the line', () => {
    const error = loadError(officeFile('.json', '{\n  "name": "x",\n  "services": [,]\n}'));
    assert.match(error.message, /\(file\): JSON line 3, column \d+: /);
    assert.equal(error.message.split('\n').length, 2, 'one line for the one problem');
    const missingComma = loadError(officeFile('.json', '{\n  "name": "x"\n  "desks": []\n}'));
    assert.match(missingComma.message, /\(file\): JSON line 3, column 3: Expected ','/);
  });

  test('an empty file', () => {
    assert.match(loadError(officeFile('.yaml', '# nothing yet\n')).message, /the file is empty/);
  });

  test('a missing file', () => {
    assert.match(loadError(join(directory, 'missing.yaml')).message, /cannot read the file/);
  });

  test('an unknown extension', () => {
    assert.match(loadError(officeFile('.toml', 'name = "x"')).message, /unknown extension ".toml"/);
  });

  test('an unquoted prefix in YAML gets a hint', () => {
    const text = stringify(smallOffice).replace(`prefix: "1"`, 'prefix: 1');
    assert.ok(text.includes('prefix: 1\n'));
    assert.match(loadError(officeFile('.yaml', text)).message, /services\[0\]\.prefix: .*expected string.*\(write it in quotes: "1"\)/);
  });

  test('a missing field is called missing', () => {
    const office = { ...smallOffice, services: [{ ...smallOffice.services[0], code: undefined }, smallOffice.services[1]] };
    assert.match(loadError(officeFile('.json', JSON.stringify(office))).message, /services\[0\]\.code: missing \(expected string\)/);
  });

  test('every problem gets its own line', () => {
    const office = {
      ...smallOffice,
      timeZone: 'Nowhere/City',
      hours: { week: { sat: [{ from: '14:30', to: '07:30' }] } },
      services: [smallOffice.services[0], { ...smallOffice.services[1], prefix: '1' }],
      desks: [{ ...smallOffice.desks[0], services: ['nope'] }],
    };
    const error = loadError(officeFile('.json', JSON.stringify(office)));
    const problemLines = error.message.split('\n').slice(1);
    assert.deepEqual(problemLines, [
      '  timeZone: not a known IANA time zone',
      '  hours.week.sat[0]: "from" must be before "to"',
      '  services[1].prefix: prefix "1" is used by another service; numbers would collide',
      '  desks[0].services[0]: unknown service "nope"',
      `  services[0].id: service "cert" is in no desk's workprofile; its tickets could never be called`,
      `  services[1].id: service "pay" is in no desk's workprofile; its tickets could never be called`,
    ]);
    assert.match(error.message.split('\n')[0] ?? '', /is not valid \(6 problems\):$/);
  });
});

describe('parseOffice', () => {
  test('refuses nothing at all', () => {
    assert.throws(() => parseOffice(undefined, 'memory'), OfficeConfigError);
  });

  test('refuses an office with no services or desks', () => {
    assert.throws(
      () => parseOffice({ name: 'x', services: [], desks: [] }, 'memory'),
      (error: unknown) => error instanceof OfficeConfigError && /services: /.test(error.message) && /desks: /.test(error.message),
    );
  });
});

test('formatPath', () => {
  assert.equal(formatPath(['services', 2, 'prefix']), 'services[2].prefix');
  assert.equal(formatPath([]), '');
  assert.equal(formatPath(['hours', 'week', 'sat', 0]), 'hours.week.sat[0]');
  assert.equal(formatPath(['odd key']), '["odd key"]');
});

test('a service that no desk calls from is refused, naming it', () => {
  const input = structuredClone(demoOffice);
  input.desks = input.desks.map((desk) => ({ ...desk, services: desk.services.filter((s) => s !== 'contractor') }));
  assert.throws(() => parseOffice(input, 'office.json'), /services\[5\]\.id: service "contractor" is in no desk's workprofile/);
});
