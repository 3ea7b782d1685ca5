// The link between an office and central through the fault suite's TCP relay: cut while the office
// works (it keeps working, logs that the sync paused, and catches up when the link is back), and a
// link that delivers a batch but loses central's answer (the office sends it again; central counts
// it once). Central's figures end equal to the office's own.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningCentral } from '../../server/central/main.js';
import { addOffice } from '../../server/central/org/offices.js';
import { joinCentral } from '../../server/sync/join.js';
import { CuttableProxy } from '../faults/lib/cuttable-proxy.js';
import { startTestOffice, type TestOffice } from '../integration/lib/office-server.js';
import { capturingLog, highWater, startTestCentral, until } from './lib/central.js';
import { startPgCluster, type PgCluster } from './lib/pg-cluster.js';

describe('the link from an office to central', () => {
  let cluster: PgCluster;
  let central: RunningCentral;
  let proxy: CuttableProxy;
  let office: TestOffice;
  let officeId: number;
  const centralLog = capturingLog();
  const officeLog = capturingLog();

  before(async () => {
    cluster = await startPgCluster();
    central = await startTestCentral(cluster, centralLog);
    proxy = await CuttableProxy.start(central.port);
    office = await startTestOffice({ log: officeLog });
    const added = await addOffice(central.pool, 'District 7', 'Tehran');
    officeId = added.id;
    await joinCentral(office.server.db, proxy.url, added.code);
  });
  after(async () => {
    await office?.stop();
    await proxy?.close();
    await central?.close();
    await cluster?.stop();
  });

  const officeSeq = () => (office.server.db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number }).seq;
  const caughtUp = () => until(async () => (await highWater(central, officeId)) === officeSeq(), 'central caught up with the office');
  const issue = async (n: number) => {
    for (let i = 0; i < n; i++) assert.equal((await office.api('POST', '/tickets', { body: { serviceId: 'payment' } })).status, 201);
  };
  const counts = async () => {
    const central_ = Number((await central.pool.query<{ n: string }>('SELECT COALESCE(SUM(issued), 0) AS n FROM office_days WHERE office_id = $1', [officeId])).rows[0]!.n);
    const own = (office.server.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
    return { central: central_, own };
  };
  const logged = (log: ReturnType<typeof capturingLog>, text: string) => log.lines.filter((l) => l.message.includes(text)).length;

  it('keeps the office working while the link is cut, then catches up', async () => {
    await issue(2);
    await caughtUp();
    proxy.cut();
    const paused = logged(officeLog, 'sync to central paused');
    await issue(5);
    await until(() => logged(officeLog, 'sync to central paused') > paused, 'the office logged that the sync paused');
    assert.ok((await highWater(central, officeId)) < officeSeq());
    proxy.restore();
    // Central commits before it answers: the office has its answer once it logs that the sync resumed.
    await until(() => logged(officeLog, 'sync to central resumed') >= 1, 'the office logged that the sync resumed');
    await caughtUp();
    const { central: counted, own } = await counts();
    assert.equal(own, 7);
    assert.equal(counted, own);
  });

  it('counts once a batch whose acknowledgement was lost and which the office sent again', async () => {
    proxy.loseAnswers();
    const repeats = logged(centralLog, 'not counted again');
    await issue(3);
    // Central applied it; the office never heard so.
    await until(async () => (await highWater(central, officeId)) === officeSeq(), 'central applied the batch');
    proxy.cut();
    await until(() => logged(officeLog, 'sync to central paused') >= 2, 'the office gave up waiting for the answer');
    proxy.restore();
    await until(() => logged(centralLog, 'not counted again') > repeats, 'the office sent the batch again');
    await until(() => logged(officeLog, 'sync to central resumed') >= 2, 'the office logged that the sync resumed');
    await caughtUp();
    const { central: counted, own } = await counts();
    assert.equal(own, 10);
    assert.equal(counted, own);
  });
});
