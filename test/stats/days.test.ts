// Kept days: closed days are aggregated once into stats_days, in the background after start-up and
// on demand, and read back as the same figures; today and days with open tickets are never kept;
// a change of target waits recomputes what depends on them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseOffice } from '../../server/config/load.js';
import { demoOffice } from '../../server/config/demo-office.js';
import type { OfficeConfig } from '../../server/config/schema.js';
import { aggregateRange, sumAggregates } from '../../server/stats/aggregate.js';
import { StatsDays } from '../../server/stats/days.js';
import { openDatabase, type Db } from '../../server/store/open.js';

const NOW = Date.parse('2026-11-22T08:00:00Z'); // 1 Azar 1405, 11:30 in Tehran
const DAYS = [
  { iso: '2026-11-18', jalali: '1405-08-27', tickets: 5, open: false },
  { iso: '2026-11-19', jalali: '1405-08-28', tickets: 3, open: true },
  { iso: '2026-11-21', jalali: '1405-08-30', tickets: 4, open: false },
  { iso: '2026-11-22', jalali: '1405-09-01', tickets: 2, open: false },
];

describe('kept days of statistics', () => {
  let dir: string;
  let db: Db;
  let config: OfficeConfig;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nobat-days-'));
    db = openDatabase(join(dir, 'nobat.db'));
    config = parseOffice(demoOffice, 'demo');
    const insert = db.prepare(`INSERT INTO tickets (id, day, jday, jmonth, hour, service_id, first_service_id, number, counter, status, rank, issued_at, called_at, wait_s, service_s, called_desk_id, staff_id)
      VALUES (?, ?, ?, ?, 9, 'payment', 'payment', ?, ?, ?, 0, ?, ?, ?, ?, 'desk-2', 'u1')`);
    for (const day of DAYS) {
      const start = Date.parse(`${day.iso}T05:30:00Z`);
      for (let i = 0; i < day.tickets; i++) {
        const open = day.open && i === 0;
        const wait = 60 * (i + 1) + 7;
        insert.run(`${day.iso}-${i}`, day.iso, day.jalali, day.jalali.slice(0, 7), `2${String(i + 1).padStart(3, '0')}`, i + 1, open ? 'issued' : 'done', start + i * 60_000, open ? null : start + i * 60_000 + wait * 1000, open ? null : wait, open ? null : 200 + i);
      }
    }
  });
  after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const keptDays = () => (db.prepare(`SELECT day FROM stats_days ORDER BY day`).all() as Array<{ day: string }>).map((r) => r.day);

  it('fills closed days in the background, never today nor a day with open tickets', async () => {
    const stats = new StatsDays(db, () => config, () => NOW);
    stats.fillInBackground(0, 0);
    // Every day from the first ticket's to yesterday is visited; the 19th (open ticket) is not kept.
    const expected = ['2026-11-18', '2026-11-20', '2026-11-21'];
    const deadline = Date.now() + 30_000;
    while (keptDays().join() !== expected.join()) {
      assert.ok(Date.now() < deadline, `kept so far: ${keptDays().join(', ')}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const range = { from: '2026-11-18', to: '2026-11-22', fromJalali: '1405-08-27', toJalali: '1405-09-01' };
    const dayByDay = sumAggregates(['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'].map((iso) => aggregateRange(db, config, { from: iso, to: iso })));
    assert.deepEqual(await stats.aggregate(range), dayByDay, 'kept days read back as computed');
    assert.equal((await stats.aggregate(range)).groups.total.total!.issued, 14);
    await stats.close();
  });

  it('recomputes kept days when a target wait changes', async () => {
    const before = db.prepare(`SELECT targets FROM stats_days WHERE day = '2026-11-18'`).get() as { targets: string };
    const range = { from: '2026-11-18', to: '2026-11-18', fromJalali: '1405-08-27', toJalali: '1405-08-27' };
    // Waits there are 67, 127, 187, 247 and 307 seconds: a 3-minute target for payments keeps two within it.
    const strict = { ...config, services: config.services.map((s) => (s.id === 'payment' ? { ...s, targetWaitMinutes: 3 } : s)) };
    const stats = new StatsDays(db, () => strict, () => NOW);
    assert.equal((await stats.aggregate(range)).groups.service.payment!.withinTarget, 2);
    await stats.close();
    const after = db.prepare(`SELECT targets FROM stats_days WHERE day = '2026-11-18'`).get() as { targets: string };
    assert.notEqual(after.targets, before.targets);
    const relaxed = new StatsDays(db, () => config, () => NOW);
    assert.equal((await relaxed.aggregate(range)).groups.service.payment!.withinTarget, 5);
    await relaxed.close();
  });
});
