// Builds one office from its database, clock and devices: the HTTP app, the office, and what
// realtime needs, with no port. main.ts opens the files and hardware, calls this and listens; tests
// call it over a database of their own and send requests with `app.request()`.
import type { Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import type { ServerPrinter } from '../drivers/printer/server-printer.js';
import type { PrinterConfig } from '../drivers/printer/types.js';
import { AccountAdmin } from './admin/accounts-admin.js';
import { ConfigEditor } from './admin/config-editor.js';
import { AlertMonitor } from './alerts/monitor.js';
import { Accounts } from './auth/accounts.js';
import { seedUsers } from './auth/demo-users.js';
import type { ConfigHolder } from './config/holder.js';
import { officeOfDatabase, StartRefused } from './config/office-database.js';
import type { OfficeConfig } from './config/schema.js';
import { printerDriverSettings } from './devices/printer-settings.js';
import { printIssuedTickets } from './devices/issued-slips.js';
import { TicketPrinting } from './devices/printing.js';
import { ServiceHistory } from './estimate/history.js';
import { createNobatEstimator } from './estimate/nobat.js';
import { createApp } from './http/app.js';
import type { AppDeps } from './http/env.js';
import type { VoiceRates } from './http/routes/voice-rate.js';
import type { BookingRates } from './http/routes/appointments.js';
import { Booking } from './appointments/booking.js';
import { KeypadHub } from './keypads/hub.js';
import { RatingStore } from './keypads/rating-store.js';
import { VirtualKeypads } from './keypads/virtual-keypads.js';
import type { BucketLimits } from './limits/token-bucket.js';
import type { Logger } from './log.js';
import { SmsSettingsError } from './messages/create-gateway.js';
import type { DispatchRules } from './messages/dispatcher.js';
import type { SmsGateway } from './messages/gateway.js';
import { Messaging } from './messages/messaging.js';
import { applyConfig, rulesOf } from './office/apply-config.js';
import type { Clock } from './office/clock.js';
import { Office } from './office/office.js';
import { ReadModel } from './office/read-model.js';
import type { QueueState } from './queue/index.js';
import { meetingCall, RecentCalls, RECENT_CALLS } from './realtime/board.js';
import { StatsDays } from './stats/days.js';
import { attachRealtime } from './realtime/server.js';
import { EventStore } from './store/event-store.js';
import type { Db } from './store/open.js';
import { restoreState } from './store/restore.js';
import { OutboundSync } from './sync/outbound.js';
import { startOfServiceDay } from './time/day.js';
import { faDigits } from './time/digits.js';
import { Voice } from './voice/voice.js';

export interface OfficeOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  /** The office's folder: the mobile numbers' key, a file SMS gateway, the virtual printer's slips, the virtual keypads' links. */
  dataDir: string;
  /** The office file: it seeds a new database; after that the configuration lives in the database. */
  officeFile?: OfficeConfig;
  /**
   * How a printer is opened from its driver settings (the office's, again after an admin changes
   * them), or null for no printer. `fixed`: these settings whatever the office says (a test's failing printer).
   */
  printer: { open(settings: PrinterConfig): ServerPrinter; fixed?: PrinterConfig } | null;
  /** Where the server is reached on the office network, for QR codes when the office sets no publicUrl. */
  address?: () => string;
  /** Request rates per device, session or address (HTTP) and per socket, and what may wait unsent for a socket; the defaults when absent. */
  limits?: { http?: BucketLimits; socket?: BucketLimits; socketWriteBufferBytes?: number; voice?: VoiceRates; booking?: BookingRates };
  /** Run the demo's virtual keypads (socat pty pairs with the simulator); default: in the demo office. */
  virtualKeypads?: boolean;
  /** How often alerts are checked and managers' snapshots refreshed without a change (ms, 5000 by default). */
  tickMs?: number;
  /** A test's SMS gateway and retry rules, instead of what the office's `sms` settings name. */
  sms?: { gateway?: SmsGateway; rules?: DispatchRules };
}

export interface BuiltOffice {
  /** The HTTP app (API, pages, static files); serve it, or send it requests with `app.request()`. */
  app: ReturnType<typeof createApp>;
  office: Office;
  accounts: Accounts;
  configs: ConfigHolder;
  demo: boolean;
  alerts: AlertMonitor;
  /** Appointments: tests run its sweep (holds, reminders, erasing) at a moment of their clock. */
  booking: Booking;
  keypads: KeypadHub;
  /** The demo's virtual keypads, to press by hand; null when there are none. */
  virtualKeypads: VirtualKeypads | null;
  printer: ServerPrinter | null;
  /** Where phones reach the server, as the slip's QR code names it. */
  publicUrl: () => string;
  /** Socket.IO on the HTTP server that serves `app`. */
  attachRealtime(server: HttpServer): { close(): void };
  /** Starts what runs by itself: alert and feedback timers, filling kept statistics, shipping to central. */
  start(): void;
  /** Stops all of it and lets devices finish; the database stays open (its opener closes it). */
  close(): Promise<void>;
}

export async function buildOffice(options: OfficeOptions): Promise<BuiltOffice> {
  const { db, clock, log, dataDir } = options;
  const { configs, demo } = officeOfDatabase(db, options.officeFile, clock(), log, dataDir);
  // Only what building needs is read here; everything that runs reads configs.current().
  const config = configs.current();
  const accounts = new Accounts(db, clock, demo);
  await seedUsers(accounts, options.officeFile?.users ?? [], demo);

  const state = restoreState(db, rulesOf(config), config.desks);
  const store = new EventStore(db, config.timeZone);
  const history = ServiceHistory.fromEvents(store.eventsFrom(startOfServiceDay(clock(), config.timeZone)), { timeZone: config.timeZone });
  const office = new Office(state, store, clock, [(event) => history.observe(event)], log);
  const read = new ReadModel(() => configs.current(), state, db, { estimator: createNobatEstimator(), history }, clock);
  const recentCalls = new RecentCalls((deskId) => read.deskNumber(deskId));
  const today = startOfServiceDay(clock(), config.timeZone);
  recentCalls.observe(store.eventsAfter(Math.max(0, store.lastSeq() - 200), 200).filter((e) => e.event.at >= today), (id) => state.tickets.get(id));

  // Messages wait in the outbox for the gateway; a command never waits for them.
  const messaging = startMessaging({
    db,
    state,
    dataDir,
    settings: () => configs.current().sms,
    officeName: () => configs.current().name,
    deskNumber: (deskId) => read.deskNumber(deskId),
    clock,
    log,
    ...(options.sms?.gateway ? { gateway: options.sms.gateway } : {}),
    ...(options.sms?.rules ? { rules: options.sms.rules } : {}),
  });
  if (messaging) office.on('committed', (events) => messaging.observe(events));
  // Only the demo gets virtual keypads: a real office without keypads must not collect made-up ratings.
  const virtualKeypads = (options.virtualKeypads ?? demo) && config.keypads.length === 0
    ? await VirtualKeypads.start({ dir: join(dataDir, 'virtual-keypads'), deskId: config.desks.find((d) => d.id === 'desk-1')?.id ?? config.desks[0]!.id, office, log })
    : null;
  const keypads = new KeypadHub({ keypads: [...config.keypads, ...(virtualKeypads?.keypads ?? [])], office, ratings: new RatingStore(db, config.timeZone), log });

  // The slip's QR code and the kiosk's on-screen one name the same address.
  const address = options.address ?? (() => 'http://localhost');
  const publicUrl = () => configs.current().publicUrl ?? address();
  const voice = new Voice(db, dataDir, () => configs.current(), clock, log);
  recentCalls.restore(voice.meetings.callsSince(today, RECENT_CALLS).map(meetingCall));
  const booking = new Booking({ db, dataDir, config: () => configs.current(), clock, log, messaging });
  // The monitor reads the configuration at each check, so a changed target wait counts at once.
  const alerts = new AlertMonitor({ db, get config() { return configs.current(); }, state, clock, log, overdueFeedback: (now) => voice.feedback.overdue(now) });

  let printerSettings = printerDriverSettings(config, dataDir);
  const printer = options.printer && options.printer.open(options.printer.fixed ?? printerSettings);
  const printing = printer && new TicketPrinting(printer, () => configs.current(), publicUrl, log);
  printing?.on('outcome', ({ result }) => {
    // A ticket not queued says nothing of the printer's health; the backlog has its own alert.
    if (result.ok || result.fault !== 'busy') alerts.printed(result.ok ? { ok: true } : { ok: false, fault: result.fault, message: result.message });
  });
  printing?.on('backlog', (behind) => alerts.printerBehind(behind));
  const stopPrinting = printing ? printIssuedTickets(office, read, printing) : null;

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
    if (change.entity === 'printer' && printing && options.printer && !options.printer.fixed) {
      // A new logo or header text needs no new driver: the next job carries it, and the driver renders
      // (and stores in the printer's memory) a header it has not seen.
      const settings = printerDriverSettings(next, dataDir);
      if (JSON.stringify(settings) !== JSON.stringify(printerSettings)) void printing.usePrinter(options.printer.open(settings));
      printerSettings = settings;
    }
    log.info('configuration changed', { entity: change.entity, id: change.entityId, action: change.action, revision: change.revision });
  });
  if (messaging) messaging.onHealth((health) => alerts.smsHealth(health));
  // Waits grow and devices stay away without any command: the alerts are checked on a timer too,
  // and soon after commits.
  office.on('committed', () => alerts.checkSoon());

  const stats = new StatsDays(db, () => configs.current(), clock);
  const deps: AppDeps = {
    office,
    read,
    accounts,
    get config() {
      return configs.current();
    },
    configs,
    configEditor: new ConfigEditor(db, configs, clock),
    accountAdmin: new AccountAdmin(db, accounts, configs, clock),
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
    ...(printing ? { onFollowUpSlip: (slip: Parameters<typeof printing.printFollowUp>[0], language: 'fa' | 'en') => printing.printFollowUp(slip, language) } : {}),
    ...(options.limits?.http ? { httpRate: options.limits.http } : {}),
  };
  const app = createApp(deps);
  // Ships the event log to the organisation's central once `nobat join` has linked this office.
  const outbound = new OutboundSync({ db, timeZone: () => configs.current().timeZone, log, status: () => officeStatus(state) });
  office.on('committed', () => outbound.nudge());

  return {
    app,
    office,
    accounts,
    configs,
    demo,
    alerts,
    booking,
    keypads,
    virtualKeypads,
    printer,
    publicUrl,
    attachRealtime: (server) =>
      attachRealtime(server, {
        office, read, accounts, configs, log, demo, recentCalls, db, alerts, publicUrl, printing, meetings: voice.meetings, feedback: voice.feedback,
        managerRefreshMs: options.tickMs,
        ...(options.limits?.socket ? { socketRate: options.limits.socket } : {}),
        ...(options.limits?.socketWriteBufferBytes ? { socketWriteBufferBytes: options.limits.socketWriteBufferBytes } : {}),
      }),
    start() {
      stats.fillInBackground();
      alerts.start(options.tickMs ?? 5000);
      voice.start();
      booking.start();
      alerts.check();
      outbound.start();
    },
    async close() {
      stopPrinting?.();
      alerts.close();
      voice.close();
      booking.close();
      const keypadsClosed = keypads.close().then(() => virtualKeypads?.close());
      await Promise.allSettled([printing?.close(), keypadsClosed, stats.close(), outbound.close(), messaging?.close()]);
    },
  };
}

/** Messaging as the office's settings say; settings it cannot use (a key not in the environment) refuse the start. */
function startMessaging(deps: Parameters<typeof Messaging.start>[0]): Messaging | null {
  try {
    return Messaging.start(deps);
  } catch (error) {
    if (!(error instanceof SmsSettingsError)) throw error;
    throw new StartRefused(error.message);
  }
}

/** What central's live table shows of the office: visitors waiting for a first call, desks open. */
function officeStatus(state: QueueState): { waiting: number; desksOpen: number } {
  let waiting = 0;
  for (const ticket of state.tickets.values()) if (ticket.status === 'issued') waiting += 1;
  let desksOpen = 0;
  for (const desk of state.desks.values()) if (desk.open) desksOpen += 1;
  return { waiting, desksOpen };
}
