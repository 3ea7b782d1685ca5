// A long office day replayed at high speed through the real server: a large office (12 desks,
// 8 services), its visitors generated deterministically from a seed, four paired kiosks issuing
// over HTTP, twelve clerks calling next, starting, finishing, recalling and marking no-shows over
// HTTP with their X-Request-Id, a display and every desk on Socket.IO throughout. Time is the
// server's injectable clock, moved in steps; everything due within a step is sent at once. The run
// keeps its own record of what happened (the truth the statistics must match) and samples memory.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { io as connect, type Socket } from 'socket.io-client';
import { parseOffice } from '../../../server/config/load.js';
import type { OfficeConfig, OfficeInput } from '../../../server/config/schema.js';
import { demoHours } from '../../../server/config/demo-office.js';
import type { TestOffice } from '../../integration/lib/office-server.js';
import { seededRandom } from '../../../server/estimate/random.js';

export const SERVICES = ['civil', 'tax', 'permit', 'license', 'payment', 'complaint', 'records', 'inquiry'] as const;
const MEAN_SERVICE_SECONDS: Record<(typeof SERVICES)[number], number> = {
  civil: 70, tax: 55, permit: 85, license: 60, payment: 35, complaint: 80, records: 50, inquiry: 30,
};
const SHARE: Record<(typeof SERVICES)[number], number> = {
  civil: 18, tax: 14, permit: 10, license: 12, payment: 20, complaint: 6, records: 10, inquiry: 10,
};
/** Arrivals per hour after opening, relative: a morning peak, a slow afternoon. */
const HOURLY_WEIGHT = [1.0, 1.6, 1.8, 1.4, 1.0, 0.8, 0.6];
export const PASSWORD = 'long-day-password';
const KIOSKS = 4;
const STEP_SECONDS = 60;
const NO_SHOW_SHARE = 0.03;

export interface Visitor {
  index: number;
  /** Seconds after opening. */
  arrival: number;
  serviceId: string;
  serviceSeconds: number;
  noShow: boolean;
}

/** The large office: 12 desks with overlapping workprofiles over 8 services, 12 clerks and a manager. */
export function largeOffice(): OfficeConfig {
  const input: OfficeInput = {
    name: 'اداره بزرگ آزمایشی',
    nameEn: 'Large test office',
    timeZone: 'Asia/Tehran',
    hours: demoHours,
    policy: { maxPriorityStreak: 3, normalWaitLimitMinutes: 30, noShowGraceSeconds: 60, counterDigits: 3 },
    services: SERVICES.map((id, i) => ({
      id,
      code: id.slice(0, 6).toUpperCase(),
      name: `خدمت ${i + 1}`,
      nameEn: `Service ${i + 1}`,
      prefix: String(i + 1),
      guidance: { description: `راهنمای خدمت ${i + 1}`, expectedMinutes: Math.ceil(MEAN_SERVICE_SECONDS[id] / 60) },
    })),
    desks: Array.from({ length: 12 }, (_, i) => ({
      id: `desk-${i + 1}`,
      name: `باجه ${i + 1}`,
      number: i + 1,
      // Each desk serves four services, each service is served by six desks.
      services: [0, 1, 3, 6].map((k) => SERVICES[(i + k) % SERVICES.length]!),
    })),
    users: [
      ...Array.from({ length: 12 }, (_, i) => ({ username: `clerk${i + 1}`, name: `کارمند ${i + 1}`, role: 'staff' as const, password: PASSWORD })),
      { username: 'boss', name: 'مدیر', role: 'manager' as const, password: PASSWORD },
    ],
  };
  return parseOffice(input, 'large test office');
}

/** `count` visitors over seven hours, the same for the same seed. */
export function generateVisitors(count: number, seed: number): Visitor[] {
  const random = seededRandom(seed);
  const totalWeight = HOURLY_WEIGHT.reduce((a, b) => a + b, 0);
  const shares = SERVICES.map((id) => SHARE[id]);
  const shareTotal = shares.reduce((a, b) => a + b, 0);
  const visitors: Visitor[] = [];
  for (let index = 0; index < count; index++) {
    // Arrival: an hour by its weight, then uniform within it.
    let pick = random() * totalWeight;
    let hour = 0;
    while (pick > HOURLY_WEIGHT[hour]! && hour < HOURLY_WEIGHT.length - 1) pick -= HOURLY_WEIGHT[hour++]!;
    const arrival = (hour + random()) * 3600;
    let service = random() * shareTotal;
    let s = 0;
    while (service > shares[s]! && s < shares.length - 1) service -= shares[s++]!;
    const serviceId = SERVICES[s]!;
    // Log-normal service time around the service's mean (sigma 0.5), at least 10 s.
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const serviceSeconds = Math.max(10, MEAN_SERVICE_SECONDS[serviceId] * Math.exp(0.5 * normal - 0.125));
    visitors.push({ index, arrival, serviceId, serviceSeconds, noShow: random() < NO_SHOW_SHARE });
  }
  return visitors.sort((a, b) => a.arrival - b.arrival);
}

/** What the run saw happen to one ticket, at the server's (virtual) times. */
export interface TicketRecord {
  visitor: Visitor;
  ticketId: string;
  issuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  noShowAt: number | null;
}

export interface MemorySample {
  /** Virtual seconds after opening. */
  at: number;
  heapUsed: number;
  rss: number;
}

export interface DayRun {
  tickets: TicketRecord[];
  calls: number;
  recalls: number;
  /** call:announced events the display received. */
  announced: number;
  /** Sockets that disconnected during the day. */
  disconnects: number;
  /** Retried desk commands (same X-Request-Id) answered with the same ticket. */
  retriesAnswered: number;
  retries: number;
  requests: number;
  memory: MemorySample[];
  elapsedMs: number;
  managerToken: string;
}

/** Heap after a full GC, from inside this process (the server's when it runs in-process). */
export const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

export async function runDay(office: TestOffice, visitors: Visitor[], options: { sampleEverySeconds?: number } = {}): Promise<DayRun> {
  const started = performance.now();
  const opening = office.clock.now;
  const sampleEvery = options.sampleEverySeconds ?? 1800;
  const config = office.server.config;
  const kiosks = Array.from({ length: KIOSKS }, (_, i) => office.server.accounts.addDevice('kiosk', `kiosk ${i + 1}`, null).token);
  const displayToken = office.server.accounts.addDevice('display', 'hall', null).token;
  const desks = await Promise.all(
    config.desks.map(async (desk, i) => ({ id: desk.id, services: desk.services, token: await office.login(`clerk${i + 1}`, desk.id, PASSWORD), current: null as null | Current })),
  );
  const managerToken = await office.login('boss', undefined, PASSWORD);

  const run: DayRun = { tickets: [], calls: 0, recalls: 0, announced: 0, disconnects: 0, retriesAnswered: 0, retries: 0, requests: 0, memory: [], elapsedMs: 0, managerToken };
  const sockets: Socket[] = [];
  const display = socketFor(office.server.url, displayToken, sockets);
  display.on('call:announced', () => run.announced++);
  for (const desk of desks) socketFor(office.server.url, desk.token, sockets);
  await Promise.all(sockets.map((socket) => new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  })));
  for (const socket of sockets) socket.on('disconnect', () => run.disconnects++);

  const records = new Map<string, TicketRecord>();
  /** Issued and not yet called, per service: a clerk presses "next" when the screen shows someone waiting. */
  const waiting = new Map<string, number>();
  let requestSerial = 0;
  const call = async (method: string, path: string, token: string, body?: unknown, requestId?: string) => {
    run.requests++;
    const answer = await office.api(method, path, { token, ...(body === undefined ? {} : { body }), ...(requestId ? { headers: { 'x-request-id': requestId } } : {}) });
    if (answer.status >= 300 && answer.status !== 204) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  };
  const deskCommand = (desk: Desk, path: string, body?: unknown) => call('POST', path, desk.token, body, `${desk.id}-${++requestSerial}`);

  const issue = async (visitor: Visitor, now: number) => {
    const key = `visitor-${visitor.index}`;
    const answer = await office.api('POST', '/tickets', { token: kiosks[visitor.index % KIOSKS]!, body: { serviceId: visitor.serviceId }, headers: { 'idempotency-key': key } });
    run.requests++;
    if (answer.status !== 201) throw new Error(`issue: ${answer.status} ${JSON.stringify(answer.body)}`);
    const record: TicketRecord = { visitor, ticketId: answer.body.id, issuedAt: now, calledAt: null, startedAt: null, finishedAt: null, noShowAt: null };
    records.set(record.ticketId, record);
    run.tickets.push(record);
    waiting.set(visitor.serviceId, (waiting.get(visitor.serviceId) ?? 0) + 1);
  };

  const actAt = async (desk: Desk, now: number) => {
    const current = desk.current;
    // A visit that is over ends with "finish" (every third) or, as clerks mostly do, with "next".
    let endsWithNext: TicketRecord | null = null;
    if (current?.phase === 'serving' && current.endsAt <= now) {
      if (current.record.visitor.index % 3 === 0) {
        await deskCommand(desk, `/tickets/${current.record.ticketId}/finish`, { outcome: 'done', note: null });
        current.record.finishedAt = now;
      } else {
        endsWithNext = current.record;
      }
      desk.current = null;
    } else if (current?.phase === 'called') {
      if (current.recalledAt === null) {
        await deskCommand(desk, `/tickets/${current.record.ticketId}/recall`);
        run.recalls++;
        current.recalledAt = now;
      } else if (now - current.recalledAt >= config.policy.noShowGraceSeconds * 1000) {
        await deskCommand(desk, `/tickets/${current.record.ticketId}/no-show`);
        current.record.noShowAt = now;
        desk.current = null;
      }
    }
    if (desk.current || (!endsWithNext && !desk.services.some((id) => (waiting.get(id) ?? 0) > 0))) return;
    const requestId = `${desk.id}-${++requestSerial}`;
    const next = await call('POST', `/desks/${desk.id}/next`, desk.token, undefined, requestId);
    if (endsWithNext) endsWithNext.finishedAt = now;
    if (next.status === 204) return;
    // Now and then the clerk's click is retried (a flaky network): the same request id, the same ticket.
    if (requestSerial % 50 === 0) {
      run.retries++;
      const again = await call('POST', `/desks/${desk.id}/next`, desk.token, undefined, requestId);
      if (again.body?.ticket?.id === next.body.ticket.id) run.retriesAnswered++;
    }
    const record = records.get(next.body.ticket.id);
    if (!record) throw new Error(`desk ${desk.id} was given a ticket this run did not issue: ${next.body.ticket.id}`);
    run.calls++;
    record.calledAt = now;
    waiting.set(record.visitor.serviceId, waiting.get(record.visitor.serviceId)! - 1);
    if (record.visitor.noShow) {
      desk.current = { record, phase: 'called', recalledAt: null, endsAt: 0 };
      return;
    }
    await deskCommand(desk, `/tickets/${record.ticketId}/start`);
    record.startedAt = now;
    desk.current = { record, phase: 'serving', recalledAt: null, endsAt: now + record.visitor.serviceSeconds * 1000 };
  };

  const sample = (at: number) => {
    collectGarbage();
    const { heapUsed, rss } = process.memoryUsage();
    run.memory.push({ at, heapUsed, rss });
  };

  let next = 0;
  let nextSample = 0;
  for (let t = 0; ; t += STEP_SECONDS) {
    const now = opening + t * 1000;
    office.clock.now = now;
    const arriving: Visitor[] = [];
    while (next < visitors.length && visitors[next]!.arrival <= t) arriving.push(visitors[next++]!);
    await Promise.all([...arriving.map((visitor) => issue(visitor, now)), ...desks.map((desk) => actAt(desk, now))]);
    if (t >= nextSample) {
      sample(t);
      nextSample += sampleEvery;
    }
    const open = run.tickets.some((r) => r.finishedAt === null && r.noShowAt === null);
    if (next === visitors.length && !open && desks.every((d) => d.current === null)) {
      sample(t);
      break;
    }
  }
  run.elapsedMs = performance.now() - started;
  for (const socket of sockets) socket.off('disconnect').disconnect();
  return run;
}

export function socketFor(url: string, token: string, into: Socket[]): Socket {
  const socket = connect(url, { forceNew: true, transports: ['websocket'], reconnection: false, auth: { token } });
  into.push(socket);
  return socket;
}

interface Current {
  record: TicketRecord;
  phase: 'called' | 'serving';
  recalledAt: number | null;
  endsAt: number;
}

interface Desk {
  id: string;
  services: string[];
  token: string;
  current: Current | null;
}

/** Per service, what GET /stats/summary must say, computed from the run's own record. */
export function expectedSummary(tickets: TicketRecord[]) {
  return SERVICES.map((serviceId) => {
    const mine = tickets.filter((r) => r.visitor.serviceId === serviceId);
    const waits = mine.filter((r) => r.calledAt !== null).map((r) => (r.calledAt! - r.issuedAt) / 1000);
    const services = mine.filter((r) => r.finishedAt !== null).map((r) => (r.finishedAt! - r.startedAt!) / 1000);
    return {
      serviceId,
      issued: mine.length,
      served: mine.filter((r) => r.finishedAt !== null).length,
      noShows: mine.filter((r) => r.noShowAt !== null).length,
      cancelled: 0,
      meanWaitSeconds: mean(waits),
      meanServiceSeconds: mean(services),
    };
  });
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Least-squares slope of heap-after-GC over the day, bytes per hour. */
export function heapSlopePerHour(samples: MemorySample[]): number {
  const xs = samples.map((s) => s.at / 3600);
  const ys = samples.map((s) => s.heapUsed);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0);
  const den = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

