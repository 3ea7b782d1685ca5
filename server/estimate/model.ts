// The dispatch model the nobat estimator simulates with, learnt from today's history: service times
// per service (this hour's when there are enough), what is left of the visits under way, no-shows
// and what they cost a desk, the handover gap, breaks in progress and priority arrivals.
import type { DeskState, QueueState, Ticket } from '../queue/types.js';
import type { ServiceHistory } from './history.js';
import { DEFAULT_SERVICE_SECONDS } from './ql.js';
import { exponential, type Random } from './random.js';
import type { DispatchModel } from './simulate.js';

export interface ModelOptions {
  /** A break's length before any break of the day has ended (a typical office break). */
  defaultPauseSeconds: number;
  /** Fewer service times than this for a service: borrow those of all services. */
  minSamples: number;
}

export const DEFAULT_MODEL_OPTIONS: ModelOptions = { defaultPauseSeconds: 1800, minSamples: 5 };

export function dispatchModel(state: QueueState, history: ServiceHistory, now: number, options: ModelOptions = DEFAULT_MODEL_OPTIONS): DispatchModel {
  const hour = history.hourOf(now);
  const samplesCache = new Map<string, number[]>();
  const samplesOf = (serviceId: string): number[] => {
    let samples = samplesCache.get(serviceId);
    if (!samples) {
      samples = serviceSamples(history, serviceId, hour, options.minSamples);
      samplesCache.set(serviceId, samples);
    }
    return samples;
  };
  const handoverMs = (history.handoverSeconds() ?? 0) * 1000;
  const noShowRate = history.noShowRate();
  const noShowCostMs = (history.noShowCostSeconds() ?? 60) * 1000;
  const pauses = history.pauseDurations();
  const typicalPauseMs = (pauses.length > 0 ? pauses.reduce((a, b) => a + b, 0) / pauses.length : options.defaultPauseSeconds) * 1000;
  const priorityRates = [...state.rules.services.keys()]
    .map((serviceId) => ({ serviceId, rate: history.priorityArrivalRate(serviceId, now) / 1000 }))
    .filter((r) => r.rate > 0);
  const totalPriorityRate = priorityRates.reduce((sum, r) => sum + r.rate, 0);

  const draw = (serviceId: string, random: Random): number => {
    const samples = samplesOf(serviceId);
    return (samples[Math.floor(random() * samples.length)] ?? DEFAULT_SERVICE_SECONDS) * 1000;
  };

  const residual = (ticket: Ticket, random: Random): number => {
    if (ticket.status === 'called' && ticket.recalls > 0) return Math.max(0, noShowCostMs - (now - (ticket.calledAt ?? now)));
    const elapsedMs = now - (ticket.startedAt ?? ticket.calledAt ?? now);
    const longer = samplesOf(ticket.serviceId).filter((s) => s * 1000 > elapsedMs);
    // A visit already longer than any seen lately is near its end more often than not.
    const remaining = longer.length > 0 ? longer[Math.floor(random() * longer.length)]! * 1000 - elapsedMs : 0.25 * elapsedMs;
    return remaining + handoverMs;
  };

  return {
    deskReadyAt(desk: DeskState, random: Random): number {
      const current = desk.currentTicketId ? state.tickets.get(desk.currentTicketId) : undefined;
      let ready = now;
      if (current && current.status !== 'parked') ready += residual(current, random);
      else {
        const freedAt = history.lastFreedAt(desk.id);
        if (freedAt !== null) ready = Math.max(now, freedAt + handoverMs);
      }
      if (!desk.open || desk.pause) {
        const since = desk.pause?.since ?? history.deskUnavailableSince(desk.id) ?? now;
        const back = now + Math.max(typicalPauseMs - (now - since), 0.25 * typicalPauseMs);
        ready = Math.max(ready, back);
      }
      return ready;
    },
    occupancy(ticket: Ticket, _calledAt: number, random: Random): number {
      if (random() < noShowRate) return noShowCostMs;
      return draw(ticket.serviceId, random) + handoverMs;
    },
    nextPriorityArrival(after: number, random: Random) {
      if (totalPriorityRate === 0) return null;
      const at = after + exponential(random, 1 / totalPriorityRate);
      let pick = random() * totalPriorityRate;
      for (const { serviceId, rate } of priorityRates) {
        pick -= rate;
        if (pick <= 0) return { at, serviceId };
      }
      return { at, serviceId: priorityRates[priorityRates.length - 1]!.serviceId };
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
