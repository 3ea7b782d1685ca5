// The TCP (port 9100) transport against a fake printer behind a net.Server on 127.0.0.1, port 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import sharp from 'sharp';
import { createPrinter } from '../../drivers/printer/index.js';
import { countDifferentDots } from '../../drivers/printer/bitmap.js';
import { renderTicket, wholeTicket } from '../../drivers/printer/render.js';
import { decodeEscPos } from './escpos-decode.js';
import { FakePrinter } from './fake-printer.js';
import { defaultJob, jobNumbered } from './fixtures.js';
import type { TicketLogo } from '../../drivers/printer/types.js';

async function startNetworkPrinter(): Promise<{ server: Server; fake: FakePrinter; port: number; sockets: Set<Socket> }> {
  const fake = new FakePrinter();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    fake.reply = (bytes) => socket.write(bytes);
    socket.on('data', (chunk) => fake.receive(chunk));
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { server, fake, port: address.port, sockets };
}

test('prints over TCP and reconnects after the printer drops the connection', async () => {
  const { server, fake, port, sockets } = await startNetworkPrinter();
  const printer = createPrinter({ transport: { kind: 'tcp', host: '127.0.0.1', port }, widthDots: 512, nvHeader: false, timeoutMs: 500 });
  try {
    const result = await printer.print(defaultJob);
    assert.ok(result.ok, JSON.stringify(result));
    await fake.waitFor(() => fake.jobBytes.length >= (result.ok ? result.bytes : 0));
    const decoded = decodeEscPos(fake.jobBytes, 512);
    assert.equal(countDifferentDots(decoded.image, wholeTicket(await renderTicket(defaultJob, 512))), 0);

    for (const socket of sockets) socket.destroy();
    fake.forgetJobs();
    const again = await printer.print(jobNumbered(5));
    assert.ok(again.ok, JSON.stringify(again));
    await fake.waitFor(() => fake.jobBytes.length >= (again.ok ? again.bytes : 0));
    assert.equal(decodeEscPos(fake.jobBytes, 512).cuts, 1);
  } finally {
    await printer.close();
    server.close();
  }
});

test('nothing listening: offline with a Persian message', async () => {
  const { server, port } = await startNetworkPrinter();
  server.close();
  await once(server, 'close');
  const printer = createPrinter({ transport: { kind: 'tcp', host: '127.0.0.1', port }, widthDots: 576, nvHeader: true, timeoutMs: 300 });
  const result = await printer.print(defaultJob);
  assert.deepEqual(result, { ok: false, fault: 'offline', message: 'چاپگر در دسترس نیست یا خاموش است' });
  await printer.close();
});

test('a changed logo is stored in the printer\'s NV memory anew; an unchanged one is printed from there', async () => {
  const { server, fake, port } = await startNetworkPrinter();
  const printer = createPrinter({ transport: { kind: 'tcp', host: '127.0.0.1', port }, widthDots: 576, nvHeader: true, timeoutMs: 500 });
  const stripes = async (key: string, period: number): Promise<TicketLogo> => {
    const grey = Uint8Array.from({ length: 64 * 32 }, (_, i) => (Math.floor((i % 64) / period) % 2 === 0 ? 0 : 255));
    return { key, png: await sharp(grey, { raw: { width: 64, height: 32, channels: 1 } }).png().toBuffer() };
  };
  const [narrow, wide] = await Promise.all([stripes('narrow', 2), stripes('wide', 8)]);
  const nv = new Map();
  try {
    const jobs = [jobNumbered(1), jobNumbered(2), { ...jobNumbered(3), logo: narrow }, { ...jobNumbered(4), logo: narrow }, { ...jobNumbered(5), logo: wide }, jobNumbered(6)];
    const defines: number[] = [];
    for (const job of jobs) {
      fake.forgetJobs();
      const result = await printer.print(job);
      assert.ok(result.ok, JSON.stringify(result));
      await fake.waitFor(() => fake.jobBytes.length >= (result.ok ? result.bytes : 0));
      const decoded = decodeEscPos(fake.jobBytes, 576, nv);
      defines.push(decoded.nvDefines);
      assert.equal(countDifferentDots(decoded.image, wholeTicket(await renderTicket(job, 576))), 0, `ticket ${job.number} prints its own header`);
    }
    assert.deepEqual(defines, [1, 0, 1, 0, 1, 1]);
  } finally {
    await printer.close();
    server.close();
  }
});
