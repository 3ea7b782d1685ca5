// The serial transport end to end: driver ↔ socat pseudo-terminal pair ↔ a fake printer that reads
// the stream and answers DLE EOT. Paper end, silence, and a port that disappears and comes back.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { createPrinter } from '../../drivers/printer/index.js';
import { countDifferentDots } from '../../drivers/printer/bitmap.js';
import { renderTicket, wholeTicket } from '../../drivers/printer/render.js';
import { TICKET_BYTE_BUDGET } from '../../drivers/printer/ticket-bytes.js';
import type { PrinterConfig } from '../../drivers/printer/types.js';
import { decodeEscPos, type NvStore } from './escpos-decode.js';
import { FakePrinter, healthyAnswers, paperEndAnswers, silentAnswers } from './fake-printer.js';
import { defaultJob, jobNumbered } from './fixtures.js';
import { startPtyPair, type PtyPair } from './pty-pair.js';

const dir = mkdtempSync(join(tmpdir(), 'nobat-serial-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Rig {
  pair: PtyPair;
  fake: FakePrinter;
  port: SerialPort;
  stop(): Promise<void>;
}

async function startRig(name: string, fake?: FakePrinter): Promise<Rig> {
  const pair = await startPtyPair(join(dir, `${name}-driver`), join(dir, `${name}-printer`));
  const port = new SerialPort({ path: pair.printerPath, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  const printer = fake ?? new FakePrinter();
  printer.reply = (bytes) => port.write(Buffer.from(bytes));
  port.on('data', (chunk: Buffer) => printer.receive(chunk));
  port.on('error', () => undefined);
  return {
    pair,
    fake: printer,
    port,
    async stop() {
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
      await pair.stop();
    },
  };
}

const config = (path: string, nvHeader: boolean): PrinterConfig => ({
  transport: { kind: 'serial', path, baudRate: 115200 },
  widthDots: 576,
  nvHeader,
  timeoutMs: 300,
});

test('prints over serial: the fake printer receives bytes that decode to the ticket; NV header uploaded once', async () => {
  const rig = await startRig('ok');
  const printer = createPrinter(config(rig.pair.driverPath, true));
  try {
    const nv: NvStore = new Map();
    const first = await printer.print(defaultJob);
    assert.equal(first.ok, true, JSON.stringify(first));
    await rig.fake.waitFor(() => rig.fake.jobBytes.length >= (first.ok ? first.bytes : 0));
    const firstDecoded = decodeEscPos(rig.fake.jobBytes, 576, nv);
    assert.equal(firstDecoded.nvDefines, 1);
    assert.equal(countDifferentDots(firstDecoded.image, wholeTicket(await renderTicket(defaultJob, 576))), 0);
    assert.equal(rig.fake.statusQueries, 6, 'three status bytes before and three after');

    rig.fake.forgetJobs();
    const job = jobNumbered(1043);
    const second = await printer.print(job);
    assert.ok(second.ok && second.bytes <= TICKET_BYTE_BUDGET, JSON.stringify(second));
    await rig.fake.waitFor(() => rig.fake.jobBytes.length >= (second.ok ? second.bytes : 0));
    const secondDecoded = decodeEscPos(rig.fake.jobBytes, 576, nv);
    assert.equal(secondDecoded.nvDefines, 0, 'header stays in NV memory');
    assert.equal(secondDecoded.nvPrints, 1);
    assert.equal(countDifferentDots(secondDecoded.image, wholeTicket(await renderTicket(job, 576))), 0);
    assert.deepEqual(await printer.status(), { online: true, paperEnd: false, paperNearEnd: false, coverOpen: false });
  } finally {
    await printer.close();
    await rig.stop();
  }
});

test('paper end: print refuses with fault paper_end and a Persian message, sends no ticket', async () => {
  const rig = await startRig('paper', new FakePrinter(paperEndAnswers));
  const printer = createPrinter(config(rig.pair.driverPath, false));
  try {
    const result = await printer.print(defaultJob);
    assert.deepEqual(result, { ok: false, fault: 'paper_end', message: 'کاغذ چاپگر تمام شده است' });
    assert.equal(rig.fake.jobBytes.length, 0);
    const status = await printer.status();
    assert.equal(status.paperEnd, true);
    assert.equal(status.online, false);
  } finally {
    await printer.close();
    await rig.stop();
  }
});

test('a printer that never answers gives fault timeout after about timeoutMs', async () => {
  const rig = await startRig('silent', new FakePrinter(silentAnswers));
  const printer = createPrinter(config(rig.pair.driverPath, false));
  try {
    const started = performance.now();
    const result = await printer.print(defaultJob);
    const elapsed = performance.now() - started;
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.fault, 'timeout');
    assert.ok(elapsed >= 290 && elapsed < 2000, `${elapsed} ms`);
    assert.equal((await printer.status()).fault, 'timeout');
    rig.fake.answers = healthyAnswers;
    assert.equal((await printer.print(defaultJob)).ok, true, 'answers again: prints again');
  } finally {
    await printer.close();
    await rig.stop();
  }
});

test('the port disappears and comes back: printer reports offline, then recovers without restart', async () => {
  let rig = await startRig('gone');
  const printer = createPrinter(config(rig.pair.driverPath, true));
  try {
    assert.equal((await printer.print(defaultJob)).ok, true);
    await rig.stop();

    const whileGone = await printer.print(jobNumbered(2));
    assert.equal(whileGone.ok, false);
    assert.equal(!whileGone.ok && whileGone.fault, 'offline');
    assert.equal((await printer.status()).online, false);

    // Status polls back off while the port is missing, so this one does not even try to reopen.
    assert.equal((await printer.status()).fault, 'offline');

    rig = await startRig('gone');
    // A print always tries to reopen (a visitor is waiting), so the very next one finds the port.
    const recovered = await printer.print(jobNumbered(3));
    assert.equal(recovered.ok, true, JSON.stringify(recovered));
    await rig.fake.waitFor(() => rig.fake.jobBytes.length >= (recovered.ok ? recovered.bytes : 0));
    // A new session uploads the header again: the printer at the other end may be a different one.
    assert.equal(decodeEscPos(rig.fake.jobBytes, 576).nvDefines, 1);
  } finally {
    await printer.close();
    await rig.stop();
  }
});
