// A TCP relay between the screens and the server whose link the test can cut and restore, as an
// unplugged network cable or a rebooting switch would: cutting drops every open connection and
// refuses new ones; `loseAnswers` lets requests reach the server but swallows what comes back.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

type LinkState = 'up' | 'cut' | 'answers-lost';

export class CuttableProxy {
  private state: LinkState = 'up';
  private readonly open = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(targetPort: number): Promise<CuttableProxy> {
    let proxy!: CuttableProxy;
    const server = createServer((client) => proxy.relay(client, targetPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new CuttableProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return proxy;
  }

  /** Drops every connection now; new ones are dropped as they come until `restore`. */
  cut(): void {
    this.state = 'cut';
    for (const socket of this.open) socket.destroy();
  }

  /** Requests still reach the server; nothing it sends back gets through. */
  loseAnswers(): void {
    this.state = 'answers-lost';
  }

  restore(): void {
    this.state = 'up';
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, targetPort: number): void {
    if (this.state === 'cut') return void client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.open.add(socket);
      socket.on('close', () => this.open.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (bytes) => this.state !== 'cut' && upstream.write(bytes));
    upstream.on('data', (bytes) => this.state === 'up' && client.write(bytes));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}
