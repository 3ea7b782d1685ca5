// Coalesces snapshots: many commits within SNAPSHOT_DELAY_MS produce one flush, in which each area
// sends one snapshot per room it marked changed. Areas flush in the order they were added.
export const SNAPSHOT_DELAY_MS = 30;

export class SnapshotTick {
  private timer: NodeJS.Timeout | null = null;
  private readonly flushes: Array<() => void> = [];

  onFlush(flush: () => void): void {
    this.flushes.push(flush);
  }

  /** A flush soon (unless one is due already). */
  schedule(delayMs = SNAPSHOT_DELAY_MS): void {
    this.timer ??= setTimeout(() => this.flush(), delayMs);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private flush(): void {
    this.timer = null;
    for (const flush of this.flushes) flush();
  }
}
