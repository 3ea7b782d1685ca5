// Starts one office's server: opens its database and printer, builds the office (build-office.ts)
// and serves HTTP and Socket.IO on one port.
import { serve, type ServerType } from '@hono/node-server';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { networkInterfaces } from 'node:os';
// Not the drivers themselves (sharp, serial ports): those load in the print worker, or on first use.
import { createServerPrinter } from '../drivers/printer/server-printer.js';
import type { PrinterConfig } from '../drivers/printer/types.js';
import type { AlertMonitor } from './alerts/monitor.js';
import type { Accounts } from './auth/accounts.js';
import type { ConfigHolder } from './config/holder.js';
import type { OfficeConfig } from './config/schema.js';
import type { BucketLimits } from './limits/token-bucket.js';
import type { KeypadHub } from './keypads/hub.js';
import type { VirtualKeypads } from './keypads/virtual-keypads.js';
import { createLogger, type Logger } from './log.js';
import { systemClock, type Clock } from './office/clock.js';
import type { Office } from './office/office.js';
import { openDatabase, type Db } from './store/open.js';
import type { VoiceRates } from './http/routes/voice-rate.js';
import type { BookingRates } from './http/routes/appointments.js';
import type { Booking } from './appointments/booking.js';
import type { SmsGateway } from './messages/gateway.js';
import type { DispatchRules } from './messages/dispatcher.js';
import { buildOffice } from './build-office.js';

export interface ServerOptions {
  /**
   * The office file; the demo office when absent and the database is new. It seeds a new database;
   * after that the configuration lives in the database, where admins change it from the browser.
   */
  config?: OfficeConfig;
  /** The office database's folder. A database created as the demo runs as the demo, and only such a one. */
  dataDir: string;
  port: number;
  host?: string;
  clock?: Clock;
  log?: Logger;
  /**
   * A printer instead of the office's (or the virtual) one: tests use it to plug in a failing
   * printer. null: no printer at all (the issue-path bench, whose thousands of slips a second no
   * printer could take; rendering them would measure the print worker, not the issue path).
   */
  printer?: PrinterConfig | null;
  /** Request rates per device, session or address (HTTP) and per socket, and what may wait unsent for a socket; the defaults when absent. */
  limits?: { http?: BucketLimits; socket?: BucketLimits; socketWriteBufferBytes?: number; voice?: VoiceRates; booking?: BookingRates };
  /** Run the demo's virtual keypads (socat pty pairs with the simulator); default: in the demo office. */
  virtualKeypads?: boolean;
  /** How often alerts are checked and managers' snapshots refreshed without a change (ms, 5000 by default). */
  tickMs?: number;
  /** A test's SMS gateway and retry rules, instead of what the office's `sms` settings name. */
  sms?: { gateway?: SmsGateway; rules?: DispatchRules };
}

export interface RunningServer {
  url: string;
  port: number;
  demo: boolean;
  db: Db;
  office: Office;
  accounts: Accounts;
  keypads: KeypadHub;
  /** The demo's virtual keypads, to press by hand; null when there are none. */
  virtualKeypads: VirtualKeypads | null;
  /** Every HTTP route (method and path pattern), so that the authorization table can check it has them all. */
  routes: Array<{ method: string; path: string }>;
  alerts: AlertMonitor;
  /** Appointments: tests run its sweep (holds, reminders, erasing) at a moment of their clock. */
  booking: Booking;
  /** Where phones reach the server, as the slip's QR code names it. */
  publicUrl: () => string;
  /** The configuration now. */
  readonly config: OfficeConfig;
  configs: ConfigHolder;
  close(): Promise<void>;
}

export { DEMO_PASSWORD, DEMO_USERS } from './auth/demo-users.js';
export { StartRefused } from './config/office-database.js';

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger();
  const db = openDatabase(join(options.dataDir, 'nobat.db'));
  let port = options.port;
  const built = await buildOffice({
    db,
    clock,
    log,
    dataDir: options.dataDir,
    ...(options.config ? { officeFile: options.config } : {}),
    printer: options.printer === null ? null : { open: createServerPrinter, ...(options.printer ? { fixed: options.printer } : {}) },
    address: () => lanUrl(port),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.virtualKeypads !== undefined ? { virtualKeypads: options.virtualKeypads } : {}),
    ...(options.tickMs !== undefined ? { tickMs: options.tickMs } : {}),
    ...(options.sms ? { sms: options.sms } : {}),
  }).catch((error: unknown) => {
    db.close();
    throw error;
  });
  const { app, office, configs } = built;
  const server = await listen(app.fetch, options.port, options.host ?? '0.0.0.0').catch(async (error: unknown) => {
    await built.close();
    db.close();
    throw error;
  });
  const realtime = built.attachRealtime(server as HttpServer);
  built.start();
  port = (server.address() as AddressInfo).port;
  // Asking for the status starts the print worker now, not at the first visitor's touch, and tells
  // staff at once when the printer is not there.
  void built.printer?.status().then((status) => {
    if (status.fault || !status.online || status.paperEnd || status.coverOpen) log.warn('printer not ready at start-up', { ...status });
  });
  log.info('nobat ready', { port, demo: built.demo, office: configs.current().name, seq: office.lastSeq(), configRevision: configs.revision() });

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      realtime.close();
      server.close(() => {
        void built.close().finally(() => {
          db.close();
          resolve();
        });
      });
      (server as HttpServer).closeAllConnections?.();
    }));

  const routes = app.routes.map(({ method, path }) => ({ method, path }));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    demo: built.demo,
    db,
    office,
    accounts: built.accounts,
    get config() {
      return configs.current();
    },
    configs,
    keypads: built.keypads,
    virtualKeypads: built.virtualKeypads,
    alerts: built.alerts,
    booking: built.booking,
    publicUrl: built.publicUrl,
    routes,
    close,
  };
}

/** An address a phone on the office network can open, for the QR code when publicUrl is not set. */
function lanUrl(port: number): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  return `http://${address ?? 'localhost'}:${port}`;
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server));
    server.once('error', reject);
  });
}
