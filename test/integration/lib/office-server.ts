// Starts a real nobat server on a free port over a temporary data directory, with a clock the test
// moves by hand, and offers small JSON helpers for calling its API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../../server/main.js';
import type { OfficeConfig } from '../../../server/config/schema.js';
import { createLogger, type Logger } from '../../../server/log.js';

/** 09:30 in Tehran on Sunday 1 Azar 1405 (2026-11-22). */
export const MORNING = Date.parse('2026-11-22T06:00:00Z');

export interface TestOffice {
  server: RunningServer;
  dataDir: string;
  clock: { now: number; advance(seconds: number): void };
  // The body is `any` on purpose: tests assert on API answers field by field, as a client would.
  api(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  login(username: string, deskId?: string, password?: string): Promise<string>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The demo office unless `config` is given. The demo's virtual keypads (socat and a simulator) stay
 * off unless asked for: a hand-moved clock would see them fall silent and raise alerts.
 */
export async function startTestOffice(options: { config?: OfficeConfig; dataDir?: string; now?: number; limits?: ServerOptions['limits']; virtualKeypads?: boolean; log?: Logger; sms?: ServerOptions['sms'] } = {}): Promise<TestOffice> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'nobat-it-'));
  const clock = {
    now: options.now ?? MORNING,
    advance(seconds: number) {
      this.now += seconds * 1000;
    },
  };
  const start = () => startServer({ dataDir, port: 0, host: '127.0.0.1', clock: () => clock.now, log: options.log ?? createLogger({ quiet: true }), ...(options.config ? { config: options.config } : {}), ...(options.limits ? { limits: options.limits } : {}), virtualKeypads: options.virtualKeypads ?? false, ...(options.sms ? { sms: options.sms } : {}) });
  let server = await start();
  const office: TestOffice = {
    get server() {
      return server;
    },
    dataDir,
    clock,
    async api(method, path, { token, body, headers = {} } = {}) {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
    },
    async login(username, deskId, password = 'demo') {
      const { status, body } = await office.api('POST', '/auth/login', { body: { username, password, ...(deskId ? { deskId } : {}) } });
      if (status !== 200) throw new Error(`login ${username} failed: ${status} ${JSON.stringify(body)}`);
      return body.token as string;
    },
    async restart() {
      await server.close();
      server = await start();
    },
    async stop() {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return office;
}
