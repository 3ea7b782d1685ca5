// ServiceHistory: what the estimators learn from today's domain events — recent service times per
// service and hour, each service's last wait to be called (LES), recent no-shows, arrival rates per
// service and priority group, desk breaks and the handover gap between visitors. Every collection is
// a fixed window, so memory stays bounded; it can be rebuilt from the day's events at start-up.
import { zonedParts } from '../time/zoned.js';
import type { PriorityGroup, QueueEvent } from '../queue/types.js';
import { Calibration, positionBucket } from './calibration.js';
import { abandonmentRate } from './abandonment.js';
import { RecentValues, mean } from './recent.js';

export interface HistoryOptions {
  /** The office's time zone, which decides the hour of day. */
  timeZone: string;
  /** Service times kept per service. */
  serviceWindow?: number;
  /** Service times kept per service and hour of day. */
  hourWindow?: number;
  /** Call outcomes (served or no-show) kept for the no-show rate. */
  outcomeWindow?: number;
  /** How far back arrivals count towards an arrival rate. */
  arrivalWindowSeconds?: number;
  /** Completed desk breaks and handover gaps kept. */
  deskWindow?: number;
  /** Tickets tracked at once (waiting or at a desk); the oldest are forgotten past this. */
  maxTrackedTickets?: number;
}

export interface CallOutcome {
  waitedSeconds: number;
  noShow: boolean;
}

interface TrackedTicket {
  serviceId: string;
  calledAt: number | null;
  waitedSeconds: number;
  priority: boolean;
  /** The point estimate the visitor was promised at issue and their place in line then. */
  promised?: { seconds: number; low: number; high: number; bucket: number; priority: boolean };
}

/** How fast old service times fade from the recent mean: a slower clerk shows within a quarter-hour. */
const SERVICE_TIME_HALF_LIFE_SECONDS = 15 * 60;

// A desk that stays idle longer than this after a finish was waiting for visitors, not handing over.
const HANDOVER_LIMIT_MS = 120_000;

export class ServiceHistory {
  readonly timeZone: string;
  private readonly serviceWindow: number;
  private readonly hourWindow: number;
  private readonly arrivalWindowMs: number;
  private readonly maxTracked: number;
  private readonly byService = new Map<string, RecentValues>();
  private readonly byServiceHour = new Map<string, RecentValues>();
  private readonly pooled: RecentValues;
  private readonly lastWait = new Map<string, number>();
  private readonly outcomes: RecentValues<CallOutcome>;
  private readonly noShowCosts: RecentValues;
  private readonly arrivals = new Map<string, number[]>();
  private readonly pauses: RecentValues;
  private readonly handovers: RecentValues;
  private readonly unavailableSince = new Map<string, number>();
  private readonly lastFinishAt = new Map<string, number>();
  private readonly tracked = new Map<string, TrackedTicket>();
  private readonly timedServiceTimes = new Map<string, RecentValues<[at: number, seconds: number]>>();
  /** Tickets waiting per service and class, from the events: the place in line a new ticket takes. */
  private readonly waitingCount = new Map<string, number>();
  private readonly lastActiveAt = new Map<string, number>();
  readonly calibration = new Calibration();
  /** The rate of giving up, worked out again only when a call's outcome is added. */
  private leaving: { outcomes: number; rate: number | null } | null = null;
  private outcomesSeen = 0;
  private firstEventAt: number | null = null;
  private lastIssuedAt = -Infinity;

  constructor(options: HistoryOptions) {
    this.timeZone = options.timeZone;
    this.serviceWindow = options.serviceWindow ?? 40;
    this.hourWindow = options.hourWindow ?? 20;
    this.arrivalWindowMs = (options.arrivalWindowSeconds ?? 3600) * 1000;
    this.maxTracked = options.maxTrackedTickets ?? 20_000;
    this.pooled = new RecentValues(this.serviceWindow * 2);
    this.outcomes = new RecentValues(options.outcomeWindow ?? 60);
    this.noShowCosts = new RecentValues(options.outcomeWindow ?? 60);
    this.pauses = new RecentValues(options.deskWindow ?? 20);
    this.handovers = new RecentValues(options.deskWindow ?? 20);
  }

  /** A history rebuilt from a list of events, in the order they were committed. */
  static fromEvents(events: Iterable<QueueEvent>, options: HistoryOptions): ServiceHistory {
    const history = new ServiceHistory(options);
    for (const event of events) history.observe(event);
    return history;
  }

  observe(event: QueueEvent): void {
    this.firstEventAt ??= event.at;
    switch (event.type) {
      case 'ticket.issued': {
        const priority = event.priorityGroup !== null;
        const ahead = this.waitingIn(event.serviceId, priority);
        const promised = event.promise ? { ...event.promise, bucket: positionBucket(ahead), priority } : undefined;
        this.track(event.ticketId, { serviceId: event.serviceId, calledAt: null, waitedSeconds: 0, priority, ...(promised ? { promised } : {}) });
        this.countWaiting(event.serviceId, priority, +1);
        this.noteArrival(event.serviceId, event.priorityGroup, event.at);
        this.lastIssuedAt = event.at;
        return;
      }
      case 'ticket.called': {
        const ticket = this.tracked.get(event.ticketId);
        const finishedAt = this.lastFinishAt.get(event.deskId);
        if (finishedAt !== undefined && this.lastIssuedAt <= finishedAt && event.at - finishedAt <= HANDOVER_LIMIT_MS) {
          this.handovers.push((event.at - finishedAt) / 1000);
        }
        this.lastFinishAt.delete(event.deskId);
        this.lastActiveAt.set(event.deskId, event.at);
        if (!ticket || event.how === 'call_back') return;
        if (ticket.calledAt === null) {
          this.lastWait.set(ticket.serviceId, event.waitedSeconds);
          this.countWaiting(ticket.serviceId, ticket.priority, -1);
        }
        if (ticket.promised) {
          const { seconds, low, high, bucket, priority } = ticket.promised;
          this.calibration.observe(ticket.serviceId, priority, bucket, seconds, event.waitedSeconds);
          this.calibration.observeShown(low, high, event.waitedSeconds);
          delete ticket.promised;
        }
        ticket.calledAt = event.at;
        ticket.waitedSeconds = event.waitedSeconds;
        return;
      }
      case 'ticket.finished': {
        const ticket = this.tracked.get(event.ticketId);
        this.lastActiveAt.set(event.deskId, event.at);
        if (ticket) {
          this.noteServiceTime(ticket.serviceId, event.serviceSeconds, event.at);
          this.outcomes.push({ waitedSeconds: ticket.waitedSeconds, noShow: false });
          this.outcomesSeen++;
        }
        this.tracked.delete(event.ticketId);
        this.lastFinishAt.set(event.deskId, event.at);
        return;
      }
      case 'ticket.no_show': {
        this.lastActiveAt.set(event.deskId, event.at);
        const ticket = this.tracked.get(event.ticketId);
        if (ticket) {
          this.outcomes.push({ waitedSeconds: ticket.waitedSeconds, noShow: true });
          this.outcomesSeen++;
          if (ticket.calledAt !== null) this.noShowCosts.push((event.at - ticket.calledAt) / 1000);
          ticket.calledAt = null;
        }
        this.lastFinishAt.set(event.deskId, event.at);
        return;
      }
      case 'ticket.transferred': {
        const ticket = this.tracked.get(event.ticketId);
        if (ticket) {
          Object.assign(ticket, { serviceId: event.serviceId, calledAt: null });
          this.countWaiting(event.serviceId, ticket.priority, +1);
        }
        return;
      }
      case 'ticket.cancelled': {
        const ticket = this.tracked.get(event.ticketId);
        if (ticket && ticket.calledAt === null) this.countWaiting(ticket.serviceId, ticket.priority, -1);
        this.tracked.delete(event.ticketId);
        return;
      }
      case 'desk.paused':
      case 'desk.closed':
        if (!this.unavailableSince.has(event.deskId)) this.unavailableSince.set(event.deskId, event.at);
        return;
      case 'desk.resumed':
      case 'desk.opened': {
        this.lastActiveAt.set(event.deskId, event.at);
        const since = this.unavailableSince.get(event.deskId);
        if (since !== undefined) this.pauses.push((event.at - since) / 1000);
        this.unavailableSince.delete(event.deskId);
        return;
      }
      case 'ticket.reinstated': {
        const ticket = this.tracked.get(event.ticketId);
        if (ticket) this.countWaiting(ticket.serviceId, ticket.priority, +1);
        return;
      }
      case 'ticket.recalled':
      case 'ticket.started':
      case 'ticket.parked':
        return;
    }
  }

  /** Recent service times of a service, oldest first. */
  serviceTimes(serviceId: string): number[] {
    return this.byService.get(serviceId)?.values() ?? [];
  }

  /**
   * The mean service time of a service now, recent visits weighing more (half-life 15 min), with the
   * weight behind it (how many recent visits it stands for); null before the first.
   */
  recentServiceMean(serviceId: string, now: number): { seconds: number; weight: number } | null {
    const times = this.timedServiceTimes.get(serviceId)?.values();
    if (!times || times.length === 0) return null;
    let sum = 0;
    let weight = 0;
    for (const [at, seconds] of times) {
      const w = Math.pow(0.5, Math.max(0, now - at) / 1000 / SERVICE_TIME_HALF_LIFE_SECONDS);
      sum += w * seconds;
      weight += w;
    }
    return { seconds: sum / weight, weight };
  }

  /** When a desk last called, finished, opened or came back from a break. */
  deskLastActiveAt(deskId: string): number | null {
    return this.lastActiveAt.get(deskId) ?? null;
  }

  /** Tickets waiting in a service's line (priority ones alone for a priority class), as the events tell. */
  waitingIn(serviceId: string, priority: boolean): number {
    const priorityCount = this.waitingCount.get(`${serviceId}|p`) ?? 0;
    return priority ? priorityCount : priorityCount + (this.waitingCount.get(`${serviceId}|n`) ?? 0);
  }

  /** Recent service times of a service during one hour of the day (0–23, office time). */
  serviceTimesAtHour(serviceId: string, hour: number): number[] {
    return this.byServiceHour.get(`${serviceId}@${hour}`)?.values() ?? [];
  }

  /** Recent service times of all services together: the prior for a service not yet seen. */
  pooledServiceTimes(): number[] {
    return this.pooled.values();
  }

  meanServiceSeconds(serviceId: string): number | null {
    return mean(this.serviceTimes(serviceId));
  }

  /** The wait of the last visitor of this service to be called (the LES predictor), if any. */
  lastCalledWait(serviceId: string): number | null {
    return this.lastWait.get(serviceId) ?? null;
  }

  /** Recent first calls and whether the visitor turned out to have gone. */
  recentOutcomes(): CallOutcome[] {
    return this.outcomes.values();
  }

  /** Share of recent calls that ended in a no-show. */
  noShowRate(): number {
    const outcomes = this.outcomes.values();
    return outcomes.length === 0 ? 0 : outcomes.filter((o) => o.noShow).length / outcomes.length;
  }

  /** How fast waiting visitors give up (per ms), from the recent calls' waits and no-shows (abandonment.ts). */
  abandonmentRate(): number | null {
    if (this.leaving?.outcomes !== this.outcomesSeen) this.leaving = { outcomes: this.outcomesSeen, rate: abandonmentRate(this.outcomes.values()) };
    return this.leaving.rate;
  }

  /** Mean desk time a no-show costs (call, recall, grace), if one has been seen. */
  noShowCostSeconds(): number | null {
    return mean(this.noShowCosts.values());
  }

  /** Mean gap between finishing a visitor and calling the next when people were waiting. */
  handoverSeconds(): number | null {
    return mean(this.handovers.values());
  }

  /** When a desk last finished a visitor or marked a no-show, if it has not called anyone since. */
  lastFreedAt(deskId: string): number | null {
    return this.lastFinishAt.get(deskId) ?? null;
  }

  /** Durations of completed desk breaks and closures, oldest first. */
  pauseDurations(): number[] {
    return this.pauses.values();
  }

  /** When a desk went on its current break or closed, if this history saw it. */
  deskUnavailableSince(deskId: string): number | null {
    return this.unavailableSince.get(deskId) ?? null;
  }

  /** Arrivals per second of a service and priority group (null: normal) over the recent window. */
  arrivalRate(serviceId: string, priorityGroup: PriorityGroup | null, now: number): number {
    const times = this.arrivals.get(arrivalKey(serviceId, priorityGroup));
    if (!times || this.firstEventAt === null) return 0;
    this.prune(times, now);
    const spanMs = Math.min(this.arrivalWindowMs, now - this.firstEventAt);
    return spanMs <= 0 ? 0 : times.length / (spanMs / 1000);
  }

  /** Arrivals per second of every priority group of a service together. */
  priorityArrivalRate(serviceId: string, now: number): number {
    let rate = 0;
    for (const key of this.arrivals.keys()) {
      const [service, group] = key.split('|');
      if (service === serviceId && group) rate += this.arrivalRate(serviceId, group as PriorityGroup, now);
    }
    return rate;
  }

  /** Hour of the day (office time) of an instant. */
  hourOf(ms: number): number {
    return zonedParts(ms, this.timeZone).hour;
  }

  private countWaiting(serviceId: string, priority: boolean, delta: number): void {
    const key = `${serviceId}|${priority ? 'p' : 'n'}`;
    this.waitingCount.set(key, Math.max(0, (this.waitingCount.get(key) ?? 0) + delta));
  }

  private noteServiceTime(serviceId: string, seconds: number, at: number): void {
    let timed = this.timedServiceTimes.get(serviceId);
    if (!timed) this.timedServiceTimes.set(serviceId, (timed = new RecentValues(this.serviceWindow)));
    timed.push([at, seconds]);
    windowOf(this.byService, serviceId, this.serviceWindow).push(seconds);
    windowOf(this.byServiceHour, `${serviceId}@${this.hourOf(at)}`, this.hourWindow).push(seconds);
    this.pooled.push(seconds);
  }

  private noteArrival(serviceId: string, priorityGroup: PriorityGroup | null, at: number): void {
    const key = arrivalKey(serviceId, priorityGroup);
    let times = this.arrivals.get(key);
    if (!times) this.arrivals.set(key, (times = []));
    times.push(at);
    this.prune(times, at);
  }

  private prune(times: number[], now: number): void {
    let drop = 0;
    while (drop < times.length && times[drop]! < now - this.arrivalWindowMs) drop++;
    if (drop > 0) times.splice(0, drop);
  }

  private track(ticketId: string, ticket: TrackedTicket): void {
    this.tracked.set(ticketId, ticket);
    if (this.tracked.size > this.maxTracked) {
      const oldest = this.tracked.keys().next().value;
      if (oldest !== undefined) this.tracked.delete(oldest);
    }
  }
}

function arrivalKey(serviceId: string, priorityGroup: PriorityGroup | null): string {
  return `${serviceId}|${priorityGroup ?? ''}`;
}

function windowOf(map: Map<string, RecentValues>, key: string, capacity: number): RecentValues {
  let window = map.get(key);
  if (!window) map.set(key, (window = new RecentValues(capacity)));
  return window;
}
