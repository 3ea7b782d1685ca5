// The satisfaction keypad driver's public face: the Keypad interface and a factory for the serial one.
import { SerialKeypad, type KeypadConfig, type SerialKeypadOptions } from './serial-keypad.js';

export type { Keypad, KeypadHealth, KeypadRating } from './types.js';
export type { KeypadConfig, SerialKeypadOptions } from './serial-keypad.js';
export type { KeypadMode } from './keypad-session.js';
export { SerialKeypad } from './serial-keypad.js';

/** Opens the keypad's line in the background; health and rating events follow. */
export function createKeypad(config: KeypadConfig, options?: SerialKeypadOptions): SerialKeypad {
  return new SerialKeypad(config, options);
}
