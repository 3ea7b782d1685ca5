// What screens and API answers read: services with their lines and estimated waits, one ticket's
// view, a desk's view. Computed from the in-memory state; finished tickets come from the store.
import type { DeskTicket, DeskView } from './desk-view.js';
import type { OfficeConfig, ServiceConfig } from '../config/schema.js';
import { estimateEvery, type Estimator, type WaitEstimate } from '../estimate/types.js';
import type { ServiceHistory } from '../estimate/history.js';
import { aheadOf, candidatesFor, pickNext, type QueueState, type Ticket } from '../queue/index.js';
import type { FinishOutcome } from '../queue/types.js';
import { deskDayCounts, ticketPromise, ticketRecord, wasTransferred } from '../store/ticket-rows.js';
import type { Db } from '../store/open.js';
import { isOpenAt, nextOpening, periodStart } from '../time/hours.js';
import { newTicketSituation, officeMoment, waitPromise, type OfficeMoment, type WaitNote, type WaitPromiseView } from '../estimate/promise.js';
import type { WaitRange } from '../time/wait-range.js';
import { serviceDay, localClock } from '../time/day.js';
import { instantAtLocal } from '../time/zoned.js';

export type { DeskCurrentTicket, DeskTicket, DeskView } from './desk-view.js';

export interface Estimation {
  estimator: Estimator;
  history: ServiceHistory;
}

export interface ServiceView {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  /** False once an admin closes the service: no new tickets, but those issued stay valid. */
  active: boolean;
  open: boolean;
  waiting: number;
  desksOpen: number;
  estimatedWaitSeconds: WaitPromiseView['estimatedWaitSeconds'];
  estimatedWait: WaitPromiseView['estimatedWait'];
  waitNote: WaitNote | null;
  opensAt?: OfficeMoment;
  targetWaitMinutes: number;
  priorityGroups: string[];
  guidance: ServiceConfig['guidance'];
}

export interface TicketView {
  id: string;
  number: string;
  serviceId: string;
  status: string;
  priorityGroup: string | null;
  issuedAt: number;
  ahead: number;
  estimatedWaitSeconds: WaitPromiseView['estimatedWaitSeconds'];
  estimatedWait: WaitPromiseView['estimatedWait'];
  waitNote: WaitNote | null;
  opensAt?: OfficeMoment;
  /** What the ticket was promised at issue (seconds), as the indicators report scores it. */
  promised: WaitRange | null;
  deskId?: string;
  deskNumber?: number;
  /** Set while the ticket is open and its service has been closed: it stays valid and will be called. */
  serviceClosed?: true;
  /** How a finished (`done`) ticket ended, as the desk recorded it. */
  outcome?: FinishOutcome;
  /** Set while a ticket waits again after a desk transferred it (to its present service or a desk). */
  transferred?: true;
  /** A booked visitor who checked in on time: the booked time (called then, ahead of walk-ins). */
  appointment?: { start: number };
}

/** What anyone holding a ticket's id sees (the phone page, `GET /tickets/:id`): never the visitor's priority group (pregnant, disabled…). */
export type PublicTicketView = Omit<TicketView, 'priorityGroup'>;

export function publicTicket({ priorityGroup: _priorityGroup, ...view }: TicketView): PublicTicketView {
  return view;
}

const FINISH_OUTCOMES: ReadonlySet<string> = new Set<FinishOutcome>(['done', 'referred', 'incomplete_documents']);

/**
 * Estimates are forward simulations, costly with a long line; screens ask for them on every
 * change. An estimate is reused for at least this long (by the office clock) before it is computed
 * again: a second's staleness changes no promise a person reads, and keeps ticket issue fast under
 * load. One that took long to compute is kept longer (COST_FACTOR × its cost), so that estimating
 * never takes more than a small share of the server's time, however long the lines grow.
 */
const ESTIMATE_TTL_MS = 1000;
const COST_FACTOR = 20;
/** The key under which the refresh of every waiting ticket's estimate waits its turn. */
const EVERY_TICKET = 'every-ticket';

/** How long background refreshes may hold the event loop in one turn. */
const REFRESH_SLICE_MS = 3;

/** A background refresh: its steps, and where their result goes (with when it began and its cost). */
interface Refresh<T> {
  steps: Generator<void, T>;
  store(result: T, at: number, costMs: number): void;
}

/** A computation that cannot be cut into steps, as one step. */
function* once<T>(compute: () => T): Generator<void, T> {
  return compute();
}

/** No estimate to ask for: no desk would call the line. */
const UNKNOWN: WaitEstimate = { seconds: Infinity, low: Infinity, high: Infinity };

/** A ticket called, served or gone waits for nothing. */
const NOT_WAITING = { estimatedWaitSeconds: null, estimatedWait: null, waitNote: null } as const;

function ttlFor(costMs: number): number {
  return Math.max(ESTIMATE_TTL_MS, COST_FACTOR * costMs);
}

export class ReadModel {
  private readonly estimates = new Map<string, { at: number; ttl: number; estimate: WaitEstimate }>();
  /** Estimates served stale and waiting to be computed again, in the order they were asked for. */
  private readonly stale = new Map<string, () => Refresh<unknown>>();
  /** The refresh under way, spread over turns of the event loop. */
  private running: { key: string; at: number; costMs: number; refresh: Refresh<unknown> } | null = null;
  private refreshScheduled = false;

  constructor(
    /** The configuration now (admins change it while the server runs). */
    private readonly configNow: () => OfficeConfig,
    private readonly state: QueueState,
    private readonly db: Db,
    private readonly estimation: Estimation,
    private readonly clock: () => number,
  ) {}

  private get config(): OfficeConfig {
    return this.configNow();
  }

  /** After a configuration change: promises stand, but lines, desks and services may differ now. */
  configChanged(): void {
    for (const key of [...this.estimates.keys()]) if (!key.startsWith('t:')) this.estimates.delete(key);
    for (const key of [...this.stale.keys()]) if (key !== EVERY_TICKET) this.stale.delete(key);
    if (this.running && this.running.key !== EVERY_TICKET) this.running = null;
  }

  services(): ServiceView[] {
    const now = this.clock();
    const waiting = new Map<string, number>();
    for (const ticket of this.state.tickets.values()) {
      if (ticket.status === 'issued' && ticket.targetDeskId === null) waiting.set(ticket.serviceId, (waiting.get(ticket.serviceId) ?? 0) + 1);
    }
    return this.config.services.map((service) => {
      const desksOpen = [...this.state.desks.values()].filter((d) => d.open && !d.pause && d.services.includes(service.id)).length;
      return {
        id: service.id,
        code: service.code,
        name: service.name,
        nameEn: service.nameEn,
        prefix: service.prefix,
        active: service.active,
        open: service.active && isOpenAt(service.hours ?? this.config.hours, now, this.config.timeZone),
        waiting: waiting.get(service.id) ?? 0,
        desksOpen,
        // The same promise a new ticket of the service is given at issue (one simulation for both).
        ...this.newTicketPromise(service.id, null),
        targetWaitMinutes: service.targetWaitMinutes,
        priorityGroups: service.priorityGroups,
        guidance: service.guidance,
      };
    });
  }

  /**
   * What a ticket of this service and group would be promised if issued now: the kiosk's tile, the
   * display's line and, asked just before issuing, the new ticket's own promise.
   */
  newTicketPromise(serviceId: string, priorityGroup: string | null): WaitPromiseView {
    const now = this.clock();
    const service = this.config.services.find((s) => s.id === serviceId);
    const hours = service?.hours ?? this.config.hours;
    const withinHours = isOpenAt(hours, now, this.config.timeZone);
    const situation = newTicketSituation(this.state, serviceId, priorityGroup);
    const opening = withinHours ? periodStart(hours, now, this.config.timeZone) : nextOpening(hours, now, this.config.timeZone);
    // Outside hours or with no desk there is no number to give: the simulation is not asked.
    const estimate = withinHours && situation.deskOpen ? this.newTicketEstimate(serviceId, priorityGroup) : UNKNOWN;
    return waitPromise({
      estimate,
      withinHours,
      ...situation,
      opening: opening === null ? null : officeMoment(opening, now, this.config.timeZone),
    });
  }

  /** A waiting ticket's promise now: the line ahead of it and the desks that call it. */
  private ticketPromise(ticket: Ticket): WaitPromiseView {
    const desks = [...this.state.desks.values()].filter((d) => d.open && (ticket.targetDeskId === null ? d.services.includes(ticket.serviceId) : d.id === ticket.targetDeskId));
    return waitPromise({
      estimate: desks.length > 0 ? this.ticketEstimate(ticket.id) : UNKNOWN,
      // A ticket already taken is called whatever the hours say.
      withinHours: true,
      deskOpen: desks.length > 0,
      ahead: aheadOf(this.state, ticket),
      // Free, and this ticket is the one it would call now (not another line of its workprofile).
      deskFree: desks.some((d) => !d.pause && d.currentTicketId === null && pickNext(this.state, d, this.clock())?.id === ticket.id),
    });
  }

  ticket(id: string): TicketView | undefined {
    const live = this.state.tickets.get(id);
    if (live) return this.liveTicket(live);
    const record = ticketRecord(this.db, id);
    if (!record) return undefined;
    return {
      id: record.id,
      number: record.number,
      serviceId: record.serviceId,
      status: record.status,
      priorityGroup: record.priorityGroup,
      issuedAt: record.issuedAt,
      ahead: 0,
      ...NOT_WAITING,
      promised: ticketPromise(this.db, record.id),
      ...this.deskOf(record.deskId),
      ...(record.status === 'done' && record.outcome && FINISH_OUTCOMES.has(record.outcome) ? { outcome: record.outcome as FinishOutcome } : {}),
    };
  }

  liveTicket(ticket: Ticket): TicketView {
    return {
      id: ticket.id,
      number: ticket.number,
      serviceId: ticket.serviceId,
      status: ticket.status,
      priorityGroup: ticket.priorityGroup,
      issuedAt: ticket.issuedAt,
      ahead: aheadOf(this.state, ticket),
      ...(ticket.status === 'issued' ? this.ticketPromise(ticket) : NOT_WAITING),
      promised: ticketPromise(this.db, ticket.id),
      ...this.deskOf(ticket.deskId),
      ...(this.config.services.find((s) => s.id === ticket.serviceId)?.active === false ? { serviceClosed: true as const } : {}),
      ...(ticket.status === 'issued' && wasTransferred(this.db, ticket.id) ? { transferred: true as const } : {}),
      ...(ticket.appointment ? { appointment: { start: ticket.appointment.start } } : {}),
    };
  }

  /**
   * The wait a ticket of this service and group would be promised if issued now. Asked before
   * issuing, it is the new ticket's estimate, without simulating the line once more per ticket.
   */
  newTicketEstimate(serviceId: string, priorityGroup: string | null): WaitEstimate {
    const group = priorityGroup as Parameters<Estimator['estimateNew']>[2];
    const { estimator } = this.estimation;
    const key = `n:${serviceId}:${priorityGroup ?? '-'}`;
    return this.cached(key, () => estimator.estimateNew(this.input(), serviceId, group), () => ({
      steps: estimator.inSteps ? estimator.inSteps.estimateNew(this.input(), serviceId, group) : once(() => estimator.estimateNew(this.input(), serviceId, group)),
      store: (estimate, at, costMs) => this.estimates.set(key, { at, ttl: ttlFor(costMs), estimate }),
    }));
  }

  /** Records what a ticket was promised at issue, so that its first reads agree with its slip. */
  promise(ticketId: string, estimate: WaitEstimate): void {
    this.estimates.set(`t:${ticketId}`, { at: this.clock(), ttl: ESTIMATE_TTL_MS, estimate });
  }

  /** Everything one desk's screen shows. */
  desk(deskId: string): DeskView | undefined {
    const desk = this.state.desks.get(deskId);
    if (!desk) return undefined;
    const current = desk.currentTicketId ? this.state.tickets.get(desk.currentTicketId) : undefined;
    const now = this.clock();
    const waiting = candidatesFor(this.state, desk).sort((a, b) => a.rank - b.rank);
    const parked = [...this.state.tickets.values()].filter((t) => t.status === 'parked' && (t.deskId === deskId || desk.services.includes(t.serviceId)));
    const noShows = [...this.state.tickets.values()].filter((t) => t.status === 'no_show' && desk.services.includes(t.serviceId));
    const day = serviceDay(now, this.config.timeZone);
    const [year, month, date] = day.iso.split('-').map(Number) as [number, number, number];
    return {
      desk: { id: desk.id, number: this.deskNumber(desk.id) ?? 0, services: desk.services, open: desk.open, staffId: desk.staffId, pause: desk.pause },
      current: current ? { ...this.compact(current), calledAt: current.calledAt, lastCalledAt: current.lastCalledAt, recalls: current.recalls, startedAt: current.startedAt, status: current.status } : null,
      waiting: waiting.map((t) => this.compact(t)),
      parked: parked.map((t) => this.compact(t)),
      noShows: noShows.map((t) => this.compact(t)),
      today: deskDayCounts(this.db, deskId, day.iso, instantAtLocal(year, month, date, 0, this.config.timeZone)),
      noShowGraceSeconds: this.config.policy.noShowGraceSeconds,
      now,
      localMinutes: localClock(now, this.config.timeZone).minutes,
    };
  }

  deskNumber(deskId: string): number | undefined {
    return this.config.desks.find((d) => d.id === deskId)?.number;
  }

  private compact(t: Ticket): DeskTicket {
    return { id: t.id, number: t.number, serviceId: t.serviceId, priorityGroup: t.priorityGroup, issuedAt: t.issuedAt, targetDeskId: t.targetDeskId, status: t.status, booked: t.appointment ? { start: t.appointment.start } : null };
  }

  /**
   * A fresh estimate, or a stale one at once while it is computed again in the background, a few
   * milliseconds per turn of the event loop: a request never waits for a simulation that has an
   * answer already, nor for more than a slice of one that is being computed.
   */
  private cached(key: string, compute: () => WaitEstimate, refresh: () => Refresh<WaitEstimate>): WaitEstimate {
    const hit = this.estimates.get(key);
    if (hit && this.isFresh(hit)) return hit.estimate;
    if (hit) {
      this.refreshLater(key, refresh);
      return hit.estimate;
    }
    return this.compute(key, compute);
  }

  /**
   * A waiting ticket's estimate. Every tracked ticket is refreshed each second, so all of them are
   * estimated together, in one simulation of the whole line, never one by one.
   */
  private ticketEstimate(ticketId: string): WaitEstimate {
    const key = `t:${ticketId}`;
    const hit = this.estimates.get(key);
    if (hit && this.isFresh(hit)) return hit.estimate;
    const { estimator } = this.estimation;
    if (hit) {
      this.refreshLater(EVERY_TICKET, () => ({
        steps: estimator.inSteps ? estimator.inSteps.estimateAll(this.input()) : once(() => estimateEvery(estimator, this.input())),
        store: (estimates, at, costMs) => this.keepEveryTicket(estimates, at, costMs),
      }));
      return hit.estimate;
    }
    const started = performance.now();
    const at = this.clock();
    this.keepEveryTicket(estimateEvery(estimator, this.input()), at, performance.now() - started);
    return this.estimates.get(key)?.estimate ?? { seconds: 0, low: 0, high: 0 };
  }

  private isFresh(hit: { at: number; ttl: number }): boolean {
    const now = this.clock();
    return now - hit.at < hit.ttl && now >= hit.at;
  }

  private compute(key: string, compute: () => WaitEstimate): WaitEstimate {
    this.makeRoom();
    const at = this.clock();
    const started = performance.now();
    const estimate = compute();
    this.estimates.set(key, { at, ttl: ttlFor(performance.now() - started), estimate });
    return estimate;
  }

  private keepEveryTicket(estimates: Map<string, WaitEstimate>, at: number, costMs: number): void {
    this.makeRoom();
    const ttl = ttlFor(costMs);
    // Tickets no longer waiting need no estimate.
    for (const key of [...this.estimates.keys()]) if (key.startsWith('t:') && !estimates.has(key.slice(2))) this.estimates.delete(key);
    for (const [ticketId, estimate] of estimates) this.estimates.set(`t:${ticketId}`, { at, ttl, estimate });
  }

  private makeRoom(): void {
    if (this.estimates.size > 5000) this.estimates.clear();
  }

  private refreshLater<T>(key: string, refresh: () => Refresh<T>): void {
    if (this.stale.has(key) || this.running?.key === key) return;
    this.stale.set(key, refresh as () => Refresh<unknown>);
    this.scheduleRefresh();
  }

  private scheduleRefresh(): void {
    if (this.refreshScheduled) return;
    this.refreshScheduled = true;
    setImmediate(() => {
      this.refreshScheduled = false;
      this.refreshSome();
    });
  }

  /** Runs refreshes, a step at a time, for one slice of this turn; the rest waits for the next. */
  private refreshSome(): void {
    const deadline = performance.now() + REFRESH_SLICE_MS;
    while (performance.now() < deadline) {
      if (!this.running) {
        const next = this.stale.entries().next();
        if (next.done) return;
        const [key, start] = next.value;
        this.stale.delete(key);
        this.running = { key, at: this.clock(), costMs: 0, refresh: start() };
      }
      const job = this.running;
      const began = performance.now();
      try {
        const step = job.refresh.steps.next();
        job.costMs += performance.now() - began;
        if (!step.done) continue;
        this.running = null;
        job.refresh.store(step.value, job.at, job.costMs);
      } catch {
        // Not here, where no one would hear of it: the next read computes it and meets the error.
        this.running = null;
        this.forget(job.key);
      }
    }
    this.scheduleRefresh();
  }

  private forget(key: string): void {
    if (key !== EVERY_TICKET) this.estimates.delete(key);
    else for (const cached of [...this.estimates.keys()]) if (cached.startsWith('t:')) this.estimates.delete(cached);
  }

  private input() {
    return { state: this.state, history: this.estimation.history, now: this.clock() };
  }

  private deskOf(deskId: string | null): { deskId?: string; deskNumber?: number } {
    if (!deskId) return {};
    const deskNumber = this.deskNumber(deskId);
    return deskNumber === undefined ? { deskId } : { deskId, deskNumber };
  }
}
