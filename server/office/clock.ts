// The one source of "now" for the server; tests and replays pass their own.
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
