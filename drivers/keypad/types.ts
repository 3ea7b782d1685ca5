// What a satisfaction keypad gives the server, whatever carries its bytes.

export interface KeypadRating {
  /** The keypad's own device name from its frames. */
  device: string;
  /** The keypad's boot id and its seq of the press: with `device`, the identity of the press. */
  boot: string;
  seq: number;
  /** 1..buttons, where `buttons` is the best. */
  button: number;
  buttons: number;
  /** The arm token the press answered, or null for a press while not armed. */
  token: string | null;
  /** Epoch milliseconds at which the server received the press. */
  at: number;
}

export interface KeypadHealth {
  device: string | null;
  online: boolean;
  lastHeartbeatAt: number | null;
  bootId: string | null;
  firmware: string | null;
  /** Dropped frames by kind: noise, bad_crc, too_long, unknown_type, bad_field, … */
  errors: Record<string, number>;
  /** Attempts to reopen the line since the keypad was created (unplugged, silent, not found). */
  reconnects: number;
}

export interface Keypad {
  /** Invite a rating of `token` for `seconds`; a later arm replaces an earlier one. */
  arm(token: string, seconds: number): void;
  disarm(): void;
  /** A listener that throws refuses the rating: the press is not acknowledged, and the keypad sends it again. */
  on(event: 'rating', listener: (rating: KeypadRating) => void): this;
  on(event: 'health', listener: (health: KeypadHealth) => void): this;
  close(): Promise<void>;
}
