// Percentiles across offices, pure: the histograms of several offices added bucket by bucket give
// the percentiles of all their times together, exactly as one office would read them from its own
// tickets; averaging the offices' percentiles would not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitIntoMonths } from '../../server/central/org/indicators.js';
import { SpreadSum } from '../../server/central/org/spreads.js';
import { statsRange } from '../../server/stats/range.js';
import { distributionOf } from '../../server/stats/aggregate.js';
import { bucketOf } from '../../server/stats/queries.js';

/** A deterministic spread of waits: a quiet office, a busy one, one with a few very long waits. */
function waits(office: number, n: number): number[] {
  let x = 12_345 + office * 777;
  const next = () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, () => [30 + next() * 240, 200 + next() * 1500, next() < 0.9 ? 60 + next() * 300 : 3000 + next() * 5000][office]!);
}

function histogramOf(times: number[]): Record<string, number> {
  const h: Record<string, number> = {};
  for (const t of times) h[bucketOf(t)] = (h[bucketOf(t)] ?? 0) + 1;
  return h;
}

describe('percentiles across offices', () => {
  it('equal those of all the times together, read as an office reads its own', () => {
    const offices = [waits(0, 180), waits(1, 420), waits(2, 95)];
    const sum = new SpreadSum();
    for (const times of offices) sum.add(histogramOf(times), Math.max(...times));
    const all = offices.flat();
    const flat = Object.entries(histogramOf(all)).flatMap(([b, n]) => [Number(b), n]);
    const totalMs = all.reduce((s, t) => s + Math.round(t * 1000), 0);
    const expected = distributionOf(all.length, totalMs / 1000, Math.max(...all), flat);
    assert.deepEqual(sum.distribution(all.length, totalMs), expected);

    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const ownP90 = offices.map((times) => {
      const one = new SpreadSum();
      one.add(histogramOf(times), Math.max(...times));
      return one.distribution(times.length, times.reduce((s, t) => s + Math.round(t * 1000), 0)).p90!;
    });
    assert.notEqual(expected.p90, mean(ownP90), 'the mean of the offices’ p90s is not the organisation’s');
  });

  it('gives no percentiles from histograms that miss some of the times counted', () => {
    const sum = new SpreadSum();
    sum.add({ '60': 3 }, 64);
    assert.deepEqual(sum.distribution(5, 5 * 62_000), { count: 5, mean: 62, p50: null, p90: null, max: null });
    assert.deepEqual(new SpreadSum().distribution(0, 0), { count: 0, mean: null, p50: null, p90: null, max: null });
  });

  it('keeps buckets beyond a day', () => {
    const sum = new SpreadSum();
    sum.add({ [bucketOf(90_000)]: 1, '120': 1 }, 90_000);
    assert.equal(sum.distribution(2, 90_120_000).max, 90_000);
    assert.equal(sum.distribution(2, 90_120_000).p90, 90_000);
  });

  it('reads whole Jalali months from the month rows and the days around them from the day rows', () => {
    assert.deepEqual(splitIntoMonths(statsRange('1405-08')), { months: ['1405-08'], days: [] });
    const around = splitIntoMonths(statsRange('1405-07-29', '1405-09-02'));
    assert.deepEqual(around.months, ['1405-08']);
    assert.deepEqual(around.days, ['2026-10-21', '2026-10-22', '2026-11-22', '2026-11-23']);
    assert.deepEqual(splitIntoMonths(statsRange('1405-08-01', '1405-08-29')).months, []);
  });
});
