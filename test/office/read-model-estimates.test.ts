// Tracking pages ask for every waiting ticket's estimate each second: the read model must answer
// them from one simulation of the whole line, not one simulation per ticket, and serve a stale
// estimate at once while the fresh one is computed after the answer, in slices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parseOffice } from '../../server/config/load.js';
import { demoOffice } from '../../server/config/demo-office.js';
import { ServiceHistory } from '../../server/estimate/history.js';
import { createNobatEstimator } from '../../server/estimate/nobat.js';
import type { Estimator } from '../../server/estimate/types.js';
import { ReadModel } from '../../server/office/read-model.js';
import { fixture, issue, STAFF } from './fixture.js';

function counting(estimator: Estimator) {
  const calls = { one: 0, all: 0, finished: 0 };
  const counted: Estimator = {
    ...estimator,
    estimate: (input, id) => (calls.one++, estimator.estimate(input, id)),
    estimateAll: (input) => (calls.all++, estimator.estimateAll!(input)),
    inSteps: {
      estimateNew: estimator.inSteps!.estimateNew,
      estimateAll: function* (input) {
        calls.all++;
        const estimates = yield* estimator.inSteps!.estimateAll(input);
        calls.finished++;
        return estimates;
      },
    },
  };
  return { counted, calls };
}

test('every waiting ticket is estimated in one simulation, refreshed once a second after the reads', async () => {
  const { office, db, clock } = fixture();
  const config = parseOffice(demoOffice, 'demo office');
  const { counted, calls } = counting(createNobatEstimator());
  const read = new ReadModel(() => config, office.state, db, { estimator: counted, history: new ServiceHistory({ timeZone: config.timeZone }) }, () => clock.now);
  await office.execute({ type: 'openDesk', deskId: 'desk-1', staffId: 's1' }, STAFF);
  const ids = Array.from({ length: 40 }, (_, i) => `ticket-${String(i).padStart(4, '0')}`);
  for (const id of ids) await issue(office, id);

  const first = ids.map((id) => read.ticket(id)!);
  assert.deepEqual(calls, { one: 0, all: 1, finished: 0 });
  // Later tickets wait longer: the estimates belong to their own tickets. The first, with the desk
  // free and nobody ahead, is told it is next rather than a number.
  assert.equal(first[0]!.waitNote, 'next');
  assert.equal(first[0]!.estimatedWait, null);
  assert.ok(first.at(-1)!.estimatedWaitSeconds! > first[1]!.estimatedWaitSeconds!);

  // Past any estimate's reuse time (20 × its cost, which a loaded machine stretches to seconds).
  clock.advance(120);
  const stale = ids.map((id) => read.ticket(id)!.estimatedWaitSeconds);
  assert.deepEqual(stale, first.map((view) => view.estimatedWaitSeconds), 'a stale estimate is served at once');
  assert.deepEqual(calls, { one: 0, all: 1, finished: 0 }, 'and not computed while answering');
  // The refresh runs after the answers, a slice of a few milliseconds per turn.
  for (let turn = 0; turn < 10_000 && calls.finished === 0; turn++) await nextTurn();
  assert.deepEqual(calls, { one: 0, all: 2, finished: 1 }, 'one simulation refreshes them all');
  clock.advance(0.5);
  ids.forEach((id) => read.ticket(id));
  await nextTurn();
  assert.deepEqual(calls, { one: 0, all: 2, finished: 1 }, 'and nothing is computed again while it is fresh');
});
