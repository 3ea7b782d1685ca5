// The dispatch model the nobat estimator simulates with, learnt from today's history: service times
// per service as a recency-weighted mean (a clerk who slows down moves it within a quarter-hour), what
// is left of the visits under way, no-shows and what they cost a desk, the handover gap, breaks in
// progress, desks signed in but gone quiet, and the visitors still to come who may overtake. Each
// duration is its expected value: one run gives the point estimate, and the range comes from how
// wrong such points have been today (calibration.ts), not from the spread of random runs.
import { candidatesFor } from '../queue/policy.js';
import type { DeskState, PriorityGroup, QueueState, Ticket } from '../queue/types.js';
import type { ServiceHistory } from './history.js';
import { DEFAULT_SERVICE_SECONDS } from './ql.js';
import type { Random } from './random.js';
import { mean } from './recent.js';
import type { DispatchModel } from './simulate.js';

export interface ModelOptions {
  /** A break's length before any break of the day has ended (a typical office break). */
  defaultPauseSeconds: number;
  /** Fewer service times than this for a service: borrow those of all services. */
  minSamples: number;
  /**
   * How far ahead arrivals are simulated. Today's recent rates say little about hours ahead, and the
   * estimator does not know when issuing stops; without a horizon an overloaded day would simulate
   * arrivals forever.
   */
  arrivalHorizonSeconds: number;
  /** A signed-in desk idle this long while people wait in its lines counts as away. */
  awayAfterSeconds: number;
}

export const DEFAULT_MODEL_OPTIONS: ModelOptions = { defaultPauseSeconds: 1800, minSamples: 5, arrivalHorizonSeconds: 3600, awayAfterSeconds: 300 };

/** How many visits' weight the pooled mean has against a service's own recent ones. */
const PRIOR_WEIGHT = 0.5;

/**
 * `arrivals` says which future visitors can matter: a normal ticket is overtaken only by priority
 * visitors, but a priority ticket can be passed by normal ones once they have waited past the policy's
 * limit, so for it every arrival is simulated.
 */
export function dispatchModel(
  state: QueueState,
  history: ServiceHistory,
  now: number,
  arrivals: 'priority' | 'all',
  options: ModelOptions = DEFAULT_MODEL_OPTIONS,
): DispatchModel {
  const hour = history.hourOf(now);
  const samplesCache = new Map<string, number[]>();
  const samplesOf = (serviceId: string): number[] => {
    let samples = samplesCache.get(serviceId);
    if (!samples) {
      samples = withVisitsUnderWay(serviceSamples(history, serviceId, hour, options.minSamples), state, serviceId, now, options.minSamples);
      samplesCache.set(serviceId, samples);
    }
    return samples;
  };
  const handoverMs = (history.handoverSeconds() ?? 0) * 1000;
  const noShowRate = history.noShowRate();
  const leavingRate = history.abandonmentRate();
  /** The chance a visitor called after waiting this long has gone: the longer the wait, the likelier. */
  const noShowAfter = (waitedMs: number) => (leavingRate === null ? noShowRate : 1 - Math.exp(-leavingRate * waitedMs));
  const noShowCostMs = (history.noShowCostSeconds() ?? 60) * 1000;
  const pauses = history.pauseDurations();
  const typicalPauseMs = (pauses.length > 0 ? pauses.reduce((a, b) => a + b, 0) / pauses.length : options.defaultPauseSeconds) * 1000;
  const arrivalRates: Array<{ serviceId: string; priorityGroup: PriorityGroup | null; rate: number }> = [];
  for (const serviceId of state.rules.services.keys()) {
    arrivalRates.push({ serviceId, priorityGroup: 'elderly', rate: history.priorityArrivalRate(serviceId, now) / 1000 });
    if (arrivals === 'all') arrivalRates.push({ serviceId, priorityGroup: null, rate: history.arrivalRate(serviceId, null, now) / 1000 });
  }
  const arrivalsEndAt = now + options.arrivalHorizonSeconds * 1000;
  const totalRate = arrivalRates.reduce((sum, r) => sum + r.rate, 0);

  // A service not seen yet borrows the office's pooled recent mean; a few visits of its own are
  // shrunk towards that, as many pseudo-visits' weight as PRIOR_WEIGHT.
  const pooled = mean(history.pooledServiceTimes()) ?? DEFAULT_SERVICE_SECONDS;
  const meanCache = new Map<string, number>();
  const meanOf = (serviceId: string): number => {
    let value = meanCache.get(serviceId);
    if (value === undefined) {
      const recent = history.recentServiceMean(serviceId, now);
      value = recent ? (recent.seconds * recent.weight + pooled * PRIOR_WEIGHT) / (recent.weight + PRIOR_WEIGHT) : pooled;
      meanCache.set(serviceId, value);
    }
    return value;
  };
  const occupancyMs = (serviceId: string, noShow: number) => (1 - noShow) * (meanOf(serviceId) * 1000 + handoverMs) + noShow * noShowCostMs;

  const residual = (ticket: Ticket): number => {
    if (ticket.status === 'called' && ticket.recalls > 0) return Math.max(0, noShowCostMs - (now - (ticket.calledAt ?? now)));
    const elapsedMs = now - (ticket.startedAt ?? ticket.calledAt ?? now);
    const longer = samplesOf(ticket.serviceId).filter((s) => s * 1000 > elapsedMs);
    // The mean of what is left of the visits seen lately that lasted longer; a visit already longer
    // than any of them is near its end more often than not.
    const remaining = longer.length > 0 ? (longer.reduce((a, b) => a + b, 0) / longer.length) * 1000 - elapsedMs : 0.25 * elapsedMs;
    return remaining + handoverMs;
  };

  return {
    beginRun(): void {},
    deskReadyAt(desk: DeskState): number {
      const current = desk.currentTicketId ? state.tickets.get(desk.currentTicketId) : undefined;
      let ready = now;
      if (current && current.status !== 'parked') ready += residual(current);
      else {
        const freedAt = history.lastFreedAt(desk.id);
        if (freedAt !== null) ready = Math.max(now, freedAt + handoverMs);
        // Signed in, not on a break, idle with people in its lines: its clerk has stepped away.
        // Gone this long already, they are expected to stay away as long again (at least a while).
        const idleSince = history.deskLastActiveAt(desk.id);
        if (desk.open && !desk.pause && idleSince !== null && now - idleSince > options.awayAfterSeconds * 1000 && candidatesFor(state, desk).length > 0) {
          ready = Math.max(ready, now + Math.max(now - idleSince, options.awayAfterSeconds * 3000));
        }
      }
      if (!desk.open || desk.pause) {
        const since = desk.pause?.since ?? history.deskUnavailableSince(desk.id) ?? now;
        const back = now + Math.max(typicalPauseMs - (now - since), 0.25 * typicalPauseMs);
        ready = Math.max(ready, back);
      }
      return ready;
    },
    occupancy(ticket: Ticket, calledAt: number): number {
      return occupancyMs(ticket.serviceId, noShowAfter(calledAt - ticket.issuedAt));
    },
    // Expected arrivals, evenly spaced at the recent rate; which service and group by a seeded draw.
    nextArrival(after: number, random: Random) {
      if (totalRate === 0) return null;
      const at = after + 1 / totalRate;
      if (at > arrivalsEndAt) return null;
      let pick = random() * totalRate;
      for (const { serviceId, priorityGroup, rate } of arrivalRates) {
        pick -= rate;
        if (pick <= 0 && rate > 0) return { at, serviceId, priorityGroup };
      }
      return null;
    },
  };
}

function serviceSamples(history: ServiceHistory, serviceId: string, hour: number, minSamples: number): number[] {
  const atHour = history.serviceTimesAtHour(serviceId, hour);
  if (atHour.length >= minSamples * 2) return atHour;
  const recent = history.serviceTimes(serviceId);
  if (recent.length >= minSamples) return recent;
  return [...recent, ...history.pooledServiceTimes()];
}

/**
 * Early in the day the few finished visits are the short ones: the long ones are still at the desk.
 * While a service has few samples, each of its visits under way counts too, as at least as long as it
 * has lasted so far (the mean of the finished samples longer than it, else its elapsed time).
 */
function withVisitsUnderWay(samples: number[], state: QueueState, serviceId: string, now: number, minSamples: number): number[] {
  if (samples.length >= minSamples * 2) return samples;
  const extra: number[] = [];
  for (const ticket of state.tickets.values()) {
    if (ticket.status !== 'serving' || ticket.serviceId !== serviceId || ticket.startedAt === null) continue;
    const elapsed = (now - ticket.startedAt) / 1000;
    const longer = samples.filter((s) => s > elapsed);
    extra.push(longer.length > 0 ? longer.reduce((a, b) => a + b, 0) / longer.length : elapsed);
  }
  return extra.length > 0 ? [...samples, ...extra] : samples;
}

