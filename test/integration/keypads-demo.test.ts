// The demo office's virtual keypads: socat pty pairs with the simulator on one end and the server's
// own serial driver on the other. The desk keypad rates a finished ticket by itself, a hand press
// works, closing the server leaves no socat and no pty behind, and without socat the demo starts
// with one clear line saying how to install it.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { KeypadStatus } from '../../server/keypads/hub.js';
import type { Logger } from '../../server/log.js';
import { startServer } from '../../server/main.js';
import { cmdlineOf, isGone, parentOf, processesMentioning, until } from '../faults/lib/proc.js';
import { killAll, spawnServer } from '../faults/lib/spawn-server.js';
import { waitForEvent } from '../keypad/wait-for.js';
import { startTestOffice } from './lib/office-server.js';

/** The socat children of process `parent`, with the directory of their pty links. */
function socatChildren(parent: number): Array<{ pid: number; dir: string }> {
  return processesMentioning('socat').flatMap((pid) => {
    const link = /link=([^\0]+)\/a$/.exec(cmdlineOf(pid).find((word) => word.includes('link=') && word.endsWith('/a')) ?? '');
    return parentOf(pid) === parent && link ? [{ pid, dir: dirname(link[1]!) }] : [];
  });
}

describe('the demo office\'s virtual keypads', () => {
  after(killAll);

  test('rate a finished ticket by themselves, take a hand press, and leave nothing behind when the server closes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nobat-keypads-demo-'));
    const office = await startTestOffice({ dataDir, virtualKeypads: true });
    const ptyDir = join(dataDir, 'virtual-keypads');
    try {
      const { keypads, virtualKeypads } = office.server;
      assert.ok(virtualKeypads, 'the demo runs virtual keypads');
      const online = (id: string) => (k: KeypadStatus) => k.id === id && k.online && k.bootId !== null;
      for (const id of ['virtual-desk', 'virtual-exit']) {
        if (!keypads.health().some(online(id))) await waitForEvent(keypads, 'health', online(id), 15_000);
      }
      const deskKeypad = keypads.health().find((k) => k.id === 'virtual-desk')!;
      assert.equal(deskKeypad.deskId, 'desk-1');
      assert.ok(deskKeypad.port.startsWith(ptyDir) && existsSync(deskKeypad.port), deskKeypad.port);
      assert.ok(processesMentioning(ptyDir).length >= 2, 'one socat per virtual keypad');

      const { body: ticket } = await office.api('POST', '/tickets', { body: { serviceId: 'certificate' } });
      const token = await office.login('staff1', 'desk-1');
      await office.api('POST', '/desks/desk-1/next', { token });
      await office.api('POST', `/tickets/${ticket.id}/start`, { token });
      assert.equal((await office.api('POST', `/tickets/${ticket.id}/finish`, { token, body: {} })).status, 200);
      const rated = await until(
        () => office.server.db.prepare(`SELECT button, desk_id AS deskId, keypad_id AS keypadId FROM ratings WHERE ticket_id = ?`).get(ticket.id) as
          { button: number; deskId: string; keypadId: string } | undefined,
        'the virtual keypad rates the finished ticket',
      );
      assert.deepEqual({ ...rated, button: 0 }, { button: 0, deskId: 'desk-1', keypadId: 'virtual-desk' });
      assert.ok(rated.button >= 1 && rated.button <= 5);

      assert.equal(await virtualKeypads.press('desk', 2), true);
      const byHand = office.server.db.prepare(`SELECT ticket_id AS ticketId, button FROM ratings WHERE keypad_id = 'virtual-desk' ORDER BY id DESC`).get();
      assert.deepEqual(byHand, { ticketId: null, button: 2 });
    } finally {
      await office.stop();
    }
    assert.equal(existsSync(ptyDir), false, 'the ptys and their directory are gone');
    assert.deepEqual(processesMentioning(ptyDir), [], 'no socat left running');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('without socat the demo starts anyway, saying in one line how to install it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nobat-no-socat-'));
    const warnings: string[] = [];
    const log: Logger = { info: () => {}, warn: (message) => warnings.push(message), error: (message) => warnings.push(message) };
    const path = process.env.PATH;
    // Nothing can be found on an empty PATH, socat included; the server's own modules are loaded already.
    const emptyPath = mkdtempSync(join(tmpdir(), 'nobat-empty-path-'));
    process.env.PATH = emptyPath;
    let server;
    try {
      server = await startServer({ dataDir, port: 0, host: '127.0.0.1', log });
    } finally {
      process.env.PATH = path;
      rmSync(emptyPath, { recursive: true, force: true });
    }
    try {
      assert.equal(server.virtualKeypads, null);
      assert.deepEqual(server.keypads.health(), []);
      const keypadLines = warnings.filter((line) => /keypad/.test(line));
      assert.deepEqual(keypadLines, ['virtual keypads off: socat is not installed (Debian/Ubuntu: sudo apt-get install socat)']);
      const health = await fetch(`${server.url}/api/v1/health`);
      assert.equal(health.status, 200);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('nobat start leaves no socat behind: SIGTERM closes it and removes the ptys, SIGKILL takes socat down with the server', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nobat-keypads-cli-'));
    try {
      const stopped = await spawnServer(join(dataDir, 'a'));
      const gentle = socatChildren(stopped.pid);
      assert.equal(gentle.length, 2, stopped.output());
      await stopped.stop(20_000);
      await until(() => (gentle.every((s) => isGone(s.pid)) ? true : undefined), 'socat ends with a stopped server');
      for (const { dir } of gentle) assert.equal(existsSync(dir), false, `${dir} removed`);

      const killed = await spawnServer(join(dataDir, 'b'));
      const orphans = socatChildren(killed.pid);
      assert.equal(orphans.length, 2, killed.output());
      await killed.kill();
      await until(() => (orphans.every((s) => isGone(s.pid)) ? true : undefined), 'socat ends with a killed server');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
