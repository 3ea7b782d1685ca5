// `nobat restore` as an operator runs it after a bad day: a backup with bytes flipped in the middle
// or cut short is refused with a clear message and exit code 3 and the live database is left as it
// was; a restore while the server runs is refused; a good backup goes in, the old database is kept
// aside, and the server starts on the restored data with every ticket the backup held.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { killAll, spawnServer } from './lib/spawn-server.js';
import { call, isRecord, login } from './lib/http.js';
import { logAndProjectionDisagreements, ticketRows, withDb } from './lib/db.js';

const run = promisify(execFile);
const nobat = (args: string[]) =>
  run(process.execPath, ['bin/nobat.js', ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

/** What the data directory holds, file by file, with each file's SHA-256: "nothing changed" is this being equal. */
function fingerprint(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

async function issue(url: string, serviceId: string): Promise<string> {
  const answer = await call(url, 'POST', '/tickets', { json: { serviceId } });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  assert.ok(isRecord(answer.body) && typeof answer.body['id'] === 'string');
  return answer.body['id'];
}

describe('nobat restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nobat-restore-'));
  const data = join(dir, 'data');
  after(async () => {
    await killAll();
    rmSync(dir, { recursive: true, force: true });
  });

  test('refuses corrupted and truncated backups, and restores a good one keeping the old database aside', { timeout: 90_000 }, async () => {
    let server = await spawnServer(data);
    const token = await login(server.url, 'staff1', 'desk-1');
    const inBackup: string[] = [];
    for (let n = 0; n < 30; n++) inBackup.push(await issue(server.url, n % 2 ? 'payment' : 'certificate'));
    const next = await call(server.url, 'POST', '/desks/desk-1/next', { token });
    assert.ok(next.status === 200 && isRecord(next.body) && isRecord(next.body['ticket']), JSON.stringify(next.body));
    const calledId = next.body['ticket']['id'] as string;

    // An online backup while the server runs, then more tickets that the backup does not hold.
    const backup = join(dir, 'good.db');
    const made = await nobat(['backup', backup, '--data', data]);
    assert.equal(made.code, 0, made.stderr);
    assert.ok(existsSync(`${backup}.sha256`), 'the checksum is written beside the backup');
    const afterBackup: string[] = [];
    for (let n = 0; n < 4; n++) afterBackup.push(await issue(server.url, 'request'));

    // A restore under a running server is refused before anything is touched.
    const busy = await nobat(['restore', backup, '--data', data]);
    assert.equal(busy.code, 3, busy.stdout + busy.stderr);
    assert.match(busy.stderr, /in use: stop the nobat server/);
    assert.ok(!existsSync(join(data, 'nobat.db.restoring')), 'a refused restore leaves no copy behind');
    await server.stop();
    const live = fingerprint(data);

    // Bytes flipped in the middle of the file, the checksum file copied with it.
    const corrupted = join(dir, 'corrupted.db');
    const bytes = readFileSync(backup);
    const middle = Math.floor(bytes.length / 2);
    for (let i = 0; i < 16; i++) bytes[middle + i] = bytes[middle + i]! ^ 0xff;
    writeFileSync(corrupted, bytes);
    copyFileSync(`${backup}.sha256`, `${corrupted}.sha256`);
    // Cut short: once with its checksum, once without (SQLite's own check must then see it).
    const truncated = join(dir, 'truncated.db');
    copyFileSync(backup, truncated);
    truncateSync(truncated, Math.floor(statSync(truncated).size * 0.6));
    copyFileSync(`${backup}.sha256`, `${truncated}.sha256`);
    const truncatedBare = join(dir, 'truncated-bare.db');
    copyFileSync(truncated, truncatedBare);
    const notNobat = join(dir, 'other.db');
    new Database(notNobat).exec('CREATE TABLE t (x)').close();

    const refusals: Array<[string, RegExp]> = [
      [corrupted, /corrupted: its SHA-256 is [0-9a-f]{64}, but corrupted\.db\.sha256 says/],
      [truncated, /corrupted: its SHA-256/],
      [truncatedBare, /is not a usable nobat database: database disk image is malformed|is corrupted/],
      [notNobat, /is not a nobat database/],
      [join(dir, 'missing.db'), /does not exist/],
    ];
    for (const [file, reason] of refusals) {
      const answer = await nobat(['restore', file, '--data', data]);
      assert.equal(answer.code, 3, `${file}: ${answer.stdout}${answer.stderr}`);
      assert.match(answer.stderr, /^nobat: restore refused, nothing was changed: /);
      assert.match(answer.stderr, reason);
      assert.deepEqual(fingerprint(data), live, `the live data directory is untouched after refusing ${file}`);
    }

    // The good backup goes in; the database it replaces is kept whole beside it.
    const restored = await nobat(['restore', backup, '--data', data]);
    assert.equal(restored.code, 0, restored.stderr);
    const keptName = readdirSync(data).find((name) => name.startsWith('nobat.db.before-restore-'));
    assert.ok(keptName, `the old database is kept aside: ${readdirSync(data).join(', ')}`);
    assert.match(restored.stdout, new RegExp(`kept as .*${keptName.replace(/[.]/g, '\\.')}`));
    assert.ok(!existsSync(join(data, 'nobat.db.restoring')));
    const kept = new Database(join(data, keptName), { readonly: true });
    const keptIds = new Set((kept.prepare('SELECT id FROM tickets').all() as Array<{ id: string }>).map((r) => r.id));
    kept.close();
    for (const id of [...inBackup, ...afterBackup]) assert.ok(keptIds.has(id), `ticket ${id} is in the database kept aside`);

    // The server starts on the restored data: the backup's tickets and nothing after it.
    server = await spawnServer(data);
    withDb(data, (db) => {
      const ids = new Set(ticketRows(db).map((r) => r.id));
      for (const id of inBackup) assert.ok(ids.has(id), `ticket ${id} from before the backup is restored`);
      for (const id of afterBackup) assert.ok(!ids.has(id), `ticket ${id} from after the backup is not`);
      assert.deepEqual(logAndProjectionDisagreements(db), []);
    });
    const called = await call(server.url, 'GET', `/tickets/${calledId}`);
    assert.equal(called.status, 200);
    assert.ok(isRecord(called.body) && called.body['status'] === 'called', 'the ticket called before the backup is still with its desk');
    await issue(server.url, 'certificate');
    await server.stop();
  });
});
