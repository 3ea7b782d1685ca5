// An office's ratings from before the wrap counter survive migration 12, which adds it, each as the
// first press with its seq, and the press identity then takes the wrap into account.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { migrate, migrations } from '../../server/store/migrations.js';

test('ratings stored before the wrap counter keep their rows as wrap 0, and the same seq may come round again', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nobat-ratings-migration-'));
  const db = new Database(join(dir, 'nobat.db'));
  try {
    for (const { version, sql } of migrations.filter((m) => m.version < 12)) {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    }
    db.prepare(`INSERT INTO ratings (at, day, jday, jmonth, hour, keypad_id, device, boot, seq, kind, desk_id, ticket_id, button, buttons)
      VALUES (1000, '2026-01-01', '1404-10-11', '1404-10', 9, 'kp', 'DESK1', '77', 5, 'desk', 'desk-1', 'T1', 4, 5)`).run();
    migrate(db);
    assert.deepEqual(db.prepare(`SELECT id, device, boot, seq, wrap, ticket_id AS ticketId, button FROM ratings`).all(),
      [{ id: 1, device: 'DESK1', boot: '77', seq: 5, wrap: 0, ticketId: 'T1', button: 4 }]);
    const again = db.prepare(`INSERT INTO ratings (at, day, jday, jmonth, hour, keypad_id, device, boot, seq, wrap, kind, desk_id, ticket_id, button, buttons)
      VALUES (2000, '2026-01-02', '1404-10-12', '1404-10', 9, 'kp', 'DESK1', '77', 5, ?, 'desk', 'desk-1', ?, 2, 5) ON CONFLICT DO NOTHING`);
    assert.equal(again.run(0, null).changes, 0, 'the same press');
    assert.equal(again.run(1, null).changes, 1, 'the same seq after a wrap');
    assert.equal(again.run(2, 'T1').changes, 0, 'a ticket is still rated once');
    const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ratings' AND sql IS NOT NULL ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name);
    assert.deepEqual(indexes, ['ratings_day', 'ratings_jday', 'ratings_ticket']);
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
});
