// Composition root: builds one office's server from its configuration, database and clock, and
// serves HTTP and Socket.IO on one port. Everything here is wiring; the logic lives in the modules.
import { serve, type ServerType } from '@hono/node-server';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { networkInterfaces } from 'node:os';
import { WorkerPrinter, type PrinterConfig } from '../drivers/printer/index.js';
import { TicketPrinting } from './devices/printing.js';
import { AlertMonitor } from './alerts/monitor.js';
import { Accounts } from './auth/accounts.js';
import { parseOffice } from './config/load.js';
import { demoOffice } from './config/demo-office.js';
import type { OfficeConfig } from './config/schema.js';
import { ServiceHistory } from './estimate/history.js';
import { createNobatEstimator } from './estimate/nobat.js';
import { createApp } from './http/app.js';
import type { AppDeps } from './http/env.js';
import type { BucketLimits } from './limits/token-bucket.js';
import { KeypadHub } from './keypads/hub.js';
import { RatingStore } from './keypads/rating-store.js';
import { VirtualKeypads } from './keypads/virtual-keypads.js';
import { createLogger, type Logger } from './log.js';
import { systemClock, type Clock } from './office/clock.js';
import { Office } from './office/office.js';
import { ReadModel } from './office/read-model.js';
import type { QueueEvent, QueueRules } from './queue/index.js';
import { RecentCalls } from './realtime/board.js';
import { attachRealtime } from './realtime/server.js';
import { EventStore, QUEUE_EVENTS } from './store/event-store.js';
import { openDatabase, type Db } from './store/open.js';
import { restoreState } from './store/restore.js';
import { serviceDay } from './time/day.js';
import { faDigits } from './time/digits.js';
import { instantAtLocal } from './time/zoned.js';

export interface ServerOptions {
  /** The office; the demo office when absent. */
  config?: OfficeConfig;
  dataDir: string;
  port: number;
  host?: string;
  clock?: Clock;
  log?: Logger;
  /** A printer instead of the office's (or the virtual) one: tests use it to plug in a failing printer. */
  printer?: PrinterConfig;
  /** Request rates per device, session or address (HTTP) and per socket; the defaults when absent. */
  limits?: { http?: BucketLimits; socket?: BucketLimits };
  /** Run the demo's virtual keypads (socat pty pairs with the simulator); default: in the demo office. */
  virtualKeypads?: boolean;
  /** How often alerts are checked and managers' snapshots refreshed without a change (ms, 5000 by default). */
  tickMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  demo: boolean;
  db: Db;
  office: Office;
  accounts: Accounts;
  config: OfficeConfig;
  keypads: KeypadHub;
  /** The demo's virtual keypads, to press by hand; null when there are none. */
  virtualKeypads: VirtualKeypads | null;
  /** Every HTTP route (method and path pattern), so that the authorization table can check it has them all. */
  routes: Array<{ method: string; path: string }>;
  alerts: AlertMonitor;
  close(): Promise<void>;
}

export const DEMO_USERS = [
  { username: 'staff1', name: 'کارمند یکم', role: 'staff' },
  { username: 'staff2', name: 'کارمند دوم', role: 'staff' },
  { username: 'staff3', name: 'کارمند سوم', role: 'staff' },
  { username: 'staff4', name: 'کارمند چهارم', role: 'staff' },
  { username: 'manager', name: 'مدیر اداره', role: 'manager' },
] as const;
export const DEMO_PASSWORD = 'demo';

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const demo = options.config === undefined;
  const config = options.config ?? parseOffice(demoOffice, 'demo office');
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger();
  const db = openDatabase(join(options.dataDir, 'nobat.db'));
  const accounts = new Accounts(db, clock, demo);
  await seedUsers(accounts, config, demo);

  const rules: QueueRules = {
    policy: config.policy,
    timeZone: config.timeZone,
    services: new Map(config.services.map((s) => [s.id, { id: s.id, prefix: s.prefix, active: s.active, priorityGroups: s.priorityGroups }])),
  };
  const state = restoreState(db, rules, config.desks);
  const store = new EventStore(db, config.timeZone);
  const history = ServiceHistory.fromEvents(todaysEvents(db, clock(), config.timeZone), { timeZone: config.timeZone });
  const office = new Office(state, store, clock, [(event) => history.observe(event)], log);
  const read = new ReadModel(config, state, db, { estimator: createNobatEstimator(), history }, clock);
  const recentCalls = new RecentCalls((deskId) => read.deskNumber(deskId));
  recentCalls.observe(store.eventsAfter(Math.max(0, store.lastSeq() - 200), 200).filter((e) => e.event.at >= startOfToday(clock(), config.timeZone)), (id) => state.tickets.get(id));

  // Only the demo gets virtual keypads: a real office without keypads must not collect made-up ratings.
  const virtualKeypads = (options.virtualKeypads ?? demo) && config.keypads.length === 0
    ? await VirtualKeypads.start({ dir: join(options.dataDir, 'virtual-keypads'), deskId: config.desks.find((d) => d.id === 'desk-1')?.id ?? config.desks[0]!.id, office, log })
    : null;
  const keypads = new KeypadHub({ keypads: [...config.keypads, ...(virtualKeypads?.keypads ?? [])], office, ratings: new RatingStore(db, config.timeZone), log });

  let port = options.port;
  const printer = new WorkerPrinter(options.printer ?? printerConfig(config, options.dataDir));
  const alerts = new AlertMonitor({ db, config, state, clock, log });
  const printing = new TicketPrinting(printer, config, () => config.publicUrl ?? lanUrl(port), log, ({ ticketId, result }) => {
    io.to('kiosk').emit('print:result', result.ok ? { ticketId, ok: true } : { ticketId, ok: false, fault: result.fault, message: result.message });
    alerts.printed(result.ok ? { ok: true } : { ok: false, fault: result.fault, message: result.message });
  });
  // A keypad's name in an alert: the desk it stands at, or the exit.
  const keypadName = (status: { id: string; deskId: string | null }) => {
    const desk = config.desks.find((d) => d.id === status.deskId);
    return desk ? `باجهٔ ${faDigits(desk.number)}` : `خروجی (${status.id})`;
  };
  for (const status of keypads.health()) alerts.keypadHealth(status.id, keypadName(status), status.online);
  keypads.on('health', (status) => alerts.keypadHealth(status.id, keypadName(status), status.online));
  const deps: AppDeps = { office, read, accounts, config, db, log, demo, keypads, alerts, onTicketIssued: (ticket) => printing.print(ticket), ...(options.limits?.http ? { httpRate: options.limits.http } : {}) };
  const app = createApp(deps);
  const server = await listen(app.fetch, options.port, options.host ?? '0.0.0.0').catch(async (error: unknown) => {
    await keypads.close();
    await virtualKeypads?.close();
    throw error;
  });
  const realtime = attachRealtime(server as HttpServer, { office, read, accounts, config, log, demo, recentCalls, db, alerts, managerRefreshMs: options.tickMs, ...(options.limits?.socket ? { socketRate: options.limits.socket } : {}) });
  const io = realtime.io;
  // Waits grow and devices stay away without any command: the alerts are checked on a timer too,
  // and soon after commits (coalesced, so a busy office does not check per ticket).
  alerts.start(options.tickMs ?? 5000);
  let alertCheck: NodeJS.Timeout | null = null;
  office.on('committed', () => {
    alertCheck ??= setTimeout(() => {
      alertCheck = null;
      alerts.check();
    }, 200);
  });
  alerts.check();
  port = (server.address() as AddressInfo).port;
  // Asking for the status starts the print worker now, not at the first visitor's touch, and tells
  // staff at once when the printer is not there.
  void printer.status().then((status) => {
    if (status.fault || !status.online || status.paperEnd || status.coverOpen) log.warn('printer not ready at start-up', { ...status });
  });
  log.info('nobat ready', { port, demo, office: config.name, seq: store.lastSeq() });

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      realtime.close();
      alerts.close();
      if (alertCheck) clearTimeout(alertCheck);
      server.close(() => {
        const keypadsClosed = keypads.close().then(() => virtualKeypads?.close());
        void Promise.allSettled([printing.close(), keypadsClosed]).finally(() => {
          db.close();
          resolve();
        });
      });
      (server as HttpServer).closeAllConnections?.();
    }));

  const routes = app.routes.map(({ method, path }) => ({ method, path }));
  return { url: `http://127.0.0.1:${port}`, port, demo, db, office, accounts, config, keypads, virtualKeypads, alerts, routes, close };
}

async function seedUsers(accounts: Accounts, config: OfficeConfig, demo: boolean): Promise<void> {
  for (const user of config.users) if (!accounts.hasUser(user.username)) await accounts.addUser(user);
  if (!demo) return;
  for (const user of DEMO_USERS) if (!accounts.hasUser(user.username)) await accounts.addUser({ ...user, password: DEMO_PASSWORD, demo: true });
}

function todaysEvents(db: Db, now: number, timeZone: string): QueueEvent[] {
  const rows = db.prepare(`SELECT data FROM events WHERE at >= ? AND ${QUEUE_EVENTS} ORDER BY seq`).all(startOfToday(now, timeZone)) as Array<{ data: string }>;
  return rows.map((row) => JSON.parse(row.data) as QueueEvent);
}

function startOfToday(now: number, timeZone: string): number {
  const [year, month, day] = serviceDay(now, timeZone).iso.split('-').map(Number) as [number, number, number];
  return instantAtLocal(year, month, day, 0, timeZone);
}

/** The configured printer, or the virtual one that writes each ticket as bytes and a PNG. */
function printerConfig(config: OfficeConfig, dataDir: string): PrinterConfig {
  return config.printer ?? { transport: { kind: 'file', dir: join(dataDir, 'printed') }, widthDots: 576, nvHeader: false, timeoutMs: 2000 };
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
