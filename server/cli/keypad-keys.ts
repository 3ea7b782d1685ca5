// Pressing the demo's virtual keypads by hand from the terminal that runs `nobat start`: a line "4"
// presses button 4 of the desk keypad, "e4" button 4 of the exit keypad (1 = worst, 5 = best).
import { createInterface } from 'node:readline';
import type { VirtualKeypads } from '../keypads/virtual-keypads.js';

export const KEYPAD_KEYS_HELP = 'type 1–5 and Enter to press the virtual desk keypad, e1–e5 for the exit keypad';

export function pressFromTerminal(keypads: VirtualKeypads, input: NodeJS.ReadableStream = process.stdin): void {
  createInterface({ input }).on('line', (line) => {
    const match = /^\s*(e?)([1-5])\s*$/i.exec(line);
    if (!match) return console.log(`  keypad: ${KEYPAD_KEYS_HELP}`);
    const which = match[1] ? 'exit' : 'desk';
    const button = Number(match[2]);
    void keypads.press(which, button).then((acknowledged) => console.log(`  keypad: ${which} ${button} ${acknowledged ? 'recorded' : 'not acknowledged'}`));
  });
}
