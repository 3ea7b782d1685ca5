// Seeded office days in the trace format, for tests and benchmarks beside the sample traces: the six
// sample scenarios' shapes (steady, morning peak, breaks, priority, surge, workprofiles) and the
// phenomena real offices have (service times that lengthen through the day, clerks who stop calling
// without pausing, a twelve-desk office, a one-desk office, overload with many priority visitors);
// arrivals from a time-varying Poisson process, log-normal service times, patience where the
// scenario has it.
import type { PriorityGroup } from '../queue/types.js';
import { exponential, normal, seededRandom, type Random } from './random.js';
import type { Trace, TraceArrival, TraceDesk, TraceEvent, TraceOffice } from './trace.js';

export const SCENARIOS = [
  'steady',
  'morning-peak',
  'breaks',
  'priority',
  'surge',
  'workprofiles',
  'drift',
  'quiet-desks',
  'twelve-desks',
  'one-desk',
  'priority-overload',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface GenerateOptions {
  seed: number;
  scenario: Scenario;
  /** Hours the kiosk issues tickets (the day's `end`). */
  hours?: number;
  /** Scales every arrival rate: 1 is the scenario's usual load. */
  load?: number;
  date?: string;
}

interface ScenarioShape {
  services: Array<{ id: string; name: string; meanSeconds: number }>;
  desks: Array<{ id: string; services: string[] }>;
  /** Arrivals per hour at a time of day (hours since opening). */
  ratePerHour(hour: number): number;
  priorityShare: number;
  /** Mean patience in seconds, or null when nobody leaves. */
  meanPatienceSeconds: number | null;
  breaks: Array<{ desk: string; fromHour: number; minutes: number }>;
  /** Clerks who stop calling without pausing the desk (a trace's 'away'). */
  away?: Array<{ desk: string; fromHour: number; minutes: number }>;
  /** Scales every service time by the hour of arrival (hours since opening): 1 is as usual. */
  slowdown?(hour: number): number;
}

const SERVICES = [
  { id: 'S1', name: 'صدور گواهی', meanSeconds: 240 },
  { id: 'S2', name: 'پرداخت عوارض', meanSeconds: 145 },
  { id: 'S3', name: 'ثبت درخواست', meanSeconds: 430 },
  { id: 'S4', name: 'پاسخ به شکایات', meanSeconds: 640 },
  { id: 'S5', name: 'تحویل مدارک', meanSeconds: 120 },
  { id: 'S6', name: 'پروانهٔ کسب', meanSeconds: 520 },
  { id: 'S7', name: 'نقل و انتقال', meanSeconds: 360 },
  { id: 'S8', name: 'استعلام', meanSeconds: 90 },
];
const SERVICE_TIME_CV = 0.75;
const PRIORITY_GROUPS: readonly PriorityGroup[] = ['elderly', 'disabled', 'veteran', 'pregnant'];

const SHAPES: Record<Scenario, ScenarioShape> = {
  steady: {
    services: SERVICES.slice(0, 3),
    desks: ['D1', 'D2', 'D3'].map((id) => ({ id, services: ['S1', 'S2', 'S3'] })),
    ratePerHour: () => 34,
    priorityShare: 0,
    meanPatienceSeconds: null,
    breaks: [],
  },
  'morning-peak': {
    services: SERVICES.slice(0, 3),
    desks: [
      { id: 'D1', services: ['S1', 'S2'] },
      { id: 'D2', services: ['S1', 'S2', 'S3'] },
      { id: 'D3', services: ['S3', 'S1'] },
      { id: 'D4', services: ['S2'] },
    ],
    ratePerHour: (h) => (h < 2 ? 65 : h < 4 ? 50 : 25),
    priorityShare: 0,
    meanPatienceSeconds: null,
    breaks: [],
  },
  breaks: {
    services: SERVICES.slice(0, 2),
    desks: [
      { id: 'D1', services: ['S1', 'S2'] },
      { id: 'D2', services: ['S1', 'S2'] },
      { id: 'D3', services: ['S2', 'S1'] },
    ],
    ratePerHour: () => 41,
    priorityShare: 0,
    meanPatienceSeconds: null,
    breaks: [
      { desk: 'D1', fromHour: 1, minutes: 30 },
      { desk: 'D2', fromHour: 2.5, minutes: 30 },
      { desk: 'D3', fromHour: 4, minutes: 30 },
    ],
  },
  priority: {
    services: SERVICES.slice(0, 3),
    desks: [
      { id: 'D1', services: ['S1', 'S2', 'S3'] },
      { id: 'D2', services: ['S2', 'S1'] },
      { id: 'D3', services: ['S3', 'S2'] },
    ],
    ratePerHour: (h) => (h < 2 ? 60 : h < 3 ? 35 : 18),
    priorityShare: 0.2,
    meanPatienceSeconds: null,
    breaks: [],
  },
  surge: {
    services: SERVICES.slice(0, 3),
    desks: [
      { id: 'D1', services: ['S1', 'S2', 'S3'] },
      { id: 'D2', services: ['S1', 'S2'] },
      { id: 'D3', services: ['S2', 'S3'] },
      { id: 'D4', services: ['S3', 'S1'] },
    ],
    ratePerHour: (h) => (h >= 2 && h < 4 ? 100 : 26),
    priorityShare: 0,
    meanPatienceSeconds: 3600,
    breaks: [],
  },
  workprofiles: {
    services: SERVICES,
    desks: [
      { id: 'D1', services: ['S1'] },
      { id: 'D2', services: ['S1', 'S2'] },
      { id: 'D3', services: ['S2', 'S3'] },
      { id: 'D4', services: ['S3', 'S4', 'S5'] },
      { id: 'D5', services: ['S5', 'S1'] },
    ],
    ratePerHour: (h) => (h < 3 ? 72 : h < 5 ? 50 : 25),
    priorityShare: 0,
    meanPatienceSeconds: null,
    breaks: [],
  },
  // Clerks tire: from 11:00 (3½ h after opening) every visit takes half as long again, and longer still after.
  drift: {
    services: SERVICES.slice(0, 3),
    desks: ['D1', 'D2', 'D3', 'D4'].map((id, i) => ({ id, services: i % 2 === 0 ? ['S1', 'S2', 'S3'] : ['S2', 'S3', 'S1'] })),
    ratePerHour: () => 36,
    priorityShare: 0.05,
    meanPatienceSeconds: null,
    breaks: [],
    slowdown: (h) => (h < 3.5 ? 1 + 0.04 * h : 1.5 + 0.12 * (h - 3.5)),
  },
  // Two of four clerks called away for 90 minutes, the desks still signed in and not paused.
  'quiet-desks': {
    services: SERVICES.slice(0, 3),
    desks: [
      { id: 'D1', services: ['S1', 'S2', 'S3'] },
      { id: 'D2', services: ['S2', 'S1', 'S3'] },
      { id: 'D3', services: ['S3', 'S1', 'S2'] },
      { id: 'D4', services: ['S1', 'S3', 'S2'] },
    ],
    ratePerHour: () => 46,
    priorityShare: 0.05,
    meanPatienceSeconds: null,
    breaks: [],
    away: [
      { desk: 'D2', fromHour: 2, minutes: 90 },
      { desk: 'D4', fromHour: 2.25, minutes: 90 },
    ],
  },
  'twelve-desks': {
    services: SERVICES,
    desks: Array.from({ length: 12 }, (_, i) => ({ id: `D${i + 1}`, services: [SERVICES[i % 8]!.id, SERVICES[(i + 3) % 8]!.id, SERVICES[(i + 5) % 8]!.id] })),
    ratePerHour: (h) => (h < 2 ? 150 : h < 4 ? 130 : 90),
    priorityShare: 0.08,
    meanPatienceSeconds: 5400,
    breaks: [
      { desk: 'D3', fromHour: 2, minutes: 20 },
      { desk: 'D8', fromHour: 3, minutes: 20 },
    ],
  },
  'one-desk': {
    services: [SERVICES[1]!, SERVICES[4]!],
    desks: [{ id: 'D1', services: ['S2', 'S5'] }],
    ratePerHour: (h) => (h < 2 ? 21 : 16),
    priorityShare: 0.05,
    meanPatienceSeconds: null,
    breaks: [{ desk: 'D1', fromHour: 3, minutes: 20 }],
  },
  // More visitors than the desks can serve for three hours, a third of them with priority; people give up.
  'priority-overload': {
    services: SERVICES.slice(0, 3),
    desks: [
      { id: 'D1', services: ['S1', 'S2', 'S3'] },
      { id: 'D2', services: ['S2', 'S1'] },
      { id: 'D3', services: ['S3', 'S2'] },
    ],
    ratePerHour: (h) => (h < 3 ? 62 : 30),
    priorityShare: 0.35,
    meanPatienceSeconds: 4800,
    breaks: [],
  },
};

export function generateTrace(options: GenerateOptions): Trace {
  const shape = SHAPES[options.scenario];
  const random = seededRandom(options.seed);
  const hours = options.hours ?? 7;
  const load = options.load ?? 1;
  const endSeconds = hours * 3600;
  const office: TraceOffice = {
    kind: 'office',
    scenario: options.scenario,
    seed: options.seed,
    date: options.date ?? '2026-11-22',
    tz: 'Asia/Tehran',
    opensAt: '07:30',
    recallSeconds: 60,
    handoverSeconds: 8,
    services: shape.services.map(({ id, name }) => ({ id, name })),
    desks: shape.desks.map((d) => ({ id: d.id, services: [...d.services] })),
  };
  const events: TraceEvent[] = [...arrivals(shape, random, endSeconds, load), ...deskEvents(shape.breaks, 'closed', endSeconds), ...deskEvents(shape.away ?? [], 'away', endSeconds)];
  events.sort((a, b) => a.t - b.t);
  events.push({ t: endSeconds, kind: 'end' });
  return { office, events };
}

function arrivals(shape: ScenarioShape, random: Random, endSeconds: number, load: number): TraceArrival[] {
  const peak = Math.max(...Array.from({ length: Math.ceil(endSeconds / 3600) * 4 }, (_, i) => shape.ratePerHour(i / 4))) * load;
  const out: TraceArrival[] = [];
  // Thinning (Lewis and Shedler): draw at the peak rate, keep each with the ratio of the rate then.
  for (let t = exponential(random, 3600 / peak); t < endSeconds; t += exponential(random, 3600 / peak)) {
    if (random() * peak > shape.ratePerHour(t / 3600) * load) continue;
    const service = shape.services[Math.floor(random() * shape.services.length)]!;
    const priorityGroup = random() < shape.priorityShare ? PRIORITY_GROUPS[Math.floor(random() * PRIORITY_GROUPS.length)]! : null;
    out.push({
      t: round1(t),
      kind: 'arrive',
      visitor: `v${String(out.length + 1).padStart(4, '0')}`,
      service: service.id,
      priorityGroup,
      serviceSeconds: round1(logNormal(random, service.meanSeconds * (shape.slowdown?.(t / 3600) ?? 1), SERVICE_TIME_CV)),
      patienceSeconds: shape.meanPatienceSeconds === null ? null : round1(exponential(random, shape.meanPatienceSeconds)),
    });
  }
  return out;
}

function deskEvents(spells: ScenarioShape['breaks'], state: 'closed' | 'away', endSeconds: number): TraceDesk[] {
  return spells
    .filter((b) => b.fromHour * 3600 < endSeconds)
    .flatMap(({ desk, fromHour, minutes }) => [
      { t: fromHour * 3600, kind: 'desk' as const, desk, state },
      { t: fromHour * 3600 + minutes * 60, kind: 'desk' as const, desk, state: 'open' as const },
    ]);
}

function logNormal(random: Random, mean: number, cv: number): number {
  const sigma2 = Math.log(1 + cv * cv);
  return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * normal(random));
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
