// Runs the real `nobat central` as a child process on a port, waits for /api/v1/ready, and kills it
// (SIGKILL) or stops it; and runs the central and office commands (`nobat central office add`,
// `nobat join`, …) as an operator would, returning what they printed.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../faults/lib/spawn-server.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const live = new Set<ChildProcess>();

export interface SpawnedCentral {
  readonly url: string;
  readonly port: number;
  output(): string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function spawnCentral(databaseUrl: string, wantedPort?: number): Promise<SpawnedCentral> {
  const port = wantedPort ?? (await freePort());
  const child = spawn(process.execPath, ['bin/nobat.js', 'central', '--port', String(port)], {
    cwd: REPO,
    env: { ...process.env, NOBAT_DATABASE_URL: databaseUrl, PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => live.delete(child));
  let tail = '';
  const keep = (chunk: Buffer) => void (tail = (tail + chunk.toString('utf8')).slice(-8000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const central: SpawnedCentral = {
    url,
    port,
    output: () => tail,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`nobat central exited before it was ready:\n${tail}`);
    if (await ready(url)) return central;
    if (Date.now() > deadline) {
      await central.kill();
      throw new Error(`nobat central was not ready within 60 s:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function ready(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/v1/ready`, { signal: AbortSignal.timeout(1_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Runs `nobat <args>` to its end; rejects with its output when it fails. */
export function nobat(args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['bin/nobat.js', ...args], { cwd: REPO, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`nobat ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

export async function killAllCentrals(): Promise<void> {
  await Promise.all([...live].map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  })));
}
