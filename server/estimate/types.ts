// What a wait-time estimator is: given the queue as it stands, what it has learnt from today's
// events and the time, how long until a ticket is called. Estimators are pure; the clock comes in.
import type { PriorityGroup, QueueState } from '../queue/types.js';
import type { ServiceHistory } from './history.js';

/** Seconds until the ticket is called, with a range whose upper end is rarely exceeded. */
export interface WaitEstimate {
  seconds: number;
  low: number;
  high: number;
}

export interface EstimateInput {
  state: QueueState;
  history: ServiceHistory;
  /** Epoch milliseconds, as on domain commands. */
  now: number;
}

export interface Estimator {
  name: string;
  /** Whether `low`/`high` mean something; a point predictor returns low = high = seconds. */
  ranged: boolean;
  /** The wait of a ticket already in the queue (status `issued`). */
  estimate(input: EstimateInput, ticketId: string): WaitEstimate;
  /** The wait a new ticket of this service and priority group would get if issued now (kiosk tiles, display). */
  estimateNew(input: EstimateInput, serviceId: string, priorityGroup: PriorityGroup | null): WaitEstimate;
  /**
   * The wait of every ticket in the queue, by id, for an estimator that can give them all for the
   * price of one (the server refreshes every tracked ticket each second).
   */
  estimateAll?(input: EstimateInput): Map<string, WaitEstimate>;
  /**
   * The same, as steps of a few milliseconds each (the answer is the generator's return value),
   * for a server that must not hold its event loop for a whole estimate. The state may change
   * between steps; an estimate spread over steps is of the queue as it was at the first.
   */
  inSteps?: {
    estimateNew(input: EstimateInput, serviceId: string, priorityGroup: PriorityGroup | null): Generator<void, WaitEstimate>;
    estimateAll(input: EstimateInput): Generator<void, Map<string, WaitEstimate>>;
  };
}

/** Runs every step of a stepped estimate at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Every waiting ticket's wait: at once where the estimator can, else one by one. */
export function estimateEvery(estimator: Estimator, input: EstimateInput): Map<string, WaitEstimate> {
  if (estimator.estimateAll) return estimator.estimateAll(input);
  const estimates = new Map<string, WaitEstimate>();
  for (const ticket of input.state.tickets.values()) if (ticket.status === 'issued') estimates.set(ticket.id, estimator.estimate(input, ticket.id));
  return estimates;
}

export function pointEstimate(seconds: number): WaitEstimate {
  return { seconds, low: seconds, high: seconds };
}
