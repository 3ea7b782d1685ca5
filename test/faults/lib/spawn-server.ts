// Runs the real `nobat start` as a child process on a free port, waits for it by polling
// /api/v1/health, and kills it (SIGKILL, like a power cut) or stops it; every child is tracked so
// that an `after` hook can end them all even when a test fails half-way. The child is the server
// itself, started with its memory settings as `npm start` starts it; `bare` starts
// `node bin/nobat.js start` without them, as a service unit might, so the child is the parent that
// runs the server again with them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import memorySettings from '../../../bin/memory-settings.json' with { type: 'json' };

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const live = new Set<ChildProcess>();

export interface SpawnedServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** The last lines the server wrote, for failure messages. */
  output(): string;
  /** SIGKILL, then waits until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean shutdown), SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** A port nothing listens on right now (the kernel's pick), for the child to bind. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface SpawnOptions {
  /** The port to listen on, e.g. the port of the server killed a moment ago; a free one when absent. */
  port?: number;
  readyWithinMs?: number;
  /** The office file to start with (`--office`); none when absent. */
  office?: string;
  /** `node bin/nobat.js start` with none of the memory settings given. */
  bare?: boolean;
}

export async function spawnServer(dataDir: string, { port: wanted, readyWithinMs = 20_000, office, bare = false }: SpawnOptions = {}): Promise<SpawnedServer> {
  const port = wanted ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env, NOBAT_OFFICE: '', PORT: '', ...(bare ? {} : memorySettings.env) };
  if (bare) for (const name of [...Object.keys(memorySettings.env), 'NODE_OPTIONS']) delete env[name];
  const nodeFlags = bare ? [] : memorySettings.nodeFlags;
  const child = spawn(process.execPath, [...nodeFlags, 'bin/nobat.js', 'start', '--port', String(port), '--data', dataDir, ...(office ? ['--office', office] : [])], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => live.delete(child));
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  const url = `http://127.0.0.1:${port}`;
  const server: SpawnedServer = {
    url,
    port,
    pid: child.pid ?? -1,
    output: () => tail,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async (graceMs = 5_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`nobat exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail}`);
    }
    if (await healthy(url)) return server;
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`nobat was not healthy within ${readyWithinMs} ms:\n${tail}`);
    }
    // Poll again on the next timer tick: readiness is the health answer, never the passing of time.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(1_000) });
    const body = (await response.json()) as { ok?: unknown };
    return response.status === 200 && body.ok === true;
  } catch {
    return false;
  }
}

/** Kills every child still running; for `after` hooks. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  live.clear();
}
