// The histograms of many office-day cells added into one per group (an office, a service, the
// whole scope), and the percentiles read from them exactly as an office reads its own: the same
// buckets, the same nearest rank, so that one office's figures at central equal its own report.
import { distributionOf } from '../../stats/aggregate.js';
import type { Distribution } from '../../stats/types.js';

/** Buckets below a day, by index: 5 s up to 10 minutes, 30 s up to an hour, a minute up to 24 hours. */
const DENSE = 120 + 100 + 1380;

function indexOf(bucket: number): number {
  return bucket < 600 ? bucket / 5 : bucket < 3600 ? 120 + (bucket - 600) / 30 : 220 + (bucket - 3600) / 60;
}

function bucketAt(index: number): number {
  return index < 120 ? index * 5 : index < 220 ? 600 + (index - 120) * 30 : 3600 + (index - 220) * 60;
}

/** One group's histogram being added up, and the largest time in it. */
export class SpreadSum {
  private readonly dense = new Float64Array(DENSE);
  /** Buckets of a day or more (a wait cannot be; a service time hardly). */
  private readonly beyond = new Map<number, number>();
  max: number | null = null;

  /** Adds a cell's histogram as stored ({"lower bound": count}) and its maximum. */
  add(histogram: Record<string, number>, max: number | null): void {
    for (const key in histogram) {
      const bucket = Number(key);
      const index = indexOf(bucket);
      if (index < DENSE) this.dense[index]! += histogram[key]!;
      else this.beyond.set(bucket, (this.beyond.get(bucket) ?? 0) + histogram[key]!);
    }
    if (max !== null && (this.max === null || max > this.max)) this.max = max;
  }

  /** The distribution of `count` times summing to `sumMs`: percentiles from the histogram, or none if the cells had none (synced before histograms were kept). */
  distribution(count: number, sumMs: number): Distribution {
    const histogram: number[] = [];
    let counted = 0;
    for (let i = 0; i < DENSE; i++) {
      if (this.dense[i] === 0) continue;
      histogram.push(bucketAt(i), this.dense[i]!);
      counted += this.dense[i]!;
    }
    for (const [bucket, n] of this.beyond) {
      histogram.push(bucket, n);
      counted += n;
    }
    if (count === 0) return { count: 0, mean: null, p50: null, p90: null, max: null };
    // Percentiles only from a histogram that holds every time counted: a partial one would mislead.
    if (counted !== count || this.max === null) return { count, mean: sumMs / count / 1000, p50: null, p90: null, max: null };
    return distributionOf(count, sumMs / 1000, this.max, histogram);
  }
}
