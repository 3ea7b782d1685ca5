// A burst of tickets against a printer that takes nothing (a TCP printer that never answers), through
// the real `nobat start` in a child process: the first MAX_PRINT_BACKLOG tickets are queued for it,
// every ticket after is still issued and committed but answered on the kiosk's socket as "printer
// busy" at once, staff and managers are alerted, and SIGTERM ends the server within seconds, with a
// log line for the jobs it dropped, instead of waiting for the backlog to print.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket as TcpSocket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { io as connect, type Socket } from 'socket.io-client';
import { MAX_PRINT_BACKLOG } from '../../server/devices/printing.js';
import { waitForEvent } from '../keypad/wait-for.js';
import { configuredOfficeInput, PASSWORD } from '../security/lib/configured-office.js';
import { call } from './lib/http.js';
import { killAll, spawnServer, type SpawnedServer } from './lib/spawn-server.js';

const BURST = MAX_PRINT_BACKLOG + 15;

interface PrintResult {
  ticketId: string;
  ok: boolean;
  fault?: string;
  message?: string;
}

describe('a burst of tickets beyond what the printer can take', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nobat-printer-backlog-'));
  const dataDir = join(dir, 'data');
  let printer: Server;
  const printerConnections: TcpSocket[] = [];
  let server: SpawnedServer;
  let kiosk: Socket;
  let kioskToken: string;
  let manager: Socket;
  const results: PrintResult[] = [];
  const alerts: Array<{ kind: string; message: string }> = [];

  before(async () => {
    // A printer on the network that accepts the connection and then takes nothing: no status answer, no job.
    printer = createServer((socket) => {
      printerConnections.push(socket);
      socket.on('error', () => undefined);
    });
    printer.listen(0, '127.0.0.1');
    await once(printer, 'listening');
    const address = printer.address() as { port: number };
    const officeFile = join(dir, 'office.json');
    writeFileSync(officeFile, JSON.stringify(configuredOfficeInput({
      printer: { transport: { kind: 'tcp', host: '127.0.0.1', port: address.port }, timeoutMs: 30_000 },
    })));
    server = await spawnServer(dataDir, { office: officeFile, readyWithinMs: 90_000 });
    const added = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['bin/nobat.js', 'device', 'add', '--kind', 'kiosk', '--name', 'entrance', '--data', dataDir], (error, stdout) =>
        error ? reject(error) : resolve(stdout)),
    );
    kioskToken = /token:\s+(\S+)/.exec(added)![1]!;
    const login = await call(server.url, 'POST', '/auth/login', { json: { username: 'manager', password: PASSWORD } });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    kiosk = connect(server.url, { auth: { token: kioskToken }, transports: ['websocket'], forceNew: true });
    manager = connect(server.url, { auth: { token: (login.body as { token: string }).token }, transports: ['websocket'], forceNew: true });
    kiosk.on('print:result', (result: PrintResult) => results.push(result));
    manager.on('alert:raised', (alert: { kind: string; message: string }) => alerts.push(alert));
    await Promise.all([kiosk, manager].map((socket) => (socket.connected ? undefined : waitForEvent(socket as never, 'connect'))));
  });

  after(async () => {
    kiosk?.close();
    manager?.close();
    await killAll();
    for (const socket of printerConnections) socket.destroy();
    printer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test(`${BURST} tickets: ${MAX_PRINT_BACKLOG} wait for the printer, the rest are issued with "printer busy", and managers are alerted`, async () => {
    const issued: string[] = [];
    for (let i = 0; i < BURST; i++) {
      const answer = await call(server.url, 'POST', '/tickets', { token: kioskToken, json: { serviceId: 'certificate' } });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      issued.push((answer.body as { id: string }).id);
    }
    const busy = () => results.filter((r) => r.fault === 'busy');
    while (busy().length < BURST - MAX_PRINT_BACKLOG) await waitForEvent(kiosk as never, 'print:result', () => true, 20_000);
    // The printer has printed nothing, so exactly the tickets after the first MAX_PRINT_BACKLOG were not queued.
    assert.deepEqual(busy().map((r) => r.ticketId), issued.slice(MAX_PRINT_BACKLOG));
    assert.deepEqual(results.filter((r) => r.fault !== 'busy'), []);
    assert.match(busy()[0]!.message!, /چاپگر مشغول است/);
    if (!alerts.some((a) => a.kind === 'printer')) await waitForEvent(manager as never, 'alert:raised', (a: { kind: string }) => a.kind === 'printer', 20_000);
    assert.match(alerts.find((a) => a.kind === 'printer')!.message, /عقب مانده/);
  });

  test('SIGTERM with the backlog unprinted: the server exits within seconds, says what it dropped, and every ticket is kept', async () => {
    const started = Date.now();
    await server.stop(20_000);
    const tookMs = Date.now() - started;
    assert.ok(tookMs < 10_000, `exited after ${tookMs} ms`);
    assert.match(server.output(), /print jobs dropped[^\n]*"dropped":\s*25/);
    const db = new Database(join(dataDir, 'nobat.db'), { readonly: true });
    try {
      assert.equal((db.prepare(`SELECT COUNT(*) AS n FROM tickets`).get() as { n: number }).n, BURST);
    } finally {
      db.close();
    }
  });
});
