// A pair of linked pseudo-terminals made by socat, standing in for a USB serial cable in tests:
// whatever is written to one end comes out of the other. Killing socat tears both ends down, as
// unplugging a keypad does; starting it again recreates them under the same paths.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export class SocatPair {
  readonly a: string;
  readonly b: string;
  private socat: ChildProcess | null = null;

  constructor(dir: string) {
    this.a = join(dir, 'a');
    this.b = join(dir, 'b');
  }

  /** Resolves once socat has made both ends and is passing bytes. */
  start(timeoutMs = 5_000): Promise<void> {
    const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${this.a}`, `pty,raw,echo=0,link=${this.b}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.socat = socat;
    return new Promise((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(() => fail(new Error(`socat not ready after ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        socat.kill();
        reject(error);
      };
      socat.on('error', fail);
      socat.on('exit', (code) => fail(new Error(`socat exited (${code}) before it was ready:\n${stderr}`)));
      socat.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // socat -d -d logs this once both ptys (and their links) exist.
        if (stderr.includes('starting data transfer loop')) {
          clearTimeout(timer);
          socat.removeAllListeners('exit');
          resolve();
        }
      });
    });
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
