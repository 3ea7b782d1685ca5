// The office-day tally, pure: each event moves its ticket's whole share to where the office counts
// it now (the service it ended in, its status), so figures match the office's tickets table however
// a ticket's story runs; ratings add to their own day and service.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellKey, noFigures, tally, type DayFigures, type TicketTally } from '../../server/central/ingest/tally.js';
import type { SyncEvent } from '../../server/sync/wire.js';

const DAY = '2026-11-22';
let seq = 0;
const at = (s: number) => Date.parse('2026-11-22T06:00:00Z') + s * 1000;
const issued = (ticket: string, serviceId = 'payment', s = 0): SyncEvent => ({ seq: ++seq, at: at(s), type: 'ticket.issued', ticket, day: DAY, serviceId });
const called = (ticket: string, waitedSeconds: number): SyncEvent => ({ seq: ++seq, at: at(waitedSeconds), type: 'ticket.called', ticket, waitedSeconds });
const finished = (ticket: string, serviceSeconds: number): SyncEvent => ({ seq: ++seq, at: at(999), type: 'ticket.finished', ticket, serviceSeconds });
const plain = (type: 'ticket.no_show' | 'ticket.reinstated' | 'ticket.cancelled' | 'ticket.started' | 'ticket.recalled', ticket: string): SyncEvent => ({ seq: ++seq, at: at(500), type, ticket });
const figures = (partial: Partial<DayFigures>): DayFigures => ({ ...noFigures(), ...partial });

describe('tally', () => {
  it('counts a served ticket once, with its wait and time at the desk', () => {
    const { figures: cells, tickets } = tally([issued('a'), called('a', 95.25), plain('ticket.started', 'a'), finished('a', 240.5)], new Map());
    assert.deepEqual(cells.get(cellKey(DAY, 'payment')), figures({ issued: 1, served: 1, waitCount: 1, waitMs: 95_250, serviceCount: 1, serviceMs: 240_500 }));
    assert.equal(tickets.get('a')!.status, 'done');
  });

  it('takes a no-show back when it is reinstated and served, keeping the first wait', () => {
    const first = tally([issued('b'), called('b', 60), plain('ticket.recalled', 'b'), plain('ticket.no_show', 'b')], new Map());
    assert.equal(first.figures.get(cellKey(DAY, 'payment'))!.noShows, 1);
    // The next batch starts from the state the first left.
    const second = tally([plain('ticket.reinstated', 'b'), called('b', 300), finished('b', 30)], first.tickets);
    assert.deepEqual(second.figures.get(cellKey(DAY, 'payment')), figures({ noShows: -1, served: 1, serviceCount: 1, serviceMs: 30_000 }));
  });

  it('moves a transferred ticket to the service it ends in, adding both desks’ time', () => {
    const known = new Map<string, TicketTally>([['c', { day: DAY, serviceId: 'payment', status: 'serving', waitMs: 10_000, serviceMs: 0, transfers: 0, waitSeconds: 10, serviceSeconds: 0, promise: null }]]);
    const { figures: cells, spreads } = tally([{ seq: ++seq, at: at(700), type: 'ticket.transferred', ticket: 'c', serviceId: 'documents', servedSeconds: 30 }, called('c', 800), finished('c', 45)], known);
    assert.deepEqual(cells.get(cellKey(DAY, 'payment')), figures({ issued: -1, waitCount: -1, waitMs: -10_000 }));
    assert.deepEqual(cells.get(cellKey(DAY, 'documents')), figures({ issued: 1, served: 1, transferred: 1, waitCount: 1, waitMs: 10_000, serviceCount: 1, serviceMs: 75_000 }));
    // The wait's bucket moves with it; the service time is bucketed as a whole (75 s, not 30 + 45).
    assert.deepEqual(spreads.get(cellKey(DAY, 'payment')), { wait: new Map([[10, -1]]), service: new Map(), waitMax: null, serviceMax: null });
    assert.deepEqual(spreads.get(cellKey(DAY, 'documents')), { wait: new Map([[10, 1]]), service: new Map([[75, 1]]), waitMax: 10, serviceMax: 75 });
  });

  it('buckets waits as the office does (5 s below 10 minutes, 30 s below an hour, then a minute), unrounded', () => {
    const events = [issued('h1'), called('h1', 9.9996), issued('h2'), called('h2', 10), issued('h3'), called('h3', 1234.5), issued('h4'), called('h4', 4000)];
    const { spreads, figures: cells } = tally(events, new Map());
    assert.deepEqual(spreads.get(cellKey(DAY, 'payment'))!.wait, new Map([[5, 1], [10, 1], [1230, 1], [3960, 1]]));
    assert.equal(spreads.get(cellKey(DAY, 'payment'))!.waitMax, 4000);
    assert.equal(cells.get(cellKey(DAY, 'payment'))!.waitCount, 4);
  });

  it('compares a called ticket’s wait with the wait it was promised at issue', () => {
    const promised = (ticket: string, seconds: number, low: number, high: number): SyncEvent => ({ seq: ++seq, at: at(0), type: 'ticket.issued', ticket, day: DAY, serviceId: 'request', promise: { seconds, low, high } });
    // Within the range; later than its upper end by more than 5 minutes; earlier than the range.
    const events = [promised('p1', 600, 480, 720), called('p1', 700), promised('p2', 300, 240, 360), called('p2', 700), promised('p3', 900, 800, 1000), called('p3', 100), promised('p4', 60, 30, 90)];
    const c = tally(events, new Map()).figures.get(cellKey(DAY, 'request'))!;
    assert.deepEqual(
      { count: c.promiseCount, within: c.promiseWithin, notLater: c.promiseNotLater, past5: c.promisePastUpperBy5, abs: c.promiseAbsErrorMs, late: c.promiseLatenessMs },
      { count: 3, within: 1, notLater: 2, past5: 1, abs: (100 + 400 + 800) * 1000, late: (100 + 400 - 800) * 1000 },
    );
  });

  it('counts ratings on their own day and service, points on a 1–5 scale times 3', () => {
    const rating = (button: number, buttons: number, serviceId: string | null): SyncEvent => ({ seq: ++seq, at: at(1), type: 'rating.recorded', day: DAY, serviceId, button, buttons });
    const { figures: cells } = tally([rating(3, 3, 'payment'), rating(2, 4, 'payment'), rating(1, 5, null)], new Map());
    // 3 of 3 → 5 points; 2 of 4 → 1 + 4/3 points; 1 of 5 → 1 point.
    assert.deepEqual(cells.get(cellKey(DAY, 'payment')), figures({ ratings: 2, ratingsTopTwo: 1, ratingPoints3: 15 + 7 }));
    assert.deepEqual(cells.get(cellKey(DAY, '')), figures({ ratings: 1, ratingPoints3: 3 }));
  });

  it('leaves out events about tickets it does not hold, and says how many', () => {
    const { figures: cells, orphans } = tally([finished('unknown', 10), plain('ticket.cancelled', 'unknown')], new Map());
    assert.equal(orphans, 2);
    assert.equal(cells.size, 0);
  });
});
