// Scores of each estimator over replayed visitors, as test/fixtures/traces/README.md defines them:
// served visitors only (no-shows are counted apart), errors in minutes, and the under-promise rate,
// since waiting longer than promised hurts far more than waiting less.
import type { ReplayRow } from './replay.js';
import type { Estimator } from './types.js';

export interface ScoreRow {
  estimator: string;
  /** Served visitors scored. */
  served: number;
  /** Visitors who had left when called: not scored. */
  noShows: number;
  maeMinutes: number;
  rmseMinutes: number;
  /** Mean of estimate minus wait, minutes: positive over-promises the wait (tells more than it was). */
  biasMinutes: number;
  /** Share whose wait fell within max(3 min, 20 % of the estimate) of the estimate. */
  withinShare: number;
  /** Share who waited more than 5 minutes longer than told. */
  underPromiseShare: number;
  /** For ranged estimators: share whose wait fell inside the range, and its mean width in minutes. */
  coverage: number | null;
  meanWidthMinutes: number | null;
  /** For ranged estimators: share who waited more than 5 minutes past the range's upper end. */
  pastUpperShare: number | null;
  /** For ranged estimators: mean 80 % interval (Winkler) score in minutes, width plus 10 × each miss. */
  intervalScoreMinutes: number | null;
}

const WITHIN_FLOOR_SECONDS = 180;
const WITHIN_SHARE = 0.2;
const UNDER_PROMISE_SECONDS = 300;
/** The interval score of a central 80 % interval charges 2 ÷ 0.2 per unit outside it. */
const INTERVAL_PENALTY = 2 / 0.2;

export function scoreRows(rows: readonly ReplayRow[], estimators: readonly Pick<Estimator, 'name' | 'ranged'>[]): ScoreRow[] {
  const served = rows.filter((r) => r.outcome === 'served' && r.waitSeconds !== null);
  const noShows = rows.filter((r) => r.outcome === 'no_show').length;
  return estimators.map(({ name, ranged }) => {
    let absSum = 0;
    let sqSum = 0;
    let errSum = 0;
    let within = 0;
    let under = 0;
    let covered = 0;
    let widthSum = 0;
    let pastUpper = 0;
    let intervalSum = 0;
    for (const row of served) {
      const wait = row.waitSeconds!;
      const estimate = row.estimates[name] ?? 0;
      const error = estimate - wait;
      absSum += Math.abs(error);
      sqSum += error * error;
      errSum += error;
      if (Math.abs(error) <= Math.max(WITHIN_FLOOR_SECONDS, WITHIN_SHARE * estimate)) within++;
      if (wait - estimate > UNDER_PROMISE_SECONDS) under++;
      const range = row.ranges[name];
      if (range) {
        if (wait >= range.low && wait <= range.high) covered++;
        widthSum += range.high - range.low;
        if (wait > range.high + UNDER_PROMISE_SECONDS) pastUpper++;
        intervalSum += range.high - range.low + INTERVAL_PENALTY * (Math.max(0, range.low - wait) + Math.max(0, wait - range.high));
      }
    }
    const n = served.length;
    const share = (count: number) => (n === 0 ? 0 : count / n);
    return {
      estimator: name,
      served: n,
      noShows,
      maeMinutes: share(absSum) / 60,
      rmseMinutes: Math.sqrt(share(sqSum)) / 60,
      biasMinutes: share(errSum) / 60,
      withinShare: share(within),
      underPromiseShare: share(under),
      coverage: ranged ? share(covered) : null,
      meanWidthMinutes: ranged ? share(widthSum) / 60 : null,
      pastUpperShare: ranged ? share(pastUpper) : null,
      intervalScoreMinutes: ranged ? share(intervalSum) / 60 : null,
    };
  });
}

/** MAE improvement of one estimator over the best of the others, in per cent (positive is better). */
export function improvementOverBest(scores: readonly ScoreRow[], estimator: string): number {
  const own = scores.find((s) => s.estimator === estimator);
  const others = scores.filter((s) => s.estimator !== estimator);
  if (!own || others.length === 0) return NaN;
  const best = Math.min(...others.map((s) => s.maeMinutes));
  return best === 0 ? NaN : (1 - own.maeMinutes / best) * 100;
}

/** A plain-text table, one line per estimator, for the terminal and reports. */
export function formatScoreTable(scores: readonly ScoreRow[], title?: string): string {
  const header = ['estimator', 'served', 'no-show', 'MAE min', 'RMSE min', 'bias min', 'within', 'under>5m', 'coverage', 'width min'];
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const rows = scores.map((s) => [
    s.estimator,
    String(s.served),
    String(s.noShows),
    s.maeMinutes.toFixed(2),
    s.rmseMinutes.toFixed(2),
    (s.biasMinutes >= 0 ? '+' : '') + s.biasMinutes.toFixed(2),
    pct(s.withinShare),
    pct(s.underPromiseShare),
    s.coverage === null ? '-' : pct(s.coverage),
    s.meanWidthMinutes === null ? '-' : s.meanWidthMinutes.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const lines = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  return (title ? `${title}\n` : '') + lines.join('\n') + '\n';
}
