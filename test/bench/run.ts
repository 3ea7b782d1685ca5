// npm run bench: runs every test/bench/*.bench.ts (or the ones named on the command line), prints a
// table and writes bench/results.json with the host's details beside the figures.
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, hostname } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { meetsTarget, type BenchFigure, type BenchModule } from './figure.js';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

const results: Array<BenchFigure & { suite: string; ok: boolean | null }> = [];
for (const file of files) {
  const suite = file.replace('.bench.ts', '');
  process.stderr.write(`bench ${suite}…\n`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  for (const figure of await mod.default()) results.push({ ...figure, suite, ok: meetsTarget(figure) });
}

const rows = results.map((r) => [
  r.suite,
  r.name,
  `${round(r.value)} ${r.unit}`,
  r.target ? `${r.target.op} ${r.target.value}` : '',
  r.ok === null ? '' : r.ok ? 'yes' : 'NO',
]);
const header = ['suite', 'figure', 'value', 'target', 'met'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));

const host = { hostname: hostname(), cpu: cpus()[0]?.model, cores: cpus().length, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, platform: process.platform };
const out = join(here, '..', '..', 'bench', 'results.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), host, results }, null, 2) + '\n');
console.log(`\nwritten ${out}`);

function round(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
}
