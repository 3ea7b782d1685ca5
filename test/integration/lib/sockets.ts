// Socket.IO clients for the integration tests: one independent client per call, and the next
// message of an event that matches.
import { io as connect, type ManagerOptions, type Socket } from 'socket.io-client';

/** Over WebSocket unless `options` say otherwise, and without reconnecting. */
export function client(url: string, auth: Record<string, unknown>, options: Partial<ManagerOptions> = {}): Socket {
  return connect(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, ...options });
}

/** The next message of `event` that satisfies `match`. */
export function next<T>(socket: Socket, event: string, match: (message: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: T) => {
      if (!match(message)) return;
      socket.off(event, listener);
      resolve(message);
    };
    socket.on(event, listener);
  });
}
