// The machine a bench ran on, written beside its figures: CPU, cores, memory, Node, SQLite, and
// how long a durable commit (fsync) takes on the disk the benches write to, which bounds every
// figure that commits.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, hostname, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { PRAGMAS } from '../../../server/store/open.js';
import { percentile } from '../figure.js';

export interface HostDetails {
  hostname: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  sqlite: string;
  platform: string;
  kernel: string;
  /** One-row commits with the server's PRAGMAS (WAL, synchronous=FULL) in the temporary directory, ms. */
  fsyncMs: { p50: number; p99: number; commits: number };
  /** Load average over 1 minute when the bench started and when it ended: other work on the machine. */
  load: { start: number; end?: number };
}

export function hostDetails(): HostDetails {
  const dir = mkdtempSync(join(tmpdir(), 'nobat-bench-fsync-'));
  const db = new Database(join(dir, 'fsync.db'));
  try {
    for (const pragma of PRAGMAS) db.pragma(pragma);
    const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    db.exec('CREATE TABLE t (x INTEGER)');
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const started = performance.now();
      insert.run(i);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return {
      hostname: hostname(),
      cpu: cpuModel(),
      cores: cpus().length,
      memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
      node: process.version,
      sqlite,
      platform: process.platform,
      kernel: release(),
      fsyncMs: { p50: +percentile(times, 50).toFixed(2), p99: +percentile(times, 99).toFixed(2), commits: times.length },
      load: { start: +loadavg()[0]!.toFixed(2) },
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The full model name: os.cpus() gives it on Linux, /proc/cpuinfo when it does not. */
function cpuModel(): string {
  const model = cpus()[0]?.model?.trim();
  if (model && model !== 'unknown') return model;
  try {
    return /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
