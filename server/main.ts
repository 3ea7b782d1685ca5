// Composition root: builds one office's server from its configuration, database and clock, and
// serves HTTP and Socket.IO on one port. Everything here is wiring; the logic lives in the modules.
import { serve, type ServerType } from '@hono/node-server';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { networkInterfaces } from 'node:os';
// Not the drivers themselves (sharp, serial ports): those load in the print worker, or on first use.
import { createServerPrinter } from '../drivers/printer/server-printer.js';
import type { PrinterConfig } from '../drivers/printer/types.js';
import { TicketPrinting } from './devices/printing.js';
import { AlertMonitor } from './alerts/monitor.js';
import { AccountAdmin } from './admin/accounts-admin.js';
import { ConfigEditor } from './admin/config-editor.js';
import { Accounts } from './auth/accounts.js';
import { ConfigHolder } from './config/holder.js';
import { parseOffice } from './config/load.js';
import { demoOffice } from './config/demo-office.js';
import type { OfficeConfig } from './config/schema.js';
import { readStoredConfig, seedStoredConfig } from './config/stored.js';
import { ServiceHistory } from './estimate/history.js';
import { createNobatEstimator } from './estimate/nobat.js';
import { createApp } from './http/app.js';
import { StatsDays } from './stats/days.js';
import type { AppDeps } from './http/env.js';
import type { BucketLimits } from './limits/token-bucket.js';
import { KeypadHub } from './keypads/hub.js';
import { RatingStore } from './keypads/rating-store.js';
import { VirtualKeypads } from './keypads/virtual-keypads.js';
import { createLogger, type Logger } from './log.js';
import { systemClock, type Clock } from './office/clock.js';
import { applyConfig, rulesOf } from './office/apply-config.js';
import { Office } from './office/office.js';
import { ReadModel } from './office/read-model.js';
import type { QueueEvent } from './queue/index.js';
import { RecentCalls } from './realtime/board.js';
import { attachRealtime } from './realtime/server.js';
import { EventStore, QUEUE_EVENTS } from './store/event-store.js';
import { openDatabase, type Db } from './store/open.js';
import { restoreState } from './store/restore.js';
import { OutboundSync } from './sync/outbound.js';
import { serviceDay } from './time/day.js';
import { faDigits } from './time/digits.js';
import { instantAtLocal } from './time/zoned.js';
import { Voice } from './voice/voice.js';
import type { VoiceRates } from './http/routes/voice-rate.js';
import { Messaging } from './messages/messaging.js';
import { Booking } from './appointments/booking.js';
import type { BookingRates } from './http/routes/appointments.js';
import { SmsSettingsError } from './messages/create-gateway.js';
import type { SmsGateway } from './messages/gateway.js';
import type { DispatchRules } from './messages/dispatcher.js';

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

export const DEMO_USERS = [
  { username: 'staff1', name: 'کارمند یکم', role: 'staff' },
  { username: 'staff2', name: 'کارمند دوم', role: 'staff' },
  { username: 'staff3', name: 'کارمند سوم', role: 'staff' },
  { username: 'staff4', name: 'کارمند چهارم', role: 'staff' },
  { username: 'manager', name: 'مدیر اداره', role: 'manager' },
  { username: 'admin', name: 'مدیر سامانه', role: 'admin' },
] as const;
export const DEMO_PASSWORD = 'demo';

/** Messaging as the office's settings say; settings it cannot use (a key not in the environment) refuse the start. */
function startMessaging(deps: Parameters<typeof Messaging.start>[0], abandon: () => void): Messaging | null {
  try {
    return Messaging.start(deps);
  } catch (error) {
    if (!(error instanceof SmsSettingsError)) throw error;
    abandon();
    throw new StartRefused(error.message);
  }
}

/** The server will not start on this database with these options; the message says why, for an operator. */
export class StartRefused extends Error {
  override readonly name = 'StartRefused';
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger();
  const db = openDatabase(join(options.dataDir, 'nobat.db'));
  const stored = readStoredConfig(db);
  if (stored?.origin === 'demo' && options.config) {
    db.close();
    throw new StartRefused(`${options.dataDir} holds the demo office's database: give the office file a new --data folder`);
  }
  // The database, not the command line, says whether this is the demo: a configured office started
  // without its file is still that office.
  const demo = stored ? stored.origin === 'demo' : options.config === undefined;
  if (stored && options.config) log.info('the office file seeded this database earlier; the configuration in the database is used (export it with `nobat config export`)');
  if (stored && !options.config && !demo) log.warn('no office file given: this database belongs to a configured office, so it runs as that office from its stored configuration, not as the demo');
  const configs = (({ config, revision, versions }) => new ConfigHolder(config, revision, versions))(
    stored ?? seedStoredConfig(db, options.config ?? parseOffice(demoOffice, 'demo office'), demo ? 'demo' : 'office-file', clock()),
  );
  // Only what start-up needs is read here; everything that runs reads configs.current().
  const config = configs.current();
  const accounts = new Accounts(db, clock, demo);
  await seedUsers(accounts, options.config?.users ?? [], demo);

  const state = restoreState(db, rulesOf(config), config.desks);
  const store = new EventStore(db, config.timeZone);
  const history = ServiceHistory.fromEvents(todaysEvents(db, clock(), config.timeZone), { timeZone: config.timeZone });
  const office = new Office(state, store, clock, [(event) => history.observe(event)], log);
  const read = new ReadModel(() => configs.current(), state, db, { estimator: createNobatEstimator(), history }, clock);
  const recentCalls = new RecentCalls((deskId) => read.deskNumber(deskId));
  recentCalls.observe(store.eventsAfter(Math.max(0, store.lastSeq() - 200), 200).filter((e) => e.event.at >= startOfToday(clock(), config.timeZone)), (id) => state.tickets.get(id));

  // Messages wait in the outbox for the gateway; a command never waits for them.
  const messaging = startMessaging({
    db,
    state,
    dataDir: options.dataDir,
    settings: () => configs.current().sms,
    officeName: () => configs.current().name,
    deskNumber: (deskId) => read.deskNumber(deskId),
    clock,
    log,
    ...(options.sms?.gateway ? { gateway: options.sms.gateway } : {}),
    ...(options.sms?.rules ? { rules: options.sms.rules } : {}),
  }, () => db.close());
  if (messaging) office.on('committed', (events) => messaging.observe(events));
  // Only the demo gets virtual keypads: a real office without keypads must not collect made-up ratings.
  const virtualKeypads = (options.virtualKeypads ?? demo) && config.keypads.length === 0
    ? await VirtualKeypads.start({ dir: join(options.dataDir, 'virtual-keypads'), deskId: config.desks.find((d) => d.id === 'desk-1')?.id ?? config.desks[0]!.id, office, log })
    : null;
  const keypads = new KeypadHub({ keypads: [...config.keypads, ...(virtualKeypads?.keypads ?? [])], office, ratings: new RatingStore(db, config.timeZone), log });

  let port = options.port;
  // The slip's QR code and the kiosk's on-screen one name the same address.
  const publicUrl = () => configs.current().publicUrl ?? lanUrl(port);
  let printerDriverConfig = printerConfig(config, options.dataDir);
  const printer = options.printer === null ? null : createServerPrinter(options.printer ?? printerDriverConfig);
  const voice = new Voice(db, options.dataDir, () => configs.current(), clock, log);
  const booking = new Booking({ db, dataDir: options.dataDir, config: () => configs.current(), clock, log, messaging });
  // The monitor reads the configuration at each check, so a changed target wait counts at once.
  const alerts = new AlertMonitor({ db, get config() { return configs.current(); }, state, clock, log, overdueFeedback: (now) => voice.feedback.overdue(now) });
  const printing = printer && new TicketPrinting(printer, () => configs.current(), publicUrl, log, {
    outcome: ({ ticketId, result }) => {
      io.to('kiosk').emit('print:result', result.ok ? { ticketId, ok: true } : { ticketId, ok: false, fault: result.fault, message: result.message });
      // A ticket not queued says nothing of the printer's health; the backlog has its own alert.
      if (result.ok || result.fault !== 'busy') alerts.printed(result.ok ? { ok: true } : { ok: false, fault: result.fault, message: result.message });
    },
    backlog: (behind) => alerts.printerBehind(behind),
  });
  // A keypad's name in an alert: the desk it stands at, or the exit.
  const keypadName = (status: { id: string; deskId: string | null }) => {
    const desk = configs.current().desks.find((d) => d.id === status.deskId);
    return desk ? `باجهٔ ${faDigits(desk.number)}` : `خروجی (${status.id})`;
  };
  for (const status of keypads.health()) alerts.keypadHealth(status.id, keypadName(status), status.online);
  keypads.on('health', (status) => alerts.keypadHealth(status.id, keypadName(status), status.online));
  // An admin's change applies before anyone hears of it: the queue's rules and desks, the estimates,
  // and a printer with new paper settings.
  configs.on('changed', (next, change) => {
    applyConfig(state, next);
    read.configChanged();
    if (change.entity === 'printer' && printing && !options.printer) {
      // A new logo or header text needs no new driver: the next job carries it, and the driver renders
      // (and stores in the printer's memory) a header it has not seen.
      const driver = printerConfig(next, options.dataDir);
      if (JSON.stringify(driver) !== JSON.stringify(printerDriverConfig)) void printing.usePrinter(createServerPrinter(driver));
      printerDriverConfig = driver;
    }
    log.info('configuration changed', { entity: change.entity, id: change.entityId, action: change.action, revision: change.revision });
  });
  if (messaging) messaging.onHealth((health) => alerts.smsHealth(health));
  const accountAdmin = new AccountAdmin(db, accounts, configs, clock);
  const stats = new StatsDays(db, () => configs.current(), clock);
  stats.fillInBackground();
  const deps: AppDeps = {
    office,
    read,
    accounts,
    get config() {
      return configs.current();
    },
    configs,
    configEditor: new ConfigEditor(db, configs, clock),
    accountAdmin,
    db,
    stats,
    log,
    demo,
    keypads,
    alerts,
    voice,
    ...(options.limits?.voice ? { voiceRates: options.limits.voice } : {}),
    booking,
    ...(options.limits?.booking ? { bookingRates: options.limits.booking } : {}),
    publicUrl,
    messaging,
    ...(printing ? { onTicketIssued: (ticket: Parameters<typeof printing.print>[0], _by, language) => printing.print(ticket, language) } : {}),
    ...(printing ? { onFollowUpSlip: (slip: Parameters<typeof printing.printFollowUp>[0], language: 'fa' | 'en') => printing.printFollowUp(slip, language) } : {}),
    ...(options.limits?.http ? { httpRate: options.limits.http } : {}),
  };
  const app = createApp(deps);
  const server = await listen(app.fetch, options.port, options.host ?? '0.0.0.0').catch(async (error: unknown) => {
    await keypads.close();
    await virtualKeypads?.close();
    await stats.close();
    await messaging?.close();
    throw error;
  });
  const realtime = attachRealtime(server as HttpServer, { office, read, accounts, configs, log, demo, recentCalls, db, alerts, publicUrl, managerRefreshMs: options.tickMs, ...(options.limits?.socket ? { socketRate: options.limits.socket } : {}), ...(options.limits?.socketWriteBufferBytes ? { socketWriteBufferBytes: options.limits.socketWriteBufferBytes } : {}) });
  const io = realtime.io;
  // Waits grow and devices stay away without any command: the alerts are checked on a timer too,
  // and soon after commits (coalesced, so a busy office does not check per ticket).
  alerts.start(options.tickMs ?? 5000);
  voice.start();
  booking.start();
  let alertCheck: NodeJS.Timeout | null = null;
  office.on('committed', () => {
    alertCheck ??= setTimeout(() => {
      alertCheck = null;
      alerts.check();
    }, 200);
  });
  alerts.check();
  // Ships the event log to the organisation's central once `nobat join` has linked this office.
  const outbound = new OutboundSync({ db, timeZone: () => configs.current().timeZone, log, status: () => officeStatus(state) });
  outbound.start();
  office.on('committed', () => outbound.nudge());
  port = (server.address() as AddressInfo).port;
  // Asking for the status starts the print worker now, not at the first visitor's touch, and tells
  // staff at once when the printer is not there.
  void printer?.status().then((status) => {
    if (status.fault || !status.online || status.paperEnd || status.coverOpen) log.warn('printer not ready at start-up', { ...status });
  });
  log.info('nobat ready', { port, demo, office: config.name, seq: store.lastSeq(), configRevision: configs.revision() });

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      realtime.close();
      alerts.close();
      voice.close();
      booking.close();
      if (alertCheck) clearTimeout(alertCheck);
      server.close(() => {
        const keypadsClosed = keypads.close().then(() => virtualKeypads?.close());
        void Promise.allSettled([printing?.close(), keypadsClosed, stats.close(), outbound.close(), messaging?.close()]).finally(() => {
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
    demo,
    db,
    office,
    accounts,
    get config() {
      return configs.current();
    },
    configs,
    keypads,
    virtualKeypads,
    alerts,
    booking,
    publicUrl,
    routes,
    close,
  };
}

async function seedUsers(accounts: Accounts, users: OfficeConfig['users'], demo: boolean): Promise<void> {
  for (const user of users) if (!accounts.hasUser(user.username)) await accounts.addUser(user);
  if (!demo) return;
  for (const user of DEMO_USERS) if (!accounts.hasUser(user.username)) await accounts.addUser({ ...user, password: DEMO_PASSWORD, demo: true });
}

/** What central's live table shows of the office: visitors waiting for a first call, desks open. */
function officeStatus(state: ReturnType<typeof restoreState>): { waiting: number; desksOpen: number } {
  let waiting = 0;
  for (const ticket of state.tickets.values()) if (ticket.status === 'issued') waiting += 1;
  let desksOpen = 0;
  for (const desk of state.desks.values()) if (desk.open) desksOpen += 1;
  return { waiting, desksOpen };
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
  const settings = { widthDots: 576, nvHeader: false, timeoutMs: 2000, ...config.printer } as const;
  return { widthDots: settings.widthDots, nvHeader: settings.nvHeader, timeoutMs: settings.timeoutMs, transport: config.printer?.transport ?? { kind: 'file', dir: join(dataDir, 'printed') } };
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
