// npm run bench: runs every test/bench/*.bench.ts (or the ones whose names contain an argument),
// prints a table and writes bench/results.json (figures with the host's details: CPU, cores, RAM,
// Node, SQLite, measured fsync latency, load) and bench/results.md (the same as a readable table).
// A suite that fails is reported as such and the others still run; the exit code tells.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { meetsTarget, type BenchFigure, type BenchModule } from './figure.js';
import { hostDetails } from './lib/host-details.js';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

const host = hostDetails();
process.stderr.write(`host: ${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB, Node ${host.node}, SQLite ${host.sqlite}, fsync p50 ${host.fsyncMs.p50} ms / p99 ${host.fsyncMs.p99} ms, load ${host.load.start}\n`);

type Result = BenchFigure & { suite: string; ok: boolean | null; seconds: number };
const results: Result[] = [];
const failed: Array<{ suite: string; error: string }> = [];
for (const file of files) {
  const suite = file.replace('.bench.ts', '');
  process.stderr.write(`bench ${suite}…\n`);
  const started = performance.now();
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
    const figures = await mod.default();
    const seconds = +((performance.now() - started) / 1000).toFixed(1);
    for (const figure of figures) results.push({ ...figure, suite, ok: meetsTarget(figure), seconds });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    failed.push({ suite, error: message });
    process.stderr.write(`bench ${suite} failed: ${message}\n`);
  }
}
host.load.end = +loadavg()[0]!.toFixed(2);

const header = ['suite', 'figure', 'value', 'target', 'met'];
const rows = results.map((r) => [r.suite, r.name, `${round(r.value)} ${r.unit}`, r.target ? `${r.target.op} ${r.target.value}` : '', r.ok === null ? '' : r.ok ? 'yes' : 'NO']);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
for (const { suite } of failed) console.log(`${suite}: FAILED (see stderr)`);

const at = new Date().toISOString();
const out = join(here, '..', '..', 'bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'results.json'), JSON.stringify({ at, host, results, failed }, null, 2) + '\n');
writeFileSync(join(out, 'results.md'), markdown(at, header, rows));
console.log(`\nwritten ${join(out, 'results.json')} and results.md`);
if (failed.length > 0) process.exitCode = 1;

function markdown(at: string, head: string[], body: string[][]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  return [
    `# nobat bench results`,
    '',
    `${at} on ${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB RAM, ${host.platform} ${host.kernel}; Node ${host.node}, SQLite ${host.sqlite};`,
    `a durable one-row commit (WAL, synchronous=FULL) took p50 ${host.fsyncMs.p50} ms, p99 ${host.fsyncMs.p99} ms; load average ${host.load.start} at the start, ${host.load.end} at the end.`,
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...body.map((row) => `| ${row.map(cell).join(' | ')} |`),
    ...failed.map(({ suite }) => `| ${suite} | FAILED | | | |`),
    '',
  ].join('\n');
}

function round(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
}
