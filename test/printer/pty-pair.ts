// Starts socat with two linked pseudo-terminals, the serial cable of the serial tests. Readiness
// comes from socat's own log ("starting data transfer loop"), never from a sleep.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface PtyPair {
  /** The driver's end and the fake printer's end (symlinks to /dev/pts/N). */
  driverPath: string;
  printerPath: string;
  stop(): Promise<void>;
}

export async function startPtyPair(driverPath: string, printerPath: string): Promise<PtyPair> {
  const socat: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${driverPath}`, `pty,raw,echo=0,link=${printerPath}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  await new Promise<void>((resolve, reject) => {
    socat.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('starting data transfer loop')) resolve();
    });
    socat.once('exit', (code) => reject(new Error(`socat exited (${code}) before it was ready:\n${log}`)));
    socat.once('error', reject);
  });
  return {
    driverPath,
    printerPath,
    async stop() {
      if (socat.exitCode !== null || socat.signalCode !== null) return;
      const exited = once(socat, 'exit');
      socat.kill('SIGTERM');
      await exited;
    },
  };
}
