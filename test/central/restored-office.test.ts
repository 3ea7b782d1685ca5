// An office restored from a backup: its log goes back to the backup's seq and then grows with new
// events at seqs central already holds from the lost timeline. Central refuses the first such batch
// (seq_regressed), the office starts a new epoch from the seq where the logs diverged, and central
// ends counting the restored office's own figures plus what it had counted of the lost timeline
// (those visitors were served): nothing lost, nothing counted twice.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunningCentral } from '../../server/central/main.js';
import { addOffice } from '../../server/central/org/offices.js';
import { backupDatabase } from '../../server/store/backup.js';
import { restoreBackup } from '../../server/store/restore-backup.js';
import { joinCentral } from '../../server/sync/join.js';
import { readLink } from '../../server/sync/link-store.js';
import { startTestOffice, type TestOffice } from '../integration/lib/office-server.js';
import { capturingLog, highWater, startTestCentral, until } from './lib/central.js';
import { startPgCluster, type PgCluster } from './lib/pg-cluster.js';

describe('an office restored from a backup', () => {
  let cluster: PgCluster;
  let central: RunningCentral;
  let office: TestOffice;
  let officeId: number;
  const centralLog = capturingLog();
  const officeLog = capturingLog();
  const backups = mkdtempSync(join(tmpdir(), 'nobat-central-backup-'));

  before(async () => {
    cluster = await startPgCluster();
    central = await startTestCentral(cluster, centralLog);
    office = await startTestOffice({ log: officeLog });
    const added = await addOffice(central.pool, 'District 4', 'Tehran');
    officeId = added.id;
    await joinCentral(office.server.db, central.url, added.code);
  });
  after(async () => {
    await office?.stop();
    await central?.close();
    await cluster?.stop();
    rmSync(backups, { recursive: true, force: true });
  });

  const officeSeq = () => (office.server.db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number }).seq;
  const issue = async (n: number) => {
    for (let i = 0; i < n; i++) assert.equal((await office.api('POST', '/tickets', { body: { serviceId: i % 2 ? 'payment' : 'certificate' } })).status, 201);
  };
  const centralIssued = async () => Number((await central.pool.query<{ n: string }>('SELECT COALESCE(SUM(issued), 0) AS n FROM office_days WHERE office_id = $1', [officeId])).rows[0]!.n);
  const ownIssued = () => (office.server.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;

  it('starts a new epoch where its log diverged and counts both timelines once', async () => {
    await issue(3);
    await until(async () => (await highWater(central, officeId)) === officeSeq(), 'central caught up before the backup');
    const file = join(backups, 'office.db');
    await backupDatabase(office.server.db, file);
    await issue(4); // the lost timeline: served in the real world, gone from the office with the restore
    await until(async () => (await highWater(central, officeId)) === officeSeq(), 'central caught up with the lost timeline');
    const lostMark = officeSeq();

    await office.server.close();
    await restoreBackup(file, office.dataDir);
    await office.restart();
    assert.ok(officeSeq() < lostMark, 'the restored log went back');
    await issue(2);
    await until(async () => readLink(office.server.db)!.epoch === 1 && (await highWater(central, officeId)) === officeSeq(), 'the office synced in its new epoch');

    assert.equal(ownIssued(), 5);
    assert.equal(await centralIssued(), 5 + 4);
    const regressed = centralLog.lines.find((l) => l.message === 'sync batch refused: seq_regressed');
    assert.ok(regressed && regressed.level === 'error', 'central named the regression');
    assert.ok(centralLog.lines.some((l) => l.message.startsWith('office starts a new epoch') && l.fields['epoch'] === 1));
    assert.ok(officeLog.lines.some((l) => l.level === 'error' && l.message.includes('this office log went back')));
    const { rows } = await central.pool.query<{ epoch: number }>('SELECT epoch FROM offices WHERE id = $1', [officeId]);
    assert.equal(rows[0]!.epoch, 1);

    // And it goes on as usual in the new epoch.
    await issue(1);
    await until(async () => (await highWater(central, officeId)) === officeSeq(), 'central caught up in the new epoch');
    assert.equal(await centralIssued(), 6 + 4);
  });
});
