// LES, the classic last-to-enter-service predictor (traces README): the wait of the last visitor of
// the same service to be called. Before anyone of the service has been called it says 0 (the office
// has just opened and the line is empty). A baseline to beat, kept exactly as defined.
import { pointEstimate, type Estimator, type EstimateInput, type WaitEstimate } from './types.js';

export const lesEstimator: Estimator = {
  name: 'les',
  ranged: false,
  estimate({ state, history }: EstimateInput, ticketId: string): WaitEstimate {
    const ticket = state.tickets.get(ticketId);
    if (!ticket) return pointEstimate(0);
    return pointEstimate(history.lastCalledWait(ticket.serviceId) ?? 0);
  },
  estimateNew({ history }: EstimateInput, serviceId: string): WaitEstimate {
    return pointEstimate(history.lastCalledWait(serviceId) ?? 0);
  },
};
