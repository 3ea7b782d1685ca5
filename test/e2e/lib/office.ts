// A real demo-office server for browser tests: a temporary data directory, a quiet log, and a
// restart on the same port and data, as a power cut or an update would do it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, DEMO_PASSWORD, type RunningServer, type ServerOptions } from '../../../server/main.js';
import { createLogger } from '../../../server/log.js';

export interface E2eOffice {
  readonly server: RunningServer;
  readonly url: string;
  /** Where the server keeps its database and the virtual printer its tickets. */
  readonly dataDir: string;
  /** JSON from the API; `any` on purpose: tests read answers field by field, as a client would. */
  api(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any }>;
  /** Signs a staff member in at a desk and answers the session token. */
  login(username: string, deskId: string): Promise<string>;
  /** Closes the server (the browser sees it go away). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The demo office unless `config` is given; `printer` replaces the virtual printer (a failing one, say);
 * `clock` is one the test moves by hand; the demo's virtual keypads run only when asked for.
 */
export type E2eOfficeOptions = Pick<ServerOptions, 'config' | 'printer' | 'clock' | 'tickMs' | 'virtualKeypads'>;

export async function startE2eOffice(options: E2eOfficeOptions = {}): Promise<E2eOffice> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nobat-e2e-'));
  const log = createLogger({ quiet: true });
  let server = await startServer({ virtualKeypads: false, ...options, dataDir, port: 0, host: '127.0.0.1', log });
  const port = server.port;
  let running = true;

  const office: E2eOffice = {
    get server() {
      return server;
    },
    url: `http://127.0.0.1:${port}`,
    dataDir,
    async api(method, path, { token, body, headers = {} } = {}) {
      const response = await fetch(`${office.url}/api/v1${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    async login(username, deskId) {
      const { status, body } = await office.api('POST', '/auth/login', { body: { username, password: DEMO_PASSWORD, deskId } });
      if (status !== 200) throw new Error(`login ${username}: ${status} ${JSON.stringify(body)}`);
      return body.token as string;
    },
    async stop() {
      running = false;
      await server.close();
    },
    async start() {
      server = await startServer({ virtualKeypads: false, ...options, dataDir, port, host: '127.0.0.1', log });
      running = true;
    },
    async dispose() {
      if (running) await office.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return office;
}
