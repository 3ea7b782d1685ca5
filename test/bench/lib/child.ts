// Starts lib/host.ts in a child process and talks to it: the server's URL, its start time, its
// memory on request, and closing it.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

export async function startHost(mode: 'nobat' | 'bare'): Promise<Host> {
  const execArgv = ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  const child = fork(entry, [mode], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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
