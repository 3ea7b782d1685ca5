// Child-process entry for the benches: runs one server (the nobat demo office, or a bare Socket.IO
// broadcaster) so that its memory is its own and the load generator has the other core. Speaks IPC.
import { rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { startServer } from '../../../server/main.js';
import type { HostOptions } from './child.js';
import type { HostReply, HostRequest } from './host-protocol.js';
import { quietLog, tempDir } from './temp.js';

const mode = process.argv[2];
const options = JSON.parse(process.argv[3] ?? '{}') as HostOptions;
const send = (reply: HostReply) => process.send?.(reply);

if (mode === 'nobat') {
  const dataDir = tempDir('nobat-bench-');
  const started = performance.now();
  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', log: quietLog, ...(options.print === false ? { printer: null } : {}) });
  const startMs = performance.now() - started;
  const waiting = () => [...server.office.state.tickets.values()].filter((t) => t.status === 'issued').length;
  process.on('message', (request: HostRequest) => {
    if (request.type === 'stats') send({ type: 'stats', ...memory(), waiting: waiting() });
    else void server.close().then(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
  send({ type: 'ready', url: server.url, startMs, ...memory() });
} else if (mode === 'bare') {
  // A plain Socket.IO server: POST /broadcast emits one message to every client.
  const http: HttpServer = createServer((req, res) => {
    io.emit('broadcast', { at: Date.now() });
    res.writeHead(req.method === 'POST' ? 200 : 404).end();
  });
  const io = new Server(http, { serveClient: false });
  const started = performance.now();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const startMs = performance.now() - started;
  process.on('message', (request: HostRequest) => {
    if (request.type === 'stats') send({ type: 'stats', ...memory(), waiting: 0 });
    else io.close(() => process.exit(0));
  });
  send({ type: 'ready', url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, startMs, ...memory() });
} else {
  throw new Error(`host: unknown mode ${mode}`);
}

function memory() {
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external, arrayBuffers };
}
