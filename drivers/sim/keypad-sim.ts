// Starts a simulated satisfaction keypad on a serial path, as a library for tests and the demo or
// from the command line:
//   node --import tsx drivers/sim/keypad-sim.ts --path /tmp/x --device EXIT1 [--buttons 5] [--auto]
// Type a button number and Enter to press it; with --auto it also presses a random button every few
// seconds, leaning towards the good end.
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isValidDevice } from '../keypad/frame.js';
import { SimulatedKeypad, type KeypadSimOptions } from './simulated-keypad.js';

export type { KeypadSimOptions } from './simulated-keypad.js';
export { SimulatedKeypad } from './simulated-keypad.js';

/** Opens the line and powers the keypad on; resolves once the line is open. */
export async function startKeypadSim(options: KeypadSimOptions): Promise<SimulatedKeypad> {
  if (!isValidDevice(options.device)) throw new RangeError(`device must match [A-Z0-9]{1,8}: ${options.device}`);
  const keypad = new SimulatedKeypad(options);
  await keypad.start();
  return keypad;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      path: { type: 'string' },
      device: { type: 'string', default: 'KP1' },
      buttons: { type: 'string', default: '5' },
      baud: { type: 'string', default: '9600' },
      auto: { type: 'boolean', default: false },
    },
  });
  const buttons = Number(values.buttons);
  const baudRate = Number(values.baud);
  if (!values.path || (buttons !== 3 && buttons !== 4 && buttons !== 5) || (baudRate !== 9600 && baudRate !== 115200)) {
    console.error('usage: keypad-sim.ts --path <serial path> [--device KP1] [--buttons 3|4|5] [--baud 9600|115200] [--auto]');
    process.exit(2);
  }
  const keypad = await startKeypadSim({ path: values.path, device: values.device, buttons, baudRate });
  keypad.on('armed', (token: string) => console.log(`armed for ${token}`));
  keypad.on('disarmed', () => console.log('disarmed'));
  keypad.on('line', (open: boolean) => console.log(open ? 'line open, powered on' : 'line lost'));
  console.log(`keypad ${values.device} with ${buttons} buttons on ${values.path}`);

  const pressAndReport = (button: number): void => {
    void keypad.press(button).then((acked) => console.log(`pressed ${button}: ${acked ? 'acknowledged' : 'no ack'}`));
  };
  createInterface({ input: process.stdin }).on('line', (line) => {
    const button = Number(line.trim());
    if (Number.isInteger(button) && button >= 1 && button <= buttons) pressAndReport(button);
    else console.log(`type a button number 1..${buttons}`);
  });

  let autoTimer: NodeJS.Timeout | undefined;
  const pressNowAndThen = (): void => {
    autoTimer = setTimeout(() => {
      // Most visitors are content: sqrt skews the uniform draw towards the top buttons.
      pressAndReport(1 + Math.floor(Math.sqrt(Math.random()) * buttons));
      pressNowAndThen();
    }, 3_000 + Math.random() * 7_000);
  };
  if (values.auto) pressNowAndThen();

  const stop = (): void => {
    clearTimeout(autoTimer);
    void keypad.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
