// The USB device-file transport. A pseudo-terminal stands in for /dev/usb/lp0: both are character
// devices the driver opens, writes and reads non-blocking, and both vanish when unplugged.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { createPrinter } from '../../drivers/printer/index.js';
import { decodeEscPos } from './escpos-decode.js';
import { FakePrinter, paperEndAnswers } from './fake-printer.js';
import { defaultJob } from './fixtures.js';
import { startPtyPair } from './pty-pair.js';

const dir = mkdtempSync(join(tmpdir(), 'nobat-usb-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('prints through a device file, reads status from it, and reports paper end', async () => {
  const pair = await startPtyPair(join(dir, 'lp0'), join(dir, 'printer'));
  const port = new SerialPort({ path: pair.printerPath, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  const fake = new FakePrinter();
  fake.reply = (bytes) => port.write(Buffer.from(bytes));
  port.on('data', (chunk: Buffer) => fake.receive(chunk));
  const printer = createPrinter({ transport: { kind: 'usb', path: pair.driverPath }, widthDots: 384, nvHeader: true, timeoutMs: 300 });
  try {
    const result = await printer.print(defaultJob);
    assert.ok(result.ok, JSON.stringify(result));
    await fake.waitFor(() => fake.jobBytes.length >= (result.ok ? result.bytes : 0));
    const decoded = decodeEscPos(fake.jobBytes, 384);
    assert.equal(decoded.nvDefines, 1);
    assert.equal(decoded.cuts, 1);

    fake.answers = paperEndAnswers;
    const status = await printer.status();
    assert.equal(status.fault, 'paper_end');
    assert.equal(status.paperEnd, true);
  } finally {
    await printer.close();
    await new Promise<void>((resolve) => port.close(() => resolve()));
    await pair.stop();
  }
});

test('a missing device file is offline, not a crash', async () => {
  const printer = createPrinter({ transport: { kind: 'usb', path: join(dir, 'no-such-lp') }, widthDots: 576, nvHeader: false, timeoutMs: 200 });
  const result = await printer.print(defaultJob);
  assert.equal(!result.ok && result.fault, 'offline');
  assert.equal((await printer.status()).online, false);
  await printer.close();
});
