// Percentiles read from the statistics' histograms (server/stats/aggregate.ts), for the small counts
// a new service or a quiet day has: nearest rank, so p50 ≤ p90 ≤ max, and a few equal waits are
// never reported below their own mean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figuresOf, type GroupAggregate } from '../../server/stats/aggregate.js';
import { bucketWidth } from '../../server/stats/queries.js';

/** A group whose waits are exactly `waits` (seconds), bucketed as the store buckets them. */
function groupOf(waits: number[]): GroupAggregate {
  const histogram = new Map<number, number>();
  for (const wait of waits) {
    const width = wait < 600 ? 5 : wait < 3600 ? 30 : 60; // as bucketSql
    const lower = Math.floor(wait / width) * width;
    histogram.set(lower, (histogram.get(lower) ?? 0) + 1);
  }
  return {
    issued: waits.length, served: waits.length, noShows: 0, cancelled: 0, transferred: 0, withinTarget: 0,
    waitCount: waits.length, waitSum: waits.reduce((a, b) => a + b, 0), waitMax: Math.max(...waits),
    serviceCount: 0, serviceSum: 0, serviceMax: null,
    waitHistogram: [...histogram].flat(), serviceHistogram: [], ratings: [],
  };
}

test('two equal waits: median and p90 are that wait, not the middle of its bucket below the mean', () => {
  const { waitSeconds } = figuresOf(groupOf([9, 9]));
  assert.deepEqual(waitSeconds, { count: 2, mean: 9, p50: 9, p90: 9, max: 9 });
});

test('fewer than ten waits: the p90 is the longest, as nearest rank says', () => {
  const { waitSeconds } = figuresOf(groupOf([40, 75, 300, 1260]));
  assert.equal(waitSeconds.p90, 1260);
  assert.ok(waitSeconds.p90! >= waitSeconds.mean!);
});

test('any small set: p50 ≤ p90 ≤ max, each within a bucket of the exact nearest rank', () => {
  const sets = [[1], [3, 700], [12, 12, 12, 13], [5, 9, 14, 200, 200, 200, 601, 602, 3599, 3700, 4000], Array.from({ length: 25 }, (_, i) => 30 + i * 17)];
  for (const waits of sets) {
    const { p50, p90, max } = figuresOf(groupOf(waits)).waitSeconds;
    const sorted = [...waits].sort((a, b) => a - b);
    const rank = (p: number) => sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
    assert.ok(p50! <= p90! && p90! <= max!, `${waits}: ${p50} ≤ ${p90} ≤ ${max}`);
    for (const [got, p] of [[p50!, 0.5], [p90!, 0.9]] as const) assert.ok(Math.abs(got - rank(p)) <= bucketWidth(rank(p)), `${waits}: p${p * 100} ${got} vs ${rank(p)}`);
  }
});
