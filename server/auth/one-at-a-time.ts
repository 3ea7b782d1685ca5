// Sign-in attempts that share a lock-out key (an account, a client address) are decided one after
// another. Counted before hashing, concurrent attempts would otherwise see each other as failures:
// a dozen clerks signing in at once from one address locked themselves out with right passwords.
// One at a time, a right password's reset is seen by the next attempt, and a burst of wrong ones
// still stops at the limit. The queue per key is bounded; past the bound an attempt is refused.

interface KeyQueue {
  tail: Promise<void>;
  /** Attempts on this key not yet finished, the running one included. */
  pending: number;
}

export class OneAtATime {
  private readonly queues = new Map<string, KeyQueue>();

  constructor(private readonly maxPending: number) {}

  /** Runs `task` once every earlier task on any of `keys` has finished; null when a key's queue is full. */
  run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> | null {
    const earlier = keys.map((key) => this.queues.get(key));
    if (earlier.some((queue) => queue && queue.pending >= this.maxPending)) return null;
    const result = Promise.all(earlier.map((queue) => queue?.tail)).then(task);
    const finished = result.then(
      () => undefined,
      () => undefined,
    );
    keys.forEach((key, i) => this.queues.set(key, { tail: finished, pending: (earlier[i]?.pending ?? 0) + 1 }));
    void finished.then(() => {
      for (const key of keys) {
        const queue = this.queues.get(key);
        if (!queue) continue;
        if (queue.tail === finished) this.queues.delete(key);
        else queue.pending--;
      }
    });
    return result;
  }
}
