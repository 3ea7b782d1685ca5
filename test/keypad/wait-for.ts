// Waiting in tests for an event that matches, with a deadline instead of a sleep.
import type { EventEmitter } from 'node:events';

export function waitForEvent<T>(
  emitter: EventEmitter,
  event: string,
  matches: (value: T) => boolean = () => true,
  timeoutMs = 8_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (value: T): void => {
      if (!matches(value)) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(value);
    };
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`no matching '${event}' within ${timeoutMs} ms`));
    }, timeoutMs);
    emitter.on(event, listener);
  });
}
