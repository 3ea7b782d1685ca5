// A minimal Socket.IO v4 client over a bare WebSocket, so the phone page stays a few KB instead of
// carrying socket.io-client. It speaks only what the tracking page needs: connect with `auth`,
// answer pings, receive events, reconnect with backoff.
// Engine.IO packets: 0 open, 2 ping, 3 pong, 4 message; Socket.IO inside 4: 0 connect, 2 event, 4 error.

export interface TinySocketHandlers {
  onEvent(name: string, payload: unknown): void;
  onConnection(connected: boolean): void;
}

export function connectTiny(auth: Record<string, unknown>, handlers: TinySocketHandlers): () => void {
  let closed = false;
  let attempt = 0;
  let ws: WebSocket | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    ws = new WebSocket(`${scheme}//${location.host}/socket.io/?EIO=4&transport=websocket`);
    ws.onmessage = ({ data }) => {
      const text = String(data);
      if (text === '2') return ws?.send('3');
      if (text.startsWith('0')) return ws?.send(`40${JSON.stringify(auth)}`);
      if (text.startsWith('40')) {
        attempt = 0;
        return handlers.onConnection(true);
      }
      if (text.startsWith('42')) {
        const [name, payload] = JSON.parse(text.slice(2)) as [string, unknown];
        handlers.onEvent(name, payload);
      }
      if (text.startsWith('44')) ws?.close();
    };
    ws.onclose = () => {
      handlers.onConnection(false);
      if (closed) return;
      retry = setTimeout(open, Math.min(10_000, 500 * 2 ** attempt++));
    };
  };
  open();
  return () => {
    closed = true;
    clearTimeout(retry);
    ws?.close();
  };
}
