// Many Socket.IO clients in this process, and the fan-out latency of one trigger to all of them:
// from just before the trigger (an HTTP request) to each client's receipt of the named event.
import { io, type Socket } from 'socket.io-client';

export interface Crowd {
  sockets: Socket[];
  close(): void;
}

/**
 * Connects `count` independent clients over WebSocket, in batches; resolves once each has
 * `firstEvent`. `auth(i)` is the i-th client's handshake (a tracked ticket, say).
 */
export async function connectCrowd(url: string, count: number, firstEvent: string | null, batch = 50, auth?: (i: number) => Record<string, unknown>): Promise<Crowd> {
  const sockets: Socket[] = [];
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    const ready = Array.from({ length: size }, (_, i) => {
      const socket = io(url, { forceNew: true, transports: ['websocket'], reconnection: false, ...(auth ? { auth: auth(start + i) } : {}) });
      sockets.push(socket);
      return new Promise<void>((resolve, reject) => {
        socket.once(firstEvent ?? 'connect', () => resolve());
        socket.once('connect_error', reject);
      });
    });
    await Promise.all(ready);
  }
  return { sockets, close: () => sockets.forEach((s) => s.disconnect()) };
}

/**
 * One fan-out: arms every client for `event`, runs `trigger` and resolves with each client's latency
 * (ms, from just before the trigger) once all have it, or with those received by `timeoutMs`.
 */
export async function fanOut(crowd: Crowd, event: string, trigger: () => Promise<void>, timeoutMs = 10_000): Promise<{ latencies: number[]; missed: number }> {
  const latencies: number[] = [];
  let started = 0;
  let done: () => void = () => {};
  const all = new Promise<void>((resolve) => (done = resolve));
  const listeners = crowd.sockets.map((socket) => {
    const listener = () => {
      latencies.push(performance.now() - started);
      if (latencies.length === crowd.sockets.length) done();
    };
    socket.once(event, listener);
    return listener;
  });
  started = performance.now();
  await trigger();
  const timer = setTimeout(done, timeoutMs);
  await all;
  clearTimeout(timer);
  crowd.sockets.forEach((socket, i) => socket.off(event, listeners[i]));
  return { latencies, missed: crowd.sockets.length - latencies.length };
}
