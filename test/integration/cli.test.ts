// The `nobat` command as an operator runs it: help, a bad office file, devices, users and backups.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { verifyBackup } from '../../server/store/backup.js';
import { openDatabase } from '../../server/store/open.js';

const run = promisify(execFile);
const nobat = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['bin/nobat.js', ...args], { env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

describe('the nobat command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nobat-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists its commands', async () => {
    const { code, stdout } = await nobat(['--help']);
    assert.equal(code, 0);
    for (const command of ['start', 'user', 'device', 'backup', 'restore', 'replay']) assert.match(stdout, new RegExp(`\\b${command}\\b`));
  });

  it('refuses to start on a bad office file, naming the field', async () => {
    const office = join(dir, 'office.yaml');
    writeFileSync(office, readFileSync('server/config/example-office.yaml', 'utf8').replace(/timeZone: .*/, 'timeZone: Mars/Olympus'));
    const { code, stderr } = await nobat(['start', '--office', office, '--port', '0', '--data', join(dir, 'bad')]);
    assert.equal(code, 2);
    assert.match(stderr, /timeZone: not a known IANA time zone/);
  });

  it('adds a device with a pairing code and a user with a hashed password', async () => {
    const data = join(dir, 'office');
    const device = await nobat(['device', 'add', '--kind', 'kiosk', '--name', 'entrance', '--data', data]);
    assert.equal(device.code, 0);
    assert.match(device.stdout, /pairing code: \d{8}/);
    const user = await nobat(['user', 'add', '--username', 'sara', '--name', 'سارا', '--role', 'staff', '--data', data], { NOBAT_PASSWORD: 'a long secret' });
    assert.equal(user.code, 0);
    const db = openDatabase(join(data, 'nobat.db'));
    const row = db.prepare(`SELECT password_hash FROM users WHERE username = 'sara'`).get() as { password_hash: string };
    db.close();
    assert.match(row.password_hash, /^scrypt\$/);
    assert.doesNotMatch(row.password_hash, /a long secret/);
  });

  it('backs up a database that restores, and tells a truncated copy from a good one', async () => {
    const data = join(dir, 'office');
    const target = join(dir, 'backup.db');
    const { code, stdout } = await nobat(['backup', target, '--data', data]);
    assert.equal(code, 0, stdout);
    assert.deepEqual(await verifyBackup(target), { checksum: true });
    const copy = openDatabase(target);
    assert.equal((copy.prepare(`SELECT COUNT(*) AS n FROM devices`).get() as { n: number }).n, 1);
    copy.close();
    const broken = join(dir, 'broken.db');
    copyFileSync(target, broken);
    truncateSync(broken, Math.floor(statSync(broken).size / 2));
    await assert.rejects(verifyBackup(broken), /backup .* (is corrupted|is not a usable nobat database|cannot be opened)/);
  });

  it('refuses a backup to a missing folder, or from or into a missing office, in one line', async () => {
    const data = join(dir, 'office');
    const cases: Array<[string[], RegExp]> = [
      [['backup', join(dir, 'no-such-folder', 'backup.db'), '--data', data], /^nobat: the folder .*no-such-folder does not exist: create it or give another path for the backup\n$/],
      [['backup', join(dir, 'backup-2.db'), '--data', join(dir, 'no-office')], /^nobat: no office database at .*no-office\/nobat\.db: give the office's --data folder \(or NOBAT_DATA\)\n$/],
      [['restore', join(dir, 'backup.db'), '--data', join(dir, 'no-office')], /^nobat: the data folder .*no-office does not exist: create it or give the office's --data folder\n$/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await nobat(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
      assert.equal(stdout, '');
    }
    assert.ok(!existsSync(join(dir, 'no-office')), 'a backup from a missing office does not create an empty one');
    assert.ok(!existsSync(join(dir, 'backup-2.db')));
  });
});
