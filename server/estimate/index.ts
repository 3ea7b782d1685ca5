// Wait-time estimation: the history estimators learn from, the nobat estimator and the classic
// baselines, and the replay that judges them on office-day traces.
export type { Estimator, EstimateInput, WaitEstimate } from './types.js';
export { ServiceHistory, type HistoryOptions } from './history.js';
export { qlEstimator } from './ql.js';
export { lesEstimator } from './les.js';
export { createNobatEstimator, type NobatOptions } from './nobat.js';
export { replayTrace, defaultEstimators, type ReplayRow, type ReplayResult, type ReplayOptions } from './replay.js';
export { scoreRows, formatScoreTable, improvementOverBest, type ScoreRow } from './score.js';
export { generateTrace, SCENARIOS, type Scenario, type GenerateOptions } from './generate.js';
export { parseTrace, traceToJsonLines, type Trace, type TraceLine } from './trace.js';
export { runReplayCommand } from './replay-command.js';
