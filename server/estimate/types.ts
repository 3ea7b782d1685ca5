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
}

export function pointEstimate(seconds: number): WaitEstimate {
  return { seconds, low: seconds, high: seconds };
}
