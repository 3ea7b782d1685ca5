// Turns the raw byte stream of a keypad line into frames. Whatever arrives (noise, cut frames,
// overlong lines, bad CRCs), it counts the drop by kind and resynchronises at the next `$`; it
// never throws and never stops, and never holds more than one frame's worth of bytes.
import { type Frame, type FrameErrorKind, type FrameType, MAX_FRAME_BYTES, parseFrame } from './frame.js';

const DOLLAR = 0x24;
const CR = 0x0d;
const LF = 0x0a;

type ReaderState = 'between' | 'in_frame' | 'discarding';

export class LineReader {
  private state: ReaderState = 'between';
  private readonly line = new Uint8Array(MAX_FRAME_BYTES);
  private lineLength = 0;
  /** Within a run of noise, which counts once however long it is. */
  private inNoise = false;
  private readonly dropped: Partial<Record<FrameErrorKind, number>> = {};

  /** @param accepted frame types this side takes; others count as `unknown_type`. */
  constructor(private readonly accepted: readonly FrameType[]) {}

  /** Feeds bytes; returns the valid frames they completed, in order. */
  push(bytes: Uint8Array): Frame[] {
    const frames: Frame[] = [];
    for (const byte of bytes) {
      const frame = this.pushByte(byte);
      if (frame) frames.push(frame);
    }
    return frames;
  }

  /** Dropped lines so far, by kind. */
  errorCounts(): Record<string, number> {
    return { ...this.dropped };
  }

  private pushByte(byte: number): Frame | null {
    if (byte === DOLLAR) {
      if (this.state === 'in_frame') this.count('partial');
      this.state = 'in_frame';
      this.lineLength = 0;
      this.inNoise = false;
      this.line[this.lineLength++] = byte;
      return null;
    }
    if (byte === LF) {
      const wasInFrame = this.state === 'in_frame';
      this.state = 'between';
      this.inNoise = false;
      return wasInFrame ? this.finishLine() : null;
    }
    switch (this.state) {
      case 'between':
        // Blank line ends (a stray \r) are not worth counting; anything else outside a frame is noise.
        if (byte !== CR && !this.inNoise) {
          this.inNoise = true;
          this.count('noise');
        }
        return null;
      case 'discarding':
        return null;
      case 'in_frame':
        // Even a bare \n after this byte would make the frame longer than allowed.
        if (this.lineLength + 1 >= MAX_FRAME_BYTES) {
          this.count('too_long');
          this.state = 'discarding';
          return null;
        }
        this.line[this.lineLength++] = byte;
        return null;
    }
  }

  private finishLine(): Frame | null {
    let length = this.lineLength;
    let lineEndBytes = 1;
    if (length > 0 && this.line[length - 1] === CR) {
      length--;
      lineEndBytes = 2;
    }
    const text = Buffer.from(this.line.buffer, 0, length).toString('latin1');
    const parsed = parseFrame(text, lineEndBytes, this.accepted);
    if (parsed.ok) return parsed.frame;
    this.count(parsed.error);
    return null;
  }

  private count(kind: FrameErrorKind): void {
    this.dropped[kind] = (this.dropped[kind] ?? 0) + 1;
  }
}
