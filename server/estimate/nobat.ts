// The nobat estimator (design §6): many forward simulations of the real dispatch from the queue as it
// stands — open desks and their workprofiles, visits under way, breaks in progress, service times for
// the service and hour, priority visitors who may still overtake, no-shows — and the spread of the
// simulated call times gives the point estimate and the range shown to the visitor.
import type { PriorityGroup, Ticket } from '../queue/types.js';
import { DEFAULT_MODEL_OPTIONS, dispatchModel, type ModelOptions } from './model.js';
import { quantile, seedFrom, seededRandom } from './random.js';
import { SimLines } from './sim-lines.js';
import { phantomTicket, simulateAllCalls, simulateCallTime } from './simulate.js';
import { drain, type EstimateInput, type Estimator, type WaitEstimate } from './types.js';

export interface NobatOptions extends Partial<ModelOptions> {
  /** Simulated runs per estimate. */
  runs?: number;
  /** Quantile of the simulated waits shown as the estimate (0.5: the median, best for absolute error). */
  pointQuantile?: number;
  lowQuantile?: number;
  highQuantile?: number;
}

const NEW_TICKET_ID = '~new';
const ALL_TICKETS_SEED = '~all';

// A run costs about (tickets in the office) × (lines a desk calls from) steps, so a very long line
// gets fewer runs: an estimate stays within about ten milliseconds where the screens ask for it many
// times a second (40 runs up to 300 waiting, 8 at 1,500 and beyond).
const RUN_BUDGET = 40 * 300;
const MIN_RUNS = 8;

function runsFor(maxRuns: number, tickets: number): number {
  return Math.max(Math.min(maxRuns, MIN_RUNS), Math.min(maxRuns, Math.floor(RUN_BUDGET / Math.max(1, tickets))));
}

export function createNobatEstimator(options: NobatOptions = {}): Estimator {
  const runs = options.runs ?? 40;
  const pointQuantile = options.pointQuantile ?? 0.5;
  const lowQuantile = options.lowQuantile ?? 0.1;
  const highQuantile = options.highQuantile ?? 0.9;
  const modelOptions: ModelOptions = { ...DEFAULT_MODEL_OPTIONS, ...definedOnly(options) };

  // Each run is a step: the server can spread an estimate over several turns of its event loop.
  function* simulate(input: EstimateInput, target: Ticket): Generator<void, WaitEstimate> {
    if (target.status !== 'issued') return { seconds: 0, low: 0, high: 0 };
    const model = dispatchModel(input.state, input.history, input.now, target.priorityGroup === null ? 'priority' : 'all', modelOptions);
    const random = seededRandom(seedFrom(target.id, input.now));
    const waits: number[] = [];
    const lines = SimLines.of(input.state, target);
    const runsNow = runsFor(runs, input.state.tickets.size);
    for (let run = 0; run < runsNow; run++) {
      const calledAt = simulateCallTime(input.state, lines, target, input.now, model, random);
      waits.push(Math.max(0, (calledAt - input.now) / 1000));
      yield;
    }
    return summary(waits);
  }

  const summary = (waits: number[]): WaitEstimate => {
    waits.sort((a, b) => a - b);
    return { seconds: quantile(waits, pointQuantile), low: quantile(waits, lowQuantile), high: quantile(waits, highQuantile) };
  };

  // One set of runs for the whole line, each going on until every waiting ticket is called, which
  // costs what the last ticket's own estimate costs. As for one ticket, normal tickets are simulated
  // with the priority arrivals that may pass them, and priority tickets (a second set, when there
  // are any) with every arrival, since normal tickets past the wait limit can pass them too.
  function* simulateAll(input: EstimateInput): Generator<void, Map<string, WaitEstimate>> {
    const waiting = [...input.state.tickets.values()].filter((ticket) => ticket.status === 'issued');
    const lines = SimLines.of(input.state, null);
    const calledAt = new Map<Ticket, number[]>();
    const runsNow = runsFor(runs, input.state.tickets.size);
    const record = (ticket: Ticket, at: number) => {
      const times = calledAt.get(ticket);
      if (times) times.push(at);
      else calledAt.set(ticket, [at]);
    };
    for (const arrivals of ['priority', 'all'] as const) {
      const isTarget = (ticket: Ticket) => (ticket.priorityGroup === null) === (arrivals === 'priority');
      const count = waiting.filter(isTarget).length;
      if (count === 0) continue;
      const model = dispatchModel(input.state, input.history, input.now, arrivals, modelOptions);
      const random = seededRandom(seedFrom(`${ALL_TICKETS_SEED}${arrivals}`, input.now));
      for (let run = 0; run < runsNow; run++) {
        simulateAllCalls(input.state, lines, input.now, model, random, { count, isTarget }, record);
        yield;
      }
    }
    const estimates = new Map<string, WaitEstimate>();
    for (const ticket of waiting) {
      const waits = (calledAt.get(ticket) ?? []).map((at) => Math.max(0, (at - input.now) / 1000));
      // Runs in which no desk called the ticket: it would wait for ever there.
      while (waits.length < runsNow) waits.push(Infinity);
      estimates.set(ticket.id, summary(waits));
    }
    return estimates;
  }

  return {
    name: 'nobat',
    ranged: true,
    estimate(input: EstimateInput, ticketId: string): WaitEstimate {
      const ticket = input.state.tickets.get(ticketId);
      return ticket ? drain(simulate(input, ticket)) : { seconds: 0, low: 0, high: 0 };
    },
    estimateNew(input: EstimateInput, serviceId: string, priorityGroup: PriorityGroup | null): WaitEstimate {
      return drain(simulate(input, phantomTicket(NEW_TICKET_ID, serviceId, priorityGroup, input.now)));
    },
    estimateAll: (input) => drain(simulateAll(input)),
    inSteps: {
      estimateNew: (input, serviceId, priorityGroup) => simulate(input, phantomTicket(NEW_TICKET_ID, serviceId, priorityGroup, input.now)),
      estimateAll: simulateAll,
    },
  };
}

function definedOnly(options: NobatOptions): Partial<ModelOptions> {
  const picked: Partial<ModelOptions> = {};
  if (options.defaultPauseSeconds !== undefined) picked.defaultPauseSeconds = options.defaultPauseSeconds;
  if (options.minSamples !== undefined) picked.minSamples = options.minSamples;
  if (options.arrivalHorizonSeconds !== undefined) picked.arrivalHorizonSeconds = options.arrivalHorizonSeconds;
  return picked;
}
