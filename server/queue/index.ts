// The pure queue domain: decide commands into events, evolve state by events, and read the lines.
export { decide } from './decide.js';
export { evolve, evolveAll, emptyState, closedDesk } from './evolve.js';
export { pickNext, candidatesFor, waitingInService } from './policy.js';
export { aheadOf } from './ahead.js';
export { QueueRefusal } from './errors.js';
export { serviceDayOf } from './day.js';
export { forgetEarlierNoShows } from './forget.js';
export type * from './types.js';
