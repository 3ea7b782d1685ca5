// Online conformal calibration of the promised range: every visitor called today adds the error of
// the point estimate they were given at issue, relative to its size, to windows kept per service,
// class (normal or priority) and position in line. The range shown is the point widened by the
// recent errors' quantiles from the most specific window with enough of them, falling back to
// coarser ones, then to a prior. So the range learns from the day itself how wrong the point tends
// to be, for days unlike any seen before. Which quantiles are taken adapts too (adaptive conformal
// inference, Gibbs and Candès 2021): each visitor called below or above the range they were shown
// (rounded, as shown) moves that side's level, so the shown ranges miss as often as the targets allow
// and no more: wide where the day is unpredictable, narrow where it is not.
import { quantile } from './random.js';
import { RecentValues } from './recent.js';

/** Errors are relative to the estimate plus this, so that a short wait's seconds do not dominate. */
export const ERROR_SCALE_SECONDS = 300;
/** Fewer errors than this in a window: ask the next coarser one. */
const MIN_ERRORS = 20;
const WINDOW = 80;

/**
 * Before the day has taught anything: how far off a forward simulation of a counter is, relative to
 * its estimate plus five minutes (from replays of generated days of every kind).
 */
const PRIOR = { low: -0.55, high: 0.75 };

/** Position in line at issue, in buckets: 0, 1–2, 3–5, 6–10, 11–20, 21 and more. */
export function positionBucket(ahead: number): number {
  if (ahead <= 0) return 0;
  if (ahead <= 2) return 1;
  if (ahead <= 5) return 2;
  if (ahead <= 10) return 3;
  if (ahead <= 20) return 4;
  return 5;
}

export interface ErrorBand {
  /** Quantiles of relative error (wait − estimate) ÷ (estimate + ERROR_SCALE_SECONDS). */
  low: number;
  high: number;
  /** Which window answered: 'service', 'class', 'position', 'day' or 'prior'. */
  from: string;
}

/** Shown ranges may be passed by this share of visitors (the slip's promise: rarely)… */
const MISS_ABOVE = 0.07;
/** …and come before their low end this often: inside ≥ 80 % together. */
const MISS_BELOW = 0.1;
/** How far one visitor moves a level (the adaptation's step). */
const STEP = 0.01;

export class Calibration {
  private readonly windows = new Map<string, RecentValues>();
  private lowQuantile = 0.15;
  private highQuantile = 0.9;

  /** A visitor was called: how far their wait was from the estimate they were given. */
  observe(serviceId: string, priority: boolean, bucket: number, estimateSeconds: number, waitedSeconds: number): void {
    const error = (waitedSeconds - estimateSeconds) / (estimateSeconds + ERROR_SCALE_SECONDS);
    for (const key of keysOf(serviceId, priority, bucket)) {
      let window = this.windows.get(key);
      if (!window) this.windows.set(key, (window = new RecentValues(WINDOW)));
      window.push(error);
    }
  }

  /** A visitor was called: whether their wait fell below, inside or above the range they were shown. */
  observeShown(low: number, high: number, waitedSeconds: number): void {
    this.highQuantile = clamp(this.highQuantile + STEP * ((waitedSeconds > high ? 1 : 0) - MISS_ABOVE), 0.5, 0.99);
    this.lowQuantile = clamp(this.lowQuantile - STEP * ((waitedSeconds < low ? 1 : 0) - MISS_BELOW), 0.01, 0.5);
  }

  band(serviceId: string, priority: boolean, bucket: number): ErrorBand {
    const names = ['service', 'class', 'position', 'day'];
    const keys = keysOf(serviceId, priority, bucket);
    for (let i = 0; i < keys.length; i++) {
      const window = this.windows.get(keys[i]!);
      if (!window || window.size < MIN_ERRORS) continue;
      const sorted = window.values().sort((a, b) => a - b);
      return { low: quantile(sorted, this.lowQuantile), high: quantile(sorted, this.highQuantile), from: names[i]! };
    }
    return { ...PRIOR, from: 'prior' };
  }

  /** The range around a point estimate that the band gives, in seconds. */
  range(estimateSeconds: number, band: ErrorBand): { low: number; high: number } {
    const scale = estimateSeconds + ERROR_SCALE_SECONDS;
    return { low: Math.max(0, Math.min(estimateSeconds, estimateSeconds + band.low * scale)), high: Math.max(estimateSeconds, estimateSeconds + band.high * scale) };
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function keysOf(serviceId: string, priority: boolean, bucket: number): string[] {
  const cls = priority ? 'p' : 'n';
  return [`${serviceId}|${cls}|${bucket}`, `${cls}|${bucket}`, `${bucket}`, 'day'];
}
