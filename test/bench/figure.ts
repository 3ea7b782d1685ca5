// One measured figure of `npm run bench`, with the design's target beside it where there is one.
export interface BenchFigure {
  /** What was measured, e.g. "issue a ticket, 100 concurrent kiosks, p99". */
  name: string;
  value: number;
  unit: string;
  /** The design's target, with its direction: "<= 15" or ">= 2000". */
  target?: { op: '<=' | '>='; value: number };
  /** Anything a reader needs to reproduce or judge the figure. */
  detail?: string;
}

export type BenchModule = { default: () => Promise<BenchFigure[]> };

export function meetsTarget(figure: BenchFigure): boolean | null {
  if (!figure.target) return null;
  return figure.target.op === '<=' ? figure.value <= figure.target.value : figure.value >= figure.target.value;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
