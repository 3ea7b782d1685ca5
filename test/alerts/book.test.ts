// Stored alerts over a real SQLite file: raised once while open, cleared when the condition goes,
// acknowledged once with who and a comment, and raised anew only after it has both cleared and been
// acknowledged.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AlertBook } from '../../server/alerts/book.js';
import type { AlertCondition } from '../../server/alerts/evaluate.js';
import { openDatabase, type Db } from '../../server/store/open.js';

const wait: AlertCondition = { kind: 'wait', subject: 'a', message: 'انتظار طولانی', messageEn: 'long wait' };
const printer: AlertCondition = { kind: 'printer', subject: 'printer', message: 'چاپگر', messageEn: 'printer' };

describe('alert book', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nobat-alerts-'));
  let db: Db;
  let book: AlertBook;
  before(() => {
    db = openDatabase(join(dir, 'nobat.db'));
    db.prepare(`INSERT INTO users (id, username, name, role, password_hash, created_at) VALUES ('u1', 'm', 'مدیر', 'manager', 'x', 0)`).run();
    book = new AlertBook(db);
  });
  after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('raises a condition once however often it is seen, and clears it when it goes', () => {
    const first = book.reconcile([wait, printer], 1000);
    assert.deepEqual(first.raised.map((a) => a.kind).sort(), ['printer', 'wait']);
    const again = book.reconcile([wait, printer], 2000);
    assert.deepEqual(again, { raised: [], cleared: [] });
    const gone = book.reconcile([wait], 3000);
    assert.deepEqual(gone.cleared.map((a) => [a.kind, a.clearedAt]), [['printer', 3000]]);
    assert.equal(book.list(0).length, 2, 'a cleared alert stays listed until acknowledged');
  });

  it('an unacknowledged alert that comes back is the same alert, active again', () => {
    const printerId = book.list(0).find((a) => a.kind === 'printer')!.id;
    const back = book.reconcile([wait, printer], 4000);
    assert.deepEqual(back.raised.map((a) => [a.id, a.clearedAt]), [[printerId, null]]);
  });

  it('acknowledges once with who, when and the comment; a second time is refused', () => {
    const alert = book.list(0).find((a) => a.kind === 'wait')!;
    const outcome = book.acknowledge(alert.id, 'u1', 'یک باجهٔ دیگر باز شد', 5000);
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.alert.acknowledged, { by: 'u1', byName: 'مدیر', at: 5000, comment: 'یک باجهٔ دیگر باز شد' });
    assert.deepEqual(book.acknowledge(alert.id, 'u1', 'باز', 5001), { ok: false, reason: 'already' });
    assert.deepEqual(book.acknowledge(9999, 'u1', 'باز', 5001), { ok: false, reason: 'unknown' });
  });

  it('an acknowledged alert whose condition still holds is not raised again until it clears and returns', () => {
    assert.deepEqual(book.reconcile([wait, printer], 6000).raised, []);
    const cleared = book.reconcile([printer], 7000).cleared;
    assert.equal(cleared[0]?.kind, 'wait');
    const fresh = book.reconcile([wait, printer], 8000).raised;
    assert.equal(fresh.length, 1);
    assert.notEqual(fresh[0]!.id, cleared[0]!.id, 'a new occurrence is a new alert');
    assert.equal(db.prepare(`SELECT COUNT(*) AS n FROM alerts WHERE kind = 'wait'`).pluck().get(), 2);
  });

  it('lists acknowledged alerts only since the given time', () => {
    assert.equal(book.list(5001).filter((a) => a.acknowledged).length, 0);
    assert.equal(book.list(4999).filter((a) => a.acknowledged).length, 1);
  });
});
