// The nobat estimator (design §6): a forward simulation of the real dispatch from the queue as it
// stands — open desks and their workprofiles, visits under way, breaks in progress, desks gone quiet,
// recent service times for the service, priority visitors who may still overtake, no-shows — with
// each duration at its expected value, gives the point estimate; the range around it is calibrated
// on how wrong today's points have been for visitors already called (calibration.ts).
import { aheadOf } from '../queue/ahead.js';
import type { PriorityGroup, Ticket } from '../queue/types.js';
import { positionBucket } from './calibration.js';
import { DEFAULT_MODEL_OPTIONS, dispatchModel, type ModelOptions } from './model.js';
import { seedFrom, seededRandom } from './random.js';
import { SimLines } from './sim-lines.js';
import { phantomTicket, simulateAllCalls, simulateCallTime } from './simulate.js';
import { drain, type EstimateInput, type Estimator, type WaitEstimate } from './types.js';

export type NobatOptions = Partial<ModelOptions>;

const NEW_TICKET_ID = '~new';
const ALL_TICKETS_SEED = '~all';

export function createNobatEstimator(options: NobatOptions = {}): Estimator {
  const modelOptions: ModelOptions = { ...DEFAULT_MODEL_OPTIONS, ...definedOnly(options) };

  /** The point widened by the errors of today's points for the same service, class and place in line. */
  const ranged = (input: EstimateInput, ticket: Ticket, ahead: number, calledAt: number): WaitEstimate => {
    const seconds = Math.max(0, (calledAt - input.now) / 1000);
    if (!Number.isFinite(seconds)) return { seconds, low: seconds, high: seconds };
    const calibration = input.history.calibration;
    const band = calibration.band(ticket.serviceId, ticket.priorityGroup !== null, positionBucket(ahead));
    return { seconds, ...calibration.range(seconds, band) };
  };

  // One step: the server can still spread estimates over turns of its event loop.
  function* simulate(input: EstimateInput, target: Ticket, ahead: number): Generator<void, WaitEstimate> {
    if (target.status !== 'issued') return { seconds: 0, low: 0, high: 0 };
    const model = dispatchModel(input.state, input.history, input.now, target.priorityGroup === null ? 'priority' : 'all', modelOptions);
    const calledAt = simulateCallTime(input.state, SimLines.of(input.state, target), target, input.now, model, seededRandom(seedFrom(target.id, input.now)));
    yield;
    return ranged(input, target, ahead, calledAt);
  }

  // One run for the whole line, going on until every waiting ticket is called. Normal tickets are
  // simulated with the priority arrivals that may pass them, and priority tickets (a second run,
  // when there are any) with every arrival, since normal tickets past the wait limit can pass them too.
  function* simulateAll(input: EstimateInput): Generator<void, Map<string, WaitEstimate>> {
    const waiting = [...input.state.tickets.values()].filter((ticket) => ticket.status === 'issued');
    const lines = SimLines.of(input.state, null);
    const calledAt = new Map<Ticket, number>();
    for (const arrivals of ['priority', 'all'] as const) {
      const isTarget = (ticket: Ticket) => (ticket.priorityGroup === null) === (arrivals === 'priority');
      const count = waiting.filter(isTarget).length;
      if (count === 0) continue;
      const model = dispatchModel(input.state, input.history, input.now, arrivals, modelOptions);
      const random = seededRandom(seedFrom(`${ALL_TICKETS_SEED}${arrivals}`, input.now));
      simulateAllCalls(input.state, lines, input.now, model, random, { count, isTarget }, (ticket, at) => calledAt.set(ticket, at));
      yield;
    }
    const estimates = new Map<string, WaitEstimate>();
    // A ticket no desk would ever call waits for ever.
    for (const ticket of waiting) estimates.set(ticket.id, ranged(input, ticket, aheadOf(input.state, ticket), calledAt.get(ticket) ?? Infinity));
    return estimates;
  }

  const newTicket = (input: EstimateInput, serviceId: string, priorityGroup: PriorityGroup | null) =>
    simulate(input, phantomTicket(NEW_TICKET_ID, serviceId, priorityGroup, input.now), input.history.waitingIn(serviceId, priorityGroup !== null));

  return {
    name: 'nobat',
    ranged: true,
    estimate(input: EstimateInput, ticketId: string): WaitEstimate {
      const ticket = input.state.tickets.get(ticketId);
      return ticket ? drain(simulate(input, ticket, aheadOf(input.state, ticket))) : { seconds: 0, low: 0, high: 0 };
    },
    estimateNew: (input, serviceId, priorityGroup) => drain(newTicket(input, serviceId, priorityGroup)),
    estimateAll: (input) => drain(simulateAll(input)),
    inSteps: { estimateNew: newTicket, estimateAll: simulateAll },
  };
}

function definedOnly(options: NobatOptions): Partial<ModelOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
