// `nobat replay <trace> --out <file>`: replays one office-day trace, writes one JSON line per visitor
// when asked, and returns the score table for the terminal.
import { readFileSync, writeFileSync } from 'node:fs';
import { replayTrace } from './replay.js';
import { formatScoreTable, improvementOverBest } from './score.js';

export function runReplayCommand(tracePath: string, outPath?: string): string {
  const result = replayTrace(readFileSync(tracePath, 'utf8'));
  if (outPath) {
    const lines = result.visitors.map((row) => JSON.stringify(row));
    writeFileSync(outPath, lines.join('\n') + '\n');
  }
  const improvement = improvementOverBest(result.scores, 'nobat');
  const title = `${result.office.scenario} (${tracePath}): ${result.visitors.length} visitors`;
  return formatScoreTable(result.scores, title) + `nobat MAE vs best classic: ${improvement.toFixed(1)}% lower\n`;
}
