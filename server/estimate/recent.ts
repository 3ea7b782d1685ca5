// A fixed-size window of the most recent values (a ring buffer): what keeps the estimators' memory
// bounded however long the day or the server runs.
export class RecentValues<T = number> {
  private readonly items: T[] = [];
  private next = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  push(value: T): void {
    if (this.items.length < this.capacity) this.items.push(value);
    else this.items[this.next] = value;
    this.next = (this.next + 1) % this.capacity;
  }

  get size(): number {
    return this.items.length;
  }

  /** The values held, oldest first. */
  values(): T[] {
    return this.items.length < this.capacity ? [...this.items] : [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
  }

  /** The most recent value, if any. */
  last(): T | undefined {
    if (this.items.length === 0) return undefined;
    return this.items[(this.next - 1 + this.items.length) % this.items.length];
  }
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
