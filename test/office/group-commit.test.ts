// Group commit in the office over a real SQLite file: commands given within one turn of the event
// loop are decided in order against the evolving state and written in one transaction; a refusal
// drops out alone; a request key used twice in one batch is applied once; a COMMIT that fails
// (SQLITE_FULL from a capped database) fails every command of its batch and leaves the in-memory
// state exactly as the store holds it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Executed } from '../../server/office/office.js';
import { QueueRefusal } from '../../server/queue/index.js';
import { comparable, fixture, issue, STAFF } from './fixture.js';

/** Settles every promise, keeping rejections as values. */
const settle = (promises: Array<Promise<Executed>>) => Promise.all(promises.map((p) => p.then((value) => ({ value }), (error: unknown) => ({ error }))));

const numberOf = (result: Executed) => {
  const event = result.events[0]?.event;
  assert.ok(event?.type === 'ticket.issued', JSON.stringify(result));
  return event.number;
};

describe('group commit', () => {
  test('commands of one turn are decided in order against the evolving state and committed together', async () => {
    const { office, db, publications } = fixture();
    const results = await Promise.all([
      office.execute({ type: 'openDesk', deskId: 'desk-2', staffId: 's1' }, STAFF),
      issue(office, 'ticket-aaaa-1'),
      issue(office, 'ticket-aaaa-2', 'payment'),
      issue(office, 'ticket-aaaa-3'),
      // Decided after the three issues of this same batch: desk-2 serves payment first, so it calls that.
      office.execute({ type: 'callNext', deskId: 'desk-2' }, STAFF),
    ]);
    assert.deepEqual(results.slice(1, 4).map(numberOf), ['1001', '2001', '1002']);
    const call = results[4]!.events.map((e) => e.event);
    assert.deepEqual(call.map((e) => [e.type, 'ticketId' in e ? e.ticketId : null]), [['ticket.called', 'ticket-aaaa-2']]);
    assert.equal(publications.length, 1, 'one batch, one publication');
    assert.deepEqual(publications[0]!.map((s) => s.event.type), ['desk.opened', 'ticket.issued', 'ticket.issued', 'ticket.issued', 'ticket.called']);
    const seqs = results.flatMap((r) => r.events.map((e) => e.seq));
    assert.deepEqual(seqs, [1, 2, 3, 4, 5], 'sequence numbers follow the order the commands were given');
    const stored = db.prepare(`SELECT id, number, status, desk_id AS deskId FROM tickets ORDER BY id`).all();
    assert.deepEqual(stored, [
      { id: 'ticket-aaaa-1', number: '1001', status: 'issued', deskId: null },
      { id: 'ticket-aaaa-2', number: '2001', status: 'called', deskId: 'desk-2' },
      { id: 'ticket-aaaa-3', number: '1002', status: 'issued', deskId: null },
    ]);
  });

  test('a refused command drops out alone; the others of its batch are committed', async () => {
    const { office, db, publications } = fixture();
    const outcomes = await settle([
      issue(office, 'ticket-bbbb-1'),
      office.execute({ type: 'callNext', deskId: 'desk-1' }, STAFF), // nobody signed in at desk-1
      issue(office, 'ticket-bbbb-2', 'no-such-service'),
      issue(office, 'ticket-bbbb-3'),
    ]);
    assert.ok('value' in outcomes[0]! && 'value' in outcomes[3]!);
    assert.deepEqual([numberOf(outcomes[0].value), numberOf(outcomes[3].value)], ['1001', '1002']);
    for (const [i, code] of [[1, 'desk_not_open'], [2, 'unknown_service']] as const) {
      const outcome = outcomes[i]!;
      assert.ok('error' in outcome && outcome.error instanceof QueueRefusal, `command ${i} refused`);
      assert.equal(outcome.error.code, code);
    }
    assert.equal(publications.length, 1);
    assert.deepEqual((db.prepare(`SELECT id FROM tickets ORDER BY counter`).all() as Array<{ id: string }>).map((r) => r.id), ['ticket-bbbb-1', 'ticket-bbbb-3']);
  });

  test('the same request key twice in one batch is applied once, and a key reused for another command is refused', async () => {
    const { office, db } = fixture();
    await office.execute({ type: 'openDesk', deskId: 'desk-2', staffId: 's1' }, STAFF);
    const outcomes = await settle([
      issue(office, 'ticket-cccc-1', 'certificate', 'issue:kiosk-1:k1'),
      issue(office, 'ticket-cccc-2', 'certificate', 'issue:kiosk-1:k1'), // the kiosk's retry, with a fresh ticket id
      issue(office, 'ticket-cccc-3', 'payment', 'issue:kiosk-1:k1'), // the same key for a different request
      office.execute({ type: 'callNext', deskId: 'desk-2' }, STAFF, 'desk:s1:r1'),
      office.execute({ type: 'callNext', deskId: 'desk-2' }, STAFF, 'desk:s1:r1'), // the desk's retried click
    ]);
    const [first, retry, reused, call, callRetry] = outcomes;
    assert.ok(first && 'value' in first && retry && 'value' in retry);
    assert.equal(numberOf(first.value), '1001');
    assert.deepEqual(retry.value, { events: [], replayedTicketId: 'ticket-cccc-1' });
    assert.ok(reused && 'error' in reused && reused.error instanceof QueueRefusal && reused.error.code === 'request_key_reused', JSON.stringify(reused));
    assert.ok(call && 'value' in call && callRetry && 'value' in callRetry);
    assert.equal(call.value.events.at(-1)?.event.type, 'ticket.called');
    assert.deepEqual(callRetry.value, { events: [], replayedTicketId: 'ticket-cccc-1' });
    assert.equal((db.prepare(`SELECT COUNT(*) AS n FROM tickets`).get() as { n: number }).n, 1);
    assert.equal((db.prepare(`SELECT COUNT(*) AS n FROM events WHERE type = 'ticket.called'`).get() as { n: number }).n, 1);
    // And after the batch, from the store: the retry is still answered with the first ticket.
    assert.deepEqual(await issue(office, 'ticket-cccc-4', 'certificate', 'issue:kiosk-1:k1'), { events: [], replayedTicketId: 'ticket-cccc-1' });
  });

  test('a failed COMMIT fails every command of the batch and leaves the state as the store holds it', async () => {
    const { office, db, publications, restored } = fixture();
    await office.execute({ type: 'openDesk', deskId: 'desk-2', staffId: 's1' }, STAFF);
    for (let i = 0; i < 5; i++) await issue(office, `ticket-dddd-${i}`);
    await office.execute({ type: 'callNext', deskId: 'desk-2' }, STAFF);
    const before = comparable(office.state);
    assert.deepEqual(comparable(restored()), before, 'the state agrees with the store before the failure');
    const published = publications.length;

    // Cap the file where it is: the next transaction that needs a new page fails with SQLITE_FULL.
    const pages = (db.pragma('page_count', { simple: true }) as number);
    db.pragma(`max_page_count = ${pages}`);
    const batch = [
      office.execute({ type: 'startService', deskId: 'desk-2', ticketId: 'ticket-dddd-0' }, STAFF),
      ...Array.from({ length: 300 }, (_, i) => issue(office, `ticket-eeee-${i}`, i % 2 ? 'payment' : 'certificate', `issue:kiosk-1:e${i}`)),
      office.execute({ type: 'callNext', deskId: 'desk-1' }, STAFF), // refused on its own
    ];
    const outcomes = await settle(batch);
    for (const outcome of outcomes) {
      assert.ok('error' in outcome, 'every command of the failed batch fails');
      assert.equal((outcome.error as { code?: string }).code, 'SQLITE_FULL');
    }
    assert.equal(publications.length, published, 'nothing published');
    assert.deepEqual(comparable(office.state), before, 'in-memory state rolled back');
    assert.deepEqual(comparable(restored()), before, 'the store holds nothing of the batch');
    assert.equal((db.prepare(`SELECT COUNT(*) AS n FROM requests WHERE key LIKE 'issue:kiosk-1:e%'`).get() as { n: number }).n, 0);

    // With room again the office carries on: numbering continues after the last committed ticket,
    // and a request key of the failed batch is free to be applied now.
    db.pragma('max_page_count = 1073741823');
    const [started, next, again] = await Promise.all([
      office.execute({ type: 'startService', deskId: 'desk-2', ticketId: 'ticket-dddd-0' }, STAFF),
      issue(office, 'ticket-ffff-1'),
      issue(office, 'ticket-eeee-0', 'certificate', 'issue:kiosk-1:e0'),
    ]);
    assert.equal(started.events[0]?.event.type, 'ticket.started');
    assert.deepEqual([numberOf(next), numberOf(again)], ['1006', '1007']);
    assert.deepEqual(comparable(office.state), comparable(restored()));
  });

  test('commands given in later turns form later batches', async () => {
    const { office, publications } = fixture();
    await issue(office, 'ticket-gggg-1');
    await issue(office, 'ticket-gggg-2');
    await Promise.all([issue(office, 'ticket-gggg-3'), issue(office, 'ticket-gggg-4')]);
    assert.deepEqual(publications.map((p) => p.length), [1, 1, 2]);
  });
});
