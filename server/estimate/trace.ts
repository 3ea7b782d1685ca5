// The office-day trace format of test/fixtures/traces/README.md: an office line, then arrivals, desk
// breaks and the end of issuing, in time order, `t` in seconds since opening. Parsing checks shape
// and order so that a bad file fails with its line number rather than a wrong score.
import type { PriorityGroup } from '../queue/types.js';

export interface TraceOffice {
  kind: 'office';
  scenario: string;
  seed: number;
  /** ISO date of the day, e.g. "2026-11-22". */
  date: string;
  tz: string;
  /** Opening time, "HH:MM", office time. */
  opensAt: string;
  recallSeconds: number;
  handoverSeconds: number;
  services: Array<{ id: string; name: string }>;
  desks: Array<{ id: string; services: string[] }>;
}

export interface TraceArrival {
  t: number;
  kind: 'arrive';
  visitor: string;
  service: string;
  priorityGroup: PriorityGroup | null;
  /** Ground truth, hidden from the estimators: how long the visitor occupies a desk. */
  serviceSeconds: number;
  /** Called later than this after arriving, the visitor has left; null waits forever. */
  patienceSeconds: number | null;
}

export interface TraceDesk {
  t: number;
  kind: 'desk';
  desk: string;
  /** closed: a break the desk records (paused); away: its clerk stops calling without saying so. */
  state: 'open' | 'closed' | 'away';
}

export interface TraceEnd {
  t: number;
  kind: 'end';
}

export type TraceEvent = TraceArrival | TraceDesk | TraceEnd;
export type TraceLine = TraceOffice | TraceEvent;

export interface Trace {
  office: TraceOffice;
  events: TraceEvent[];
}

const PRIORITY_GROUPS: ReadonlySet<string> = new Set(['elderly', 'disabled', 'veteran', 'pregnant']);

/** Parses JSON Lines text, or lines already split or parsed. */
export function parseTrace(input: string | readonly (string | TraceLine)[]): Trace {
  const raw = typeof input === 'string' ? input.split('\n') : input;
  const records: Array<{ line: number; value: unknown }> = [];
  raw.forEach((item, i) => {
    if (typeof item !== 'string') records.push({ line: i + 1, value: item });
    else if (item.trim() !== '') records.push({ line: i + 1, value: parseJson(item, i + 1) });
  });
  const [first, ...rest] = records;
  if (!first || !isOffice(first.value)) throw new TraceError(first?.line ?? 1, 'the first line must be the office');
  const office = first.value;
  const services = new Set(office.services.map((s) => s.id));
  const desks = new Set(office.desks.map((d) => d.id));
  let lastT = 0;
  const events = rest.map(({ line, value }) => {
    const event = checkEvent(value, line, services, desks);
    if (event.t < lastT) throw new TraceError(line, `time ${event.t} is before ${lastT}`);
    lastT = event.t;
    return event;
  });
  return { office, events };
}

export function traceToJsonLines(trace: Trace): string {
  return [trace.office, ...trace.events].map((line) => JSON.stringify(line)).join('\n') + '\n';
}

export class TraceError extends Error {
  constructor(readonly line: number, message: string) {
    super(`trace line ${line}: ${message}`);
    this.name = 'TraceError';
  }
}

function parseJson(text: string, line: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TraceError(line, 'not JSON');
  }
}

function isOffice(value: unknown): value is TraceOffice {
  if (!isRecord(value) || value.kind !== 'office') return false;
  return (
    typeof value.date === 'string' &&
    typeof value.tz === 'string' &&
    typeof value.opensAt === 'string' &&
    typeof value.recallSeconds === 'number' &&
    typeof value.handoverSeconds === 'number' &&
    Array.isArray(value.services) &&
    Array.isArray(value.desks)
  );
}

function checkEvent(value: unknown, line: number, services: ReadonlySet<string>, desks: ReadonlySet<string>): TraceEvent {
  if (!isRecord(value) || typeof value.t !== 'number' || !Number.isFinite(value.t)) throw new TraceError(line, 'an event needs a numeric "t"');
  switch (value.kind) {
    case 'arrive':
      if (typeof value.visitor !== 'string') throw new TraceError(line, 'an arrival needs "visitor"');
      if (typeof value.service !== 'string' || !services.has(value.service)) throw new TraceError(line, `unknown service ${String(value.service)}`);
      if (value.priorityGroup !== null && !PRIORITY_GROUPS.has(String(value.priorityGroup))) throw new TraceError(line, `unknown priority group ${String(value.priorityGroup)}`);
      if (typeof value.serviceSeconds !== 'number' || value.serviceSeconds < 0) throw new TraceError(line, 'an arrival needs "serviceSeconds" ≥ 0');
      if (value.patienceSeconds !== null && typeof value.patienceSeconds !== 'number') throw new TraceError(line, '"patienceSeconds" must be a number or null');
      return value as unknown as TraceArrival;
    case 'desk':
      if (typeof value.desk !== 'string' || !desks.has(value.desk)) throw new TraceError(line, `unknown desk ${String(value.desk)}`);
      if (value.state !== 'open' && value.state !== 'closed' && value.state !== 'away') throw new TraceError(line, 'a desk event needs "state" open, closed or away');
      return value as unknown as TraceDesk;
    case 'end':
      return value as unknown as TraceEnd;
    default:
      throw new TraceError(line, `unknown kind ${String(value.kind)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
