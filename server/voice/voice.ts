// The citizens' voice of one office, as the server runs it: the feedback and meeting stores over the
// office's database, the key file that seals mobile numbers in the data directory, and the hourly
// erasing of numbers past the office's retention period (also done at start and before any read).
import { join } from 'node:path';
import type { OfficeConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/open.js';
import { FeedbackStore } from './feedback-store.js';
import { MeetingStore } from './meeting-store.js';
import { MobileVault } from './mobile-vault.js';

export const MOBILE_KEY_FILE = 'voice-mobile.key';
const ERASE_EVERY_MS = 3_600_000;

export class Voice {
  readonly feedback: FeedbackStore;
  readonly meetings: MeetingStore;
  private timer: NodeJS.Timeout | undefined;

  constructor(db: Db, dataDir: string, config: () => OfficeConfig, private readonly clock: () => number, private readonly log: Logger) {
    this.feedback = new FeedbackStore(db, MobileVault.open(join(dataDir, MOBILE_KEY_FILE)), config);
    this.meetings = new MeetingStore(db, () => config().timeZone);
  }

  start(): void {
    this.erase();
    this.timer = setInterval(() => this.erase(), ERASE_EVERY_MS);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
  }

  private erase(): void {
    try {
      const erased = this.feedback.eraseExpired(this.clock());
      if (erased > 0) this.log.info('mobile numbers past their retention erased', { count: erased });
    } catch (error) {
      this.log.error('erasing expired mobile numbers failed', { error: (error as Error).message });
    }
  }
}
