// The announcement queue: one call at a time, its clips one after another, so two calls never
// overlap. The player is injected (Web Audio in the browser, a fake in tests). A clip that fails or
// never ends is skipped after a timeout, so one bad file cannot silence the room for the day.

import type { ClipId } from './vocabulary.js';

export interface ClipPlayer {
  /** Plays one clip to its end; rejects when it cannot. */
  play(clip: ClipId, volume: number): Promise<void>;
}

export interface Announcement {
  /** Identifies the call (its event `seq`), so a repeat of the same event is not said twice. */
  key: number;
  number: string;
  deskNumber: number;
  recall: boolean;
  clips: ClipId[];
  /** When it was queued (ms). */
  queuedAt: number;
}

/** What happened to an announcement: the test's and the logs' view of the queue. */
export interface AnnouncementRecord {
  key: number;
  number: string;
  deskNumber: number;
  recall: boolean;
  clips: ClipId[];
  /** The clips that actually played to their end. */
  played: ClipId[];
  muted: boolean;
  /** Too old by the time its turn came (the room had moved on), so not said. */
  dropped: boolean;
  startedAt: number;
  endedAt: number;
}

export interface QueueOptions {
  now(): number;
  wait(ms: number): Promise<void>;
  muted: boolean;
  /** 0 to 1. */
  volume: number;
  /** Silence between two calls (ms). */
  gapMs?: number;
  /** A call older than this when its turn comes is not said any more (ms). */
  staleAfterMs?: number;
  /** Longest a clip may take before it is given up on (ms). */
  clipTimeoutMs?: number;
  /** At most this many calls wait; the oldest make way. */
  maxPending?: number;
  onStart?(announcement: Announcement): void;
  onEnd?(record: AnnouncementRecord): void;
}

export class AnnouncementQueue {
  private readonly pending: Announcement[] = [];
  private readonly seen = new Set<number>();
  private draining = false;

  constructor(
    private readonly player: ClipPlayer,
    private readonly options: QueueOptions,
  ) {}

  /** Queues a call; false when the same call (same key) was queued before. */
  enqueue(announcement: Announcement): boolean {
    if (this.seen.has(announcement.key)) return false;
    this.seen.add(announcement.key);
    if (this.seen.size > 500) this.seen.delete(this.seen.values().next().value!);
    this.pending.push(announcement);
    const max = this.options.maxPending ?? 8;
    while (this.pending.length > max) this.finish(this.pending.shift()!, [], true, this.options.now());
    void this.drain();
    return true;
  }

  /** Calls waiting to be said (not counting the one being said). */
  get length(): number {
    return this.pending.length;
  }

  /** Resolves once nothing is queued or playing. */
  async idle(): Promise<void> {
    while (this.draining) await this.options.wait(20);
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      let first = true;
      for (let next = this.pending.shift(); next; next = this.pending.shift()) {
        if (!first && !this.options.muted) await this.options.wait(this.options.gapMs ?? 700);
        first = false;
        const startedAt = this.options.now();
        if (startedAt - next.queuedAt > (this.options.staleAfterMs ?? 90_000)) {
          this.finish(next, [], true, startedAt);
          continue;
        }
        this.options.onStart?.(next);
        const played = this.options.muted ? [] : await this.say(next.clips);
        this.finish(next, played, false, startedAt);
      }
    } finally {
      this.draining = false;
    }
  }

  private async say(clips: ClipId[]): Promise<ClipId[]> {
    const played: ClipId[] = [];
    for (const clip of clips) {
      const timeout = this.options.wait(this.options.clipTimeoutMs ?? 4000).then(() => 'timeout' as const);
      const outcome = await Promise.race([this.player.play(clip, this.options.volume).then(() => 'ended' as const, () => 'failed' as const), timeout]);
      if (outcome === 'ended') played.push(clip);
    }
    return played;
  }

  private finish(announcement: Announcement, played: ClipId[], dropped: boolean, startedAt: number) {
    const { key, number, deskNumber, recall, clips } = announcement;
    this.options.onEnd?.({ key, number, deskNumber, recall, clips, played, muted: this.options.muted, dropped, startedAt, endedAt: this.options.now() });
  }
}
