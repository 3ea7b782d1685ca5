// Starts lib/host.ts in a child process and talks to it: the server's URL, its start time, its
// memory on request, and closing it.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import memorySettings from '../../../bin/memory-settings.json' with { type: 'json' };
import type { HostReply, HostRequest } from './host-protocol.js';

export interface Host {
  url: string;
  /** startServer() (or listen(), for the bare server) until listening, in the child, ms. */
  startMs: number;
  pid: number;
  stats(): Promise<Extract<HostReply, { type: 'stats' }>>;
  close(): Promise<void>;
}

const entry = fileURLToPath(new URL('./host.ts', import.meta.url));

/** NOBAT_BENCH_PROFILE=<dir> writes a V8 CPU profile of each server child there (node --cpu-prof). */
const profileDir = process.env.NOBAT_BENCH_PROFILE;

export interface HostOptions {
  /** false: the server has no ticket printer (see ServerOptions.printer). */
  print?: boolean;
}

export async function startHost(mode: 'nobat' | 'bare', options: HostOptions = {}): Promise<Host> {
  const start = startCommand();
  const execArgv = [...start.nodeFlags, '--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  const env = { ...process.env, ...start.env };
  const child = fork(entry, [mode, JSON.stringify(options)], { execArgv, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await reply(child, 'ready');
  return {
    url: ready.url,
    startMs: ready.startMs,
    pid: child.pid!,
    stats: () => {
      const answer = reply(child, 'stats');
      child.send({ type: 'stats' } satisfies HostRequest);
      return answer;
    },
    close: () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'close' } satisfies HostRequest);
      return exited;
    },
  };
}

/**
 * The memory settings every `nobat start` runs with (bin/memory-settings.json), so that the bench
 * measures the server as it is run: glibc's malloc tuned for scrypt's 16 MB blocks (arenas, mmap
 * threshold) and V8's young generation kept small.
 */
export function startCommand(): { env: Record<string, string>; nodeFlags: string[] } {
  return { env: { ...memorySettings.env }, nodeFlags: [...memorySettings.nodeFlags] };
}

function reply<T extends HostReply['type']>(child: ChildProcess, type: T): Promise<Extract<HostReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`bench host exited (${code}) before '${type}'`));
    const onMessage = (message: HostReply) => {
      if (message.type !== type) return;
      child.off('message', onMessage).off('exit', onExit);
      resolve(message as Extract<HostReply, { type: T }>);
    };
    child.on('message', onMessage).once('exit', onExit);
  });
}
