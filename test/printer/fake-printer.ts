// A pretend ESC/POS printer for the transport tests: it reads the byte stream command by command
// (so raster data that happens to contain 0x10 0x04 is never mistaken for a status query), keeps
// the job bytes for decoding, and answers DLE EOT queries as its `answer` function says.
import { commandLength } from './escpos-decode.js';

/** Status bytes (fixed bits 1 and 4 set) for DLE EOT 1, 2, 4; undefined means stay silent. */
export type StatusAnswers = (n: number) => number | undefined;

export const healthyAnswers: StatusAnswers = () => 0x12;
/** Out of paper: offline (bit 3), stopped by paper end (bit 5), sensor says paper end (bits 5, 6). */
export const paperEndAnswers: StatusAnswers = (n) => (n === 1 ? 0x1a : n === 2 ? 0x32 : 0x72);
export const silentAnswers: StatusAnswers = () => undefined;

export class FakePrinter {
  private pending = new Uint8Array(0);
  private jobChunks: Uint8Array[] = [];
  private waiters: Array<{ until: () => boolean; resolve: () => void }> = [];
  statusQueries = 0;

  /** Where answers go; the test connects it to the port or socket the fake sits on. */
  reply: (bytes: Uint8Array) => void = () => undefined;

  constructor(public answers: StatusAnswers = healthyAnswers) {}

  /** Every byte that is not a status query, in order: the printed jobs. */
  get jobBytes(): Uint8Array {
    return Buffer.concat(this.jobChunks);
  }

  forgetJobs(): void {
    this.jobChunks = [];
  }

  /** Resolves once `until` holds after some input (event-driven, no polling). */
  waitFor(until: () => boolean): Promise<void> {
    if (until()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ until, resolve }));
  }

  receive(chunk: Uint8Array): void {
    const buf = Buffer.concat([this.pending, chunk]);
    let at = 0;
    for (;;) {
      if (at >= buf.length) break;
      const length = commandLength(buf, at);
      if (length === null) break;
      const cmd = buf.subarray(at, at + length);
      if (cmd[0] === 0x10 && cmd[1] === 0x04) {
        this.statusQueries++;
        const answer = this.answers(cmd[2]!);
        if (answer !== undefined) this.reply(Uint8Array.of(answer));
      } else {
        this.jobChunks.push(Uint8Array.from(cmd));
      }
      at += length;
    }
    this.pending = Uint8Array.from(buf.subarray(at));
    this.waiters = this.waiters.filter((w) => (w.until() ? (w.resolve(), false) : true));
  }
}
