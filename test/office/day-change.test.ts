// A server that runs for days keeps one day in memory: at the first command of a new day the
// earlier day's open tickets are cancelled (in the store) and its no-shows, which can no longer be
// reinstated, are forgotten (they stay in the store as no-shows), as a restart would leave them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparable, fixture, issue, STAFF } from './fixture.js';

test('yesterday’s no-shows and open tickets do not stay in memory on the next day', async () => {
  const { office, db, clock, restored } = fixture();
  await office.execute({ type: 'openDesk', deskId: 'desk-2', staffId: 's1' }, STAFF);
  await issue(office, 'ticket-day1-noshow');
  await issue(office, 'ticket-day1-waiting');
  await office.execute({ type: 'callNext', deskId: 'desk-2' }, STAFF);
  await office.execute({ type: 'recall', deskId: 'desk-2', ticketId: 'ticket-day1-noshow' }, STAFF);
  clock.advance(10 * 60);
  await office.execute({ type: 'markNoShow', deskId: 'desk-2', ticketId: 'ticket-day1-noshow' }, STAFF);
  assert.deepEqual([...office.state.tickets.keys()].sort(), ['ticket-day1-noshow', 'ticket-day1-waiting'], 'the no-show stays reinstatable today');

  clock.advance(24 * 3600);
  const [next] = await Promise.all([issue(office, 'ticket-day2-first')]);
  assert.equal(next.events.at(-1)?.event.type, 'ticket.issued');
  assert.deepEqual([...office.state.tickets.keys()], ['ticket-day2-first']);
  const statuses = db.prepare(`SELECT id, status FROM tickets ORDER BY id`).all();
  assert.deepEqual(statuses, [
    { id: 'ticket-day1-noshow', status: 'no_show' },
    { id: 'ticket-day1-waiting', status: 'cancelled' },
    { id: 'ticket-day2-first', status: 'issued' },
  ]);
  assert.deepEqual(comparable(office.state), comparable(restored()), 'memory holds what a restart would restore');
});
