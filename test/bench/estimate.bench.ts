// Wait-time estimation: MAE of nobat, QL and LES over the six sample traces, nobat's improvement
// over the best classic predictor (design §7: at least 25 % lower), and the time one estimate takes.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchFigure } from './figure.js';
import { replayTrace, type ReplayRow } from '../../server/estimate/replay.js';
import { improvementOverBest, scoreRows } from '../../server/estimate/score.js';
import { lesEstimator } from '../../server/estimate/les.js';
import { qlEstimator } from '../../server/estimate/ql.js';
import { createNobatEstimator } from '../../server/estimate/nobat.js';
import type { Estimator } from '../../server/estimate/types.js';
import { SAMPLE_TRACES } from '../fixtures/traces.js';

const TRACES = process.env.NOBAT_TRACES ?? SAMPLE_TRACES;

export default async (): Promise<BenchFigure[]> => {
  const files = readdirSync(TRACES).filter((f) => f.endsWith('.jsonl')).sort();
  const nobat = timed(createNobatEstimator());
  const ql = timed(qlEstimator);
  const les = timed(lesEstimator);
  const estimators = [nobat.estimator, ql.estimator, les.estimator];
  const rows: ReplayRow[] = [];
  for (const file of files) rows.push(...replayTrace(readFileSync(join(TRACES, file), 'utf8'), { estimators }).visitors);
  const scores = scoreRows(rows, estimators);
  const detail = `${files.length} traces (${files.map((f) => f.replace('.jsonl', '')).join(', ')}), ${scores[0]?.served ?? 0} served visitors`;
  const nobatScore = scores.find((s) => s.estimator === 'nobat')!;
  return [
    ...scores.map((s) => ({ name: `MAE, ${s.estimator}`, value: s.maeMinutes, unit: 'min', detail })),
    { name: 'nobat MAE lower than the best classic (QL, LES)', value: improvementOverBest(scores, 'nobat'), unit: '%', target: { op: '>=', value: 25 }, detail },
    { name: 'nobat under-promise rate (waited > 5 min longer than told)', value: nobatScore.underPromiseShare * 100, unit: '%', detail },
    { name: 'nobat range coverage', value: (nobatScore.coverage ?? 0) * 100, unit: '%', detail: `mean width ${nobatScore.meanWidthMinutes?.toFixed(1)} min` },
    { name: 'estimate time per call, nobat', value: nobat.microsPerCall(), unit: 'µs', detail: 'mean over every issue in the six replays' },
    { name: 'estimate time per call, QL', value: ql.microsPerCall(), unit: 'µs' },
    { name: 'estimate time per call, LES', value: les.microsPerCall(), unit: 'µs' },
  ];
};

function timed(inner: Estimator): { estimator: Estimator; microsPerCall(): number } {
  let calls = 0;
  let ms = 0;
  const estimator: Estimator = {
    ...inner,
    estimate(input, ticketId) {
      const start = performance.now();
      const result = inner.estimate(input, ticketId);
      ms += performance.now() - start;
      calls++;
      return result;
    },
  };
  return { estimator, microsPerCall: () => (calls === 0 ? NaN : (ms * 1000) / calls) };
}
