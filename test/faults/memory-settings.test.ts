// Every way of starting the server gives it the memory settings of bin/memory-settings.json (glibc's
// malloc variables and node's flags), read from the running server process's /proc environ and
// cmdline: `npm start` sets them itself; `node bin/nobat.js start` without them (a service unit,
// `npx nobat start`) runs the server once more with them and stays as its parent, passing SIGTERM
// on, and a server whose parent is killed outright stops too.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import memorySettings from '../../bin/memory-settings.json' with { type: 'json' };
import { childrenOf, cmdlineOf, environOf, isGone, until } from './lib/proc.js';
import { killAll, spawnServer } from './lib/spawn-server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'nobat-memory-settings-'));

/** Whether the process `pid` runs with every memory setting. */
function assertMemorySettings(pid: number): void {
  const env = environOf(pid);
  for (const [name, value] of Object.entries(memorySettings.env)) assert.equal(env[name], value, `${name} of process ${pid}`);
  const nodeFlags = cmdlineOf(pid).slice(1, cmdlineOf(pid).findIndex((word) => word.endsWith('bin/nobat.js')));
  assert.deepEqual(nodeFlags, memorySettings.nodeFlags, `node flags of process ${pid}: ${cmdlineOf(pid).join(' ')}`);
}

/** The node processes among `pid`'s children. */
const nodeChildren = (pid: number): number[] => childrenOf(pid).filter((child) => cmdlineOf(child)[0] === process.execPath);

describe('the memory settings on every start path', () => {
  after(async () => {
    await killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('npm start gives node the settings itself', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
    const env = Object.entries(memorySettings.env).map(([name, value]) => `${name}=${value}`).join(' ');
    assert.equal(scripts.start, `${env} exec node ${memorySettings.nodeFlags.join(' ')} bin/nobat.js start`);
  });

  test('started with them, as npm start does, the server is the process itself, with no second one', async () => {
    const server = await spawnServer(join(dataDir, 'given'));
    assertMemorySettings(server.pid);
    assert.deepEqual(nodeChildren(server.pid), []);
    await server.stop();
  });

  test('`node bin/nobat.js start` without them runs the server once more with them; SIGTERM to it stops both', async () => {
    const parent = await spawnServer(join(dataDir, 'bare'), { bare: true });
    assert.equal(environOf(parent.pid).MALLOC_ARENA_MAX, undefined, 'the parent was started without the settings');
    const [server, ...others] = nodeChildren(parent.pid);
    assert.ok(server !== undefined && others.length === 0, `one server under the parent: ${nodeChildren(parent.pid)}`);
    assertMemorySettings(server);
    assert.deepEqual(nodeChildren(server), [], 'run again only once');
    assert.equal((await fetch(`${parent.url}/api/v1/health`)).status, 200);

    await parent.stop(10_000);
    assert.ok(isGone(server), 'the server ended before its parent did');
  });

  test('a parent killed outright (SIGKILL) takes the server with it', async () => {
    const parent = await spawnServer(join(dataDir, 'killed'), { bare: true });
    const [server] = nodeChildren(parent.pid);
    assert.ok(server !== undefined);
    await parent.kill();
    await until(() => (isGone(server) ? true : undefined), 'the server stops without its parent');
  });
});
