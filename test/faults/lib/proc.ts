// What Linux's /proc says about the processes a test started: command lines, environments, parents.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Resolves once `check` gives a value, polling; a deadline instead of a sleep. */
export async function until<T>(check: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const isGone = (pid: number): boolean => !existsSync(`/proc/${pid}`);

/** The process's arguments, its program first; empty once it is gone. */
export function cmdlineOf(pid: number): string[] {
  return readProc(pid, 'cmdline').split('\0').filter((word) => word !== '');
}

export function environOf(pid: number): Record<string, string> {
  const pairs = readProc(pid, 'environ').split('\0').filter((entry) => entry.includes('='));
  return Object.fromEntries(pairs.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

export function parentOf(pid: number): number | null {
  const stat = readProc(pid, 'stat');
  return stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : null;
}

/** Running processes whose command line mentions `text`. */
export function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => readProc(pid, 'cmdline').includes(text));
}

export function childrenOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => parentOf(pid) === parent);
}

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'latin1');
  } catch {
    return '';
  }
}
