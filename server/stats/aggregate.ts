// The statistics of a span of days as sums, maxima and histograms per group: what SQL returns for a
// range, what is kept per closed day (days.ts), and what adds up across days into a month or a year.
// Means and percentiles are read from it only at the end. Pure apart from `aggregateRange`.
import type { OfficeConfig } from '../config/schema.js';
import type { Db } from '../store/open.js';
import { bucketWidth, countsBy, histogramsBy, keypadsReporting, longestQueueBy, promiseSums, ratingsBy, type Counts, type GroupKey, type PromiseSums, type Range } from './queries.js';
import type { Distribution, Figures, RatingSummary } from './types.js';

/** A histogram as [lower bound, count, lower bound, count, …] (compact as JSON). */
export type Histogram = number[];

export interface GroupAggregate extends Counts {
  waitHistogram: Histogram;
  serviceHistogram: Histogram;
  /** [placement (0 desk, 1 exit), buttons, button, count, …] */
  ratings: number[];
  /** Service and total groups: the most tickets waiting at once. */
  longestQueue?: number;
}

export interface Aggregate {
  groups: Record<GroupKey, Record<string, GroupAggregate>>;
  promise: PromiseSums;
  keypads: { desk: string[]; exit: string[] };
}

const GROUP_KEYS: readonly GroupKey[] = ['service', 'desk', 'staff', 'hour', 'day', 'total'];

/** Everything counted over a range of days, straight from the tickets and ratings tables. */
export function aggregateRange(db: Db, config: OfficeConfig, range: Range): Aggregate {
  const groups = {} as Aggregate['groups'];
  for (const by of GROUP_KEYS) {
    const counts = countsBy(db, config, range, by);
    const waits = histogramsBy(db, range, by, 'wait');
    const services = histogramsBy(db, range, by, 'service');
    const queues = by === 'service' || by === 'total' ? longestQueueBy(db, range, by) : undefined;
    const byKey: Record<string, GroupAggregate> = {};
    for (const [key, c] of counts) {
      byKey[key] = { ...c, waitHistogram: flatten(waits.get(key)), serviceHistogram: flatten(services.get(key)), ratings: [], ...(queues ? { longestQueue: queues.get(key) ?? 0 } : {}) };
    }
    for (const r of ratingsBy(db, range, by)) (byKey[r.k] ??= emptyGroup()).ratings.push(r.kind === 'desk' ? 0 : 1, r.buttons, r.button, r.n);
    groups[by] = byKey;
  }
  return { groups, promise: promiseSums(db, range), keypads: keypadsReporting(db, range) };
}

/** The sum of several aggregates (days into a month): counts add, maxima take the larger, histograms merge. */
export function sumAggregates(parts: readonly Aggregate[]): Aggregate {
  const total = emptyAggregate();
  for (const by of GROUP_KEYS) {
    const merged = new Map<string, Merging>();
    for (const part of parts) {
      for (const [key, group] of Object.entries(part.groups[by])) {
        let target = merged.get(key);
        if (!target) merged.set(key, (target = merging()));
        mergeGroup(target, group);
      }
    }
    for (const [key, m] of merged) total.groups[by][key] = { ...m.counts, waitHistogram: [...m.wait].flat(), serviceHistogram: [...m.service].flat(), ratings: flattenRatings(m.ratings), ...(m.longestQueue === undefined ? {} : { longestQueue: m.longestQueue }) };
  }
  const desk = new Set<string>();
  const exit = new Set<string>();
  for (const { promise: p, keypads } of parts) {
    const t = total.promise;
    total.promise = { count: t.count + p.count, withinRange: t.withinRange + p.withinRange, notLater: t.notLater + p.notLater, pastUpperBy5: t.pastUpperBy5 + p.pastUpperBy5, absoluteErrorSum: t.absoluteErrorSum + p.absoluteErrorSum, latenessSum: t.latenessSum + p.latenessSum };
    for (const id of keypads.desk) desk.add(id);
    for (const id of keypads.exit) exit.add(id);
  }
  total.keypads = { desk: [...desk], exit: [...exit] };
  return total;
}

interface Merging {
  counts: Counts;
  wait: Map<number, number>;
  service: Map<number, number>;
  /** Count per placement × 100 + buttons × 10 + button. */
  ratings: Map<number, number>;
  longestQueue?: number;
}

function merging(): Merging {
  const { waitHistogram: _w, serviceHistogram: _s, ratings: _r, ...counts } = emptyGroup();
  return { counts, wait: new Map(), service: new Map(), ratings: new Map() };
}

function mergeGroup(m: Merging, g: GroupAggregate): void {
  const c = m.counts;
  c.issued += g.issued;
  c.served += g.served;
  c.noShows += g.noShows;
  c.cancelled += g.cancelled;
  c.transferred += g.transferred;
  c.withinTarget += g.withinTarget;
  c.waitCount += g.waitCount;
  c.waitSum += g.waitSum;
  c.waitMax = maxOf(c.waitMax, g.waitMax);
  c.serviceCount += g.serviceCount;
  c.serviceSum += g.serviceSum;
  c.serviceMax = maxOf(c.serviceMax, g.serviceMax);
  addInto(m.wait, g.waitHistogram, 2);
  addInto(m.service, g.serviceHistogram, 2);
  for (let i = 0; i < g.ratings.length; i += 4) {
    const key = g.ratings[i]! * 100 + g.ratings[i + 1]! * 10 + g.ratings[i + 2]!;
    m.ratings.set(key, (m.ratings.get(key) ?? 0) + g.ratings[i + 3]!);
  }
  if (g.longestQueue !== undefined) m.longestQueue = Math.max(m.longestQueue ?? 0, g.longestQueue);
}

function addInto(sum: Map<number, number>, histogram: Histogram, stride: number): void {
  for (let i = 0; i < histogram.length; i += stride) sum.set(histogram[i]!, (sum.get(histogram[i]!) ?? 0) + histogram[i + 1]!);
}

function flattenRatings(ratings: Map<number, number>): number[] {
  return [...ratings].flatMap(([key, n]) => [Math.floor(key / 100), Math.floor(key / 10) % 10, key % 10, n]);
}

export function emptyAggregate(): Aggregate {
  return {
    groups: { service: {}, desk: {}, staff: {}, hour: {}, day: {}, total: {} },
    promise: { count: 0, withinRange: 0, notLater: 0, pastUpperBy5: 0, absoluteErrorSum: 0, latenessSum: 0 },
    keypads: { desk: [], exit: [] },
  };
}

/** The figures the API reports, from a group's sums and histograms. */
export function figuresOf(group: GroupAggregate | undefined): Figures {
  const g = group ?? emptyGroup();
  return {
    issued: g.issued,
    served: g.served,
    noShows: g.noShows,
    cancelled: g.cancelled,
    transferred: g.transferred,
    waitSeconds: distributionOf(g.waitCount, g.waitSum, g.waitMax, g.waitHistogram),
    serviceSeconds: distributionOf(g.serviceCount, g.serviceSum, g.serviceMax, g.serviceHistogram),
    withinTargetShare: g.waitCount > 0 ? g.withinTarget / g.waitCount : null,
    ratings: ratingSummary(g.ratings),
  };
}

/** Presses per button for each keypad size, the share on the two best buttons, the mean on 1–5. */
export function ratingSummary(ratings: number[]): RatingSummary {
  const distribution: RatingSummary['distribution'] = [];
  let count = 0;
  let topTwo = 0;
  let points = 0;
  for (let i = 0; i < ratings.length; i += 4) {
    const [buttons, button, n] = [ratings[i + 1]!, ratings[i + 2]!, ratings[i + 3]!];
    let sized = distribution.find((d) => d.buttons === buttons);
    if (!sized) distribution.push((sized = { buttons, counts: new Array<number>(buttons).fill(0) }));
    sized.counts[button - 1] = (sized.counts[button - 1] ?? 0) + n;
    count += n;
    if (button >= buttons - 1) topTwo += n;
    points += n * (1 + ((button - 1) * 4) / (buttons - 1));
  }
  distribution.sort((a, b) => a.buttons - b.buttons);
  return { count, distribution, topTwoShare: count ? topTwo / count : null, meanOutOf5: count ? points / count : null };
}

/** Presses by keypad placement and the keypad sizes seen. */
export function ratingPlacements(ratings: number[]): { byKind: { desk: number; exit: number }; buttons: number[] } {
  const byKind = { desk: 0, exit: 0 };
  const sizes = new Set<number>();
  for (let i = 0; i < ratings.length; i += 4) {
    byKind[ratings[i] === 0 ? 'desk' : 'exit'] += ratings[i + 3]!;
    sizes.add(ratings[i + 1]!);
  }
  return { byKind, buttons: [...sizes].sort((a, b) => a - b) };
}

/**
 * Mean and maximum exactly; the median and 90th percentile by nearest rank, read from the bucket
 * that holds that rank: its middle, except in the maximum's bucket, where it is the maximum. A
 * bucket's middle would put a few equal times (two waits of 9 s: bucket 5–10 s) below their own
 * mean; the maximum is within a bucket of the truth, like the middle. So p50 ≤ p90 ≤ max always,
 * and with fewer than 10 times the p90 is the longest one, as nearest rank says.
 */
export function distributionOf(count: number, sum: number, max: number | null, histogram: Histogram): Distribution {
  if (count === 0 || max === null) return { count: 0, mean: null, p50: null, p90: null, max: null };
  const buckets: Array<[number, number]> = [];
  for (let i = 0; i < histogram.length; i += 2) buckets.push([histogram[i]!, histogram[i + 1]!]);
  buckets.sort((a, b) => a[0] - b[0]);
  const at = (p: number) => {
    const rank = Math.max(1, Math.ceil(p * count));
    let seen = 0;
    for (const [lower, n] of buckets) {
      seen += n;
      if (seen < rank) continue;
      return max < lower + bucketWidth(lower) ? max : lower + bucketWidth(lower) / 2;
    }
    return max;
  };
  return { count, mean: sum / count, p50: at(0.5), p90: at(0.9), max };
}




function flatten(histogram: Map<number, number> | undefined): Histogram {
  return histogram ? [...histogram].flat() : [];
}


function emptyGroup(): GroupAggregate {
  return {
    issued: 0, served: 0, noShows: 0, cancelled: 0, transferred: 0, withinTarget: 0,
    waitCount: 0, waitSum: 0, waitMax: null, serviceCount: 0, serviceSum: 0, serviceMax: null,
    waitHistogram: [], serviceHistogram: [], ratings: [],
  };
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

