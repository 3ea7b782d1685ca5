// Frames of the keypad line protocol (shared/keypad-protocol.md): their types, encoding, and the
// parsing of one received line with the reason it was dropped when it is not a valid frame.
import { crc16CcittFalse, formatCrc } from './crc.js';

/** Whole frame including its line end; a bare `\n` ending counts one byte, `\r\n` two. */
export const MAX_FRAME_BYTES = 64;

export type KeypadFrame =
  | { type: 'H'; device: string; seq: number; firmware: string; buttons: number; boot: string }
  | { type: 'B'; device: string; seq: number; button: number; token: string | null }
  | { type: 'K'; device: string; seq: number; uptime: number };

export type ServerFrame =
  | { type: 'A'; device: string; seq: number }
  | { type: 'R'; device: string; seq: number; token: string; seconds: number }
  | { type: 'D'; device: string; seq: number };

export type Frame = KeypadFrame | ServerFrame;
export type FrameType = Frame['type'];

export const KEYPAD_FRAME_TYPES: readonly FrameType[] = ['H', 'B', 'K'];
export const SERVER_FRAME_TYPES: readonly FrameType[] = ['A', 'R', 'D'];

/** Why a line was dropped. `noise` and `too_long` are decided by the line reader. */
export type FrameErrorKind = 'noise' | 'partial' | 'too_long' | 'bad_crc' | 'unknown_type' | 'bad_field';

export type ParsedLine = { ok: true; frame: Frame } | { ok: false; error: FrameErrorKind };

const DEVICE = /^[A-Z0-9]{1,8}$/;
const TOKEN = /^[A-Za-z0-9]{1,12}$/;
// The spec leaves the firmware text free; this keeps it to what fits a frame and cannot hold a separator.
const FIRMWARE = /^[A-Za-z0-9._+-]{1,16}$/;
const CRC_DIGITS = /^[0-9A-F]{4}$/;

export function isKeypadFrame(frame: Frame): frame is KeypadFrame {
  return frame.type === 'H' || frame.type === 'B' || frame.type === 'K';
}

export function isValidDevice(device: string): boolean {
  return DEVICE.test(device);
}

export function isValidToken(token: string): boolean {
  return TOKEN.test(token);
}

/** Decimal integer in [min, max], or null. All numbers of the protocol are decimal. */
function decimal(text: string | undefined, min: number, max: number): number | null {
  if (text === undefined || !/^[0-9]{1,10}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** The frame as sent on the line, `\r\n` included. Throws on a frame the protocol cannot carry. */
export function encodeFrame(frame: Frame): string {
  const fields = [frame.type, frame.device, String(frame.seq), ...frameFields(frame)];
  const body = fields.join(',');
  const line = `$${body}*${formatCrc(crc16CcittFalse(body))}`;
  // Parsing back what we encode is the one place the field rules live, for both directions.
  const parsed = parseFrame(line, 2);
  if (!parsed.ok) throw new RangeError(`cannot encode ${frame.type} frame (${parsed.error}): ${body}`);
  return `${line}\r\n`;
}

function frameFields(frame: Frame): string[] {
  switch (frame.type) {
    case 'H':
      return [frame.firmware, String(frame.buttons), frame.boot];
    case 'B':
      return [String(frame.button), frame.token ?? '-'];
    case 'K':
      return [String(frame.uptime)];
    case 'R':
      return [frame.token, String(frame.seconds)];
    case 'A':
    case 'D':
      return [];
  }
}

/**
 * Parses one line: `$` up to and including the CRC, without the line end, whose length in bytes
 * is `lineEndBytes`. Types outside `accepted` count as unknown, so each side only takes the
 * frames meant for it.
 */
export function parseFrame(
  line: string,
  lineEndBytes: number,
  accepted: readonly FrameType[] = [...KEYPAD_FRAME_TYPES, ...SERVER_FRAME_TYPES],
): ParsedLine {
  if (line.length + lineEndBytes > MAX_FRAME_BYTES) return { ok: false, error: 'too_long' };
  const star = line.lastIndexOf('*');
  if (!line.startsWith('$') || star < 0) return { ok: false, error: 'partial' };
  const body = line.slice(1, star);
  const crcText = line.slice(star + 1);
  if (!CRC_DIGITS.test(crcText) || parseInt(crcText, 16) !== crc16CcittFalse(body)) {
    return { ok: false, error: 'bad_crc' };
  }
  const [type, device, seqText, ...rest] = body.split(',');
  if (type === undefined || type.length !== 1 || !accepted.includes(type as FrameType)) {
    return { ok: false, error: 'unknown_type' };
  }
  const seq = decimal(seqText, 0, 65535);
  if (device === undefined || !DEVICE.test(device) || seq === null) return { ok: false, error: 'bad_field' };
  const frame = frameFromFields(type as FrameType, device, seq, rest);
  return frame ? { ok: true, frame } : { ok: false, error: 'bad_field' };
}

function frameFromFields(type: FrameType, device: string, seq: number, fields: string[]): Frame | null {
  switch (type) {
    case 'H': {
      const [firmware, buttonsText, bootText] = fields;
      const buttons = decimal(buttonsText, 3, 5);
      const boot = decimal(bootText, 0, 65535);
      if (fields.length !== 3 || firmware === undefined || !FIRMWARE.test(firmware)) return null;
      return buttons === null || boot === null ? null : { type, device, seq, firmware, buttons, boot: String(boot) };
    }
    case 'B': {
      const [buttonText, token] = fields;
      // 5 is the most any keypad has; the session checks the press against the keypad's own count.
      const button = decimal(buttonText, 1, 5);
      if (fields.length !== 2 || button === null || token === undefined) return null;
      if (token !== '-' && !TOKEN.test(token)) return null;
      return { type, device, seq, button, token: token === '-' ? null : token };
    }
    case 'K': {
      const uptime = decimal(fields[0], 0, 2 ** 32 - 1);
      return fields.length !== 1 || uptime === null ? null : { type, device, seq, uptime };
    }
    case 'R': {
      const [token, secondsText] = fields;
      const seconds = decimal(secondsText, 1, 65535);
      if (fields.length !== 2 || token === undefined || !TOKEN.test(token) || seconds === null) return null;
      return { type, device, seq, token, seconds };
    }
    case 'A':
    case 'D':
      return fields.length === 0 ? { type, device, seq } : null;
  }
}
