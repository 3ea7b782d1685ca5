// Which presses a keypad has already delivered, so a resent press counts once. A press is known by
// (device, boot, seq); a keypad resends for at most 3 s, so a short, bounded memory is enough and
// a seq that comes round again after the 16-bit counter wraps is a new press.

const REMEMBER_MS = 60_000;
const MAX_SEQS_PER_BOOT = 64;
const MAX_BOOTS = 4;

export class RecentPresses {
  /** Per `device/boot`, seq → when first seen; Maps keep insertion order, oldest first. */
  private readonly seenByBoot = new Map<string, Map<number, number>>();

  /** Records the press; false when the same press was already seen recently. */
  remember(device: string, boot: string, seq: number, now: number): boolean {
    const seen = this.seqsOf(identityOf(device, boot));
    for (const [oldSeq, seenAt] of seen) {
      if (now - seenAt < REMEMBER_MS && seen.size < MAX_SEQS_PER_BOOT) break;
      seen.delete(oldSeq);
    }
    const firstSeenAt = seen.get(seq);
    if (firstSeenAt !== undefined && now - firstSeenAt < REMEMBER_MS) return false;
    seen.set(seq, now);
    return true;
  }

  /** Forgets a press, so that the keypad's next copy of it counts: it could not be kept. */
  forget(device: string, boot: string, seq: number): void {
    this.seenByBoot.get(identityOf(device, boot))?.delete(seq);
  }

  private seqsOf(identity: string): Map<number, number> {
    let seen = this.seenByBoot.get(identity);
    if (!seen) {
      seen = new Map();
      this.seenByBoot.set(identity, seen);
      for (const oldest of this.seenByBoot.keys()) {
        if (this.seenByBoot.size <= MAX_BOOTS) break;
        this.seenByBoot.delete(oldest);
      }
    }
    return seen;
  }
}

function identityOf(device: string, boot: string): string {
  return `${device}/${boot}`;
}
