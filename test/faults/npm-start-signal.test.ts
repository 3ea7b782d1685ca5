// `npm start` stopped as a service manager or a terminal stops it: SIGTERM to npm reaches the server,
// which closes and ends, and takes its virtual keypads (socat) with it. The start script execs node,
// so there is no shell in between that would die alone and leave the server running.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cmdlineOf, isGone, parentOf, processesMentioning, until } from './lib/proc.js';

const dir = mkdtempSync(join(tmpdir(), 'nobat-npm-start-'));
const dataDir = join(dir, 'data');
after(() => {
  // A failed run must not leave a server behind: whatever still names this data folder is ended.
  for (const pid of processesMentioning(dataDir)) process.kill(pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

test('SIGTERM to npm start stops the server and everything it started', { timeout: 90_000 }, async () => {
  const npm = spawn('npm', ['start', '--', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));

  const port = await until(() => /kiosk\s+http:\/\/localhost:(\d+)\/kiosk/.exec(output)?.[1], 'the server says where it listens', 60_000);
  assert.equal((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status, 200);
  const server = processesMentioning(dataDir).find((pid) => cmdlineOf(pid).some((word) => word.endsWith('bin/nobat.js')));
  assert.ok(server !== undefined, output);
  assert.equal(parentOf(server), npm.pid, 'the server is npm’s own child, with no shell between them');
  const started = processesMentioning(dataDir);

  npm.kill('SIGTERM');
  await until(() => (started.every(isGone) ? true : undefined), 'the server and its socat processes end', 20_000);
  await exited;
  assert.match(output, /SIGTERM: closing connections and the database/);
});
