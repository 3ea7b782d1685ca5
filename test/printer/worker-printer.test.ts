// The printer behind a worker thread, as the server uses it: the same bytes and PNG as the printer
// itself, a status answer, and a fault (not a hang) when the worker cannot start its printer.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { WorkerPrinter } from '../../drivers/printer/index.js';
import { defaultJob } from './fixtures.js';
import { decodeEscPos } from './escpos-decode.js';

describe('the printer in a worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nobat-worker-printer-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints through the worker the bytes the virtual printer writes', async () => {
    const printer = new WorkerPrinter({ transport: { kind: 'file', dir }, widthDots: 576, nvHeader: false, timeoutMs: 1000 });
    try {
      const result = await printer.print({ ...defaultJob, ticketId: 'worker-ticket' });
      assert.equal(result.ok, true);
      const bytes = readFileSync(join(dir, 'worker-ticket.bin'));
      assert.equal(result.ok && result.bytes, bytes.length);
      assert.ok(decodeEscPos(bytes, 576).image.height > 200, 'the bytes decode to a whole ticket');
      assert.ok(existsSync(join(dir, 'worker-ticket.png')));
      assert.equal((await printer.status()).online, true);
    } finally {
      await printer.close();
    }
  });

  it('answers a fault when the worker dies instead of leaving the kiosk waiting', async () => {
    const printer = new WorkerPrinter({ transport: { kind: 'usb', path: '/nonexistent/lp0' }, widthDots: 576, nvHeader: false, timeoutMs: 300 });
    try {
      const result = await printer.print(defaultJob);
      assert.equal(result.ok, false);
    } finally {
      await printer.close();
    }
  });
});
