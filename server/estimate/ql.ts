// QL, the classic queue-length predictor (traces README): (tickets waiting ahead in the same service
// + 1) × mean of that service's recent service times ÷ open desks serving it, a desk counting 1/k for
// each of its k services. A baseline to beat, kept exactly as defined.
import { waitingInService } from '../queue/policy.js';
import type { QueueState } from '../queue/types.js';
import { configuredDeskShare, openDeskShare } from './desks.js';
import type { ServiceHistory } from './history.js';
import { mean } from './recent.js';
import { pointEstimate, type Estimator, type EstimateInput, type WaitEstimate } from './types.js';

/** Used before any service of the day has finished: a typical counter service. */
export const DEFAULT_SERVICE_SECONDS = 300;

export const qlEstimator: Estimator = {
  name: 'ql',
  ranged: false,
  estimate({ state, history }: EstimateInput, ticketId: string): WaitEstimate {
    const ticket = state.tickets.get(ticketId);
    if (!ticket || ticket.status !== 'issued') return pointEstimate(0);
    const ahead = waitingInService(state, ticket.serviceId).filter((t) => t.id !== ticket.id && t.rank < ticket.rank).length;
    return pointEstimate(queueLengthWait(state, history, ticket.serviceId, ahead));
  },
  estimateNew({ state, history }: EstimateInput, serviceId: string): WaitEstimate {
    return pointEstimate(queueLengthWait(state, history, serviceId, waitingInService(state, serviceId).length));
  },
};

function queueLengthWait(state: QueueState, history: ServiceHistory, serviceId: string, ahead: number): number {
  const serviceSeconds = history.meanServiceSeconds(serviceId) ?? mean(history.pooledServiceTimes()) ?? DEFAULT_SERVICE_SECONDS;
  // With every desk for the service on a break the formula divides by zero; count the configured
  // desks instead, as if they were back, rather than promise an infinite wait.
  const desks = openDeskShare(state, serviceId) || configuredDeskShare(state, serviceId);
  if (desks === 0) return 0;
  return ((ahead + 1) * serviceSeconds) / desks;
}
