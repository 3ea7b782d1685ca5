// Keeps a transport usable across unplugging: a link that has gone is reopened lazily on the next
// print or status. Status polls leave a growing pause between failed attempts, so a missing printer
// costs little; a print always tries, because a visitor is standing at the kiosk.
import { LinkGoneError, type ByteLink } from './byte-link.js';

const firstBackoffMs = 250;
const maxBackoffMs = 5000;

export class ReopeningLink {
  private link?: ByteLink;
  private backoffMs = 0;
  private retryAt = 0;
  /** Counts successful opens: a new session may be a different (or reset) printer. */
  session = 0;

  constructor(
    private readonly open: () => Promise<ByteLink>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `use` on an open link; a LinkGoneError drops the link so the next call reopens it.
   * `urgent` reopens even inside the back-off pause. `retryStale` runs `use` once more on a fresh
   * link when an already-open one turns out dead on use (a socket whose peer left while idle):
   * only for questions that are safe to repeat, never for a ticket that may be half sent.
   */
  async with<T>(use: (link: ByteLink) => Promise<T>, options: { urgent?: boolean; retryStale?: boolean } = {}): Promise<T> {
    const wasOpen = this.link?.alive === true;
    const link = await this.current(options.urgent ?? false);
    try {
      return await use(link);
    } catch (error) {
      const gone = error instanceof LinkGoneError || !link.alive;
      if (gone) await this.drop();
      if (gone && wasOpen && options.retryStale) return this.with(use, { urgent: true });
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.drop();
  }

  private async current(urgent: boolean): Promise<ByteLink> {
    if (this.link?.alive) return this.link;
    await this.drop();
    if (!urgent && this.now() < this.retryAt) throw new LinkGoneError(`printer unreachable; next attempt in ${this.retryAt - this.now()} ms`);
    try {
      this.link = await this.open();
    } catch (error) {
      this.backoffMs = Math.min(maxBackoffMs, Math.max(firstBackoffMs, this.backoffMs * 2));
      this.retryAt = this.now() + this.backoffMs;
      throw error instanceof LinkGoneError ? error : new LinkGoneError((error as Error).message);
    }
    this.backoffMs = 0;
    this.retryAt = 0;
    this.session++;
    return this.link;
  }

  private async drop(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    await link?.close().catch(() => undefined);
  }
}
