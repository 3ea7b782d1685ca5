// A pair of linked pseudo-terminals made by socat, standing in for a USB serial cable (tests and the
// demo's virtual keypad): whatever is written to one end comes out of the other. Killing socat tears
// both ends down, as unplugging a keypad does; starting it again recreates them under the same paths.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

/** socat is not on this machine; `message` says how to install it. */
export class SocatMissingError extends Error {
  override readonly name = 'SocatMissingError';

  constructor() {
    super('socat is not installed (Debian/Ubuntu: sudo apt-get install socat)');
  }
}

export class SocatPair {
  readonly a: string;
  readonly b: string;
  private socat: ChildProcess | null = null;

  constructor(dir: string) {
    this.a = join(dir, 'a');
    this.b = join(dir, 'b');
  }

  /** Resolves once socat has made both ends and is passing bytes; rejects with SocatMissingError without socat. */
  start(timeoutMs = 5_000): Promise<void> {
    const args = ['-d', '-d', `pty,raw,echo=0,link=${this.a}`, `pty,raw,echo=0,link=${this.b}`];
    // socat outlives a parent killed with SIGKILL; where util-linux's setpriv is at hand, the kernel
    // kills socat with its parent instead, so a crashed server leaves no orphan holding the ptys.
    const socat = hasSetpriv() ? spawn('setpriv', ['--pdeathsig', 'KILL', 'socat', ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
      : spawn('socat', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.socat = socat;
    return new Promise((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(() => fail(new Error(`socat not ready after ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        socat.kill();
        this.socat = null;
        reject(error);
      };
      socat.on('error', (error: NodeJS.ErrnoException) => fail(error.code === 'ENOENT' ? new SocatMissingError() : error));
      // 'close' rather than 'exit': by then stderr has been read to its end.
      socat.on('close', (code) => {
        if (/failed to execute socat/.test(stderr)) fail(new SocatMissingError());
        else fail(new Error(`socat exited (${code}) before it was ready:\n${stderr}`));
      });
      socat.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // socat -d -d logs this once both ptys (and their links) exist.
        if (stderr.includes('starting data transfer loop')) {
          clearTimeout(timer);
          socat.removeAllListeners('close');
          socat.stderr?.removeAllListeners('data');
          socat.stderr?.resume();
          resolve();
        }
      });
    });
  }

  /** socat's process id while it runs. */
  get pid(): number | null {
    return this.socat?.pid ?? null;
  }

  /** Kills socat and resolves once it has exited, so both ends are gone. */
  async stop(): Promise<void> {
    const socat = this.socat;
    this.socat = null;
    if (!socat || socat.exitCode !== null || socat.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      socat.once('exit', () => resolve());
      socat.kill('SIGKILL');
    });
  }
}

let setprivKnown: boolean | undefined;

function hasSetpriv(): boolean {
  if (setprivKnown === undefined) {
    try {
      execFileSync('setpriv', ['--help'], { stdio: 'ignore' });
      setprivKnown = true;
    } catch {
      setprivKnown = false;
    }
  }
  return setprivKnown;
}
