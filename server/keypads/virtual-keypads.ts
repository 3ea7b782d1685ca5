// The demo office's keypads, with no hardware: per keypad a socat pty pair, the simulator speaking the
// line protocol on one end and the server's own serial driver on the other, configured by path like
// any keypad. The desk keypad rates by itself a few seconds after it is armed and the exit keypad
// after some of the office's finishes, so the demo's statistics fill; `press()` presses by hand.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SocatMissingError, SocatPair } from '../../drivers/sim/socat-pair.js';
import { startKeypadSim, type SimulatedKeypad } from '../../drivers/sim/keypad-sim.js';
import type { KeypadSettings } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { Office } from '../office/office.js';
import type { StoredEvent } from '../store/event-store.js';

/** How often visitors pick each of five buttons (1 = worst): most are content, a few are not. */
const BUTTON_WEIGHTS = [0.05, 0.07, 0.13, 0.3, 0.45];
/** Share of finished visitors who press the exit keypad on their way out. */
const EXIT_PRESS_SHARE = 0.5;

export interface VirtualKeypadOptions {
  /** Where the pty links live; emptied first, since a server killed outright leaves its links behind. */
  dir: string;
  /** The desk the virtual desk keypad stands at. */
  deskId: string;
  office: Office;
  log: Logger;
  /** Rate by itself (the demo); tests that press by hand turn it off. Default true. */
  autoRate?: boolean;
  random?: () => number;
}

type Which = 'desk' | 'exit';

export class VirtualKeypads {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly onCommitted = (stored: StoredEvent[]) => this.visitorsLeaving(stored);

  private constructor(
    private readonly pairs: SocatPair[],
    private readonly sims: Record<Which, SimulatedKeypad>,
    readonly keypads: KeypadSettings[],
    private readonly options: VirtualKeypadOptions,
  ) {
    if (options.autoRate === false) return;
    const desk = sims.desk;
    let pending: NodeJS.Timeout | null = null;
    const cancel = () => {
      if (pending) this.clear(pending);
      pending = null;
    };
    desk.on('armed', () => {
      cancel();
      pending = this.later(2_000 + this.random() * 4_000, () => void desk.press(this.plausibleButton(desk.buttons)));
    });
    desk.on('disarmed', cancel);
    desk.on('line', cancel);
    options.office.on('committed', this.onCommitted);
  }

  /**
   * Makes the pty pairs and powers the simulated keypads on; null (after one clear log line) when
   * socat is not installed or the pairs cannot be made: the demo then runs without keypads.
   */
  static async start(options: VirtualKeypadOptions): Promise<VirtualKeypads | null> {
    const { dir } = options;
    await rm(dir, { recursive: true, force: true });
    const pairs = [new SocatPair(join(dir, 'desk')), new SocatPair(join(dir, 'exit'))];
    try {
      for (const pair of pairs) {
        await mkdir(join(pair.a, '..'), { recursive: true });
        await pair.start();
      }
    } catch (error) {
      await Promise.all(pairs.map((pair) => pair.stop()));
      await rm(dir, { recursive: true, force: true });
      if (error instanceof SocatMissingError) options.log.warn(`virtual keypads off: ${error.message}`);
      else options.log.warn('virtual keypads off: the pty pairs could not be made', { error: error instanceof Error ? error.message : String(error) });
      return null;
    }
    const [deskPair, exitPair] = pairs as [SocatPair, SocatPair];
    // The driver may open its end after the first hello went by; a hello every few seconds teaches it the boot soon.
    const sim = (path: string, device: string) => startKeypadSim({ path, device, buttons: 5, baudRate: 115200, helloMs: 5_000 });
    const sims = { desk: await sim(deskPair.a, 'VDESK'), exit: await sim(exitPair.a, 'VEXIT') };
    const keypads: KeypadSettings[] = [
      { id: 'virtual-desk', kind: 'desk', deskId: options.deskId, path: deskPair.b, baudRate: 115200 },
      { id: 'virtual-exit', kind: 'exit', path: exitPair.b, baudRate: 115200 },
    ];
    return new VirtualKeypads(pairs, sims, keypads, options);
  }

  /** A visitor presses `button` (1 = worst … 5 = best); resolves true once the server acknowledged it. */
  press(which: Which, button: number): Promise<boolean> {
    return this.sims[which].press(button);
  }

  async close(): Promise<void> {
    this.options.office.off('committed', this.onCommitted);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(Object.values(this.sims).map((sim) => sim.close()));
    await Promise.all(this.pairs.map((pair) => pair.stop()));
    await rm(this.options.dir, { recursive: true, force: true });
  }

  private visitorsLeaving(stored: StoredEvent[]): void {
    for (const { event } of stored) {
      if (event.type !== 'ticket.finished' || this.random() >= EXIT_PRESS_SHARE) continue;
      this.later(3_000 + this.random() * 7_000, () => void this.sims.exit.press(this.plausibleButton(this.sims.exit.buttons)));
    }
  }

  private plausibleButton(buttons: number): number {
    const weights = BUTTON_WEIGHTS.slice(5 - buttons);
    let draw = this.random() * weights.reduce((sum, weight) => sum + weight, 0);
    for (const [i, weight] of weights.entries()) {
      draw -= weight;
      if (draw < 0) return i + 1;
    }
    return buttons;
  }

  private later(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  private clear(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  private random(): number {
    return (this.options.random ?? Math.random)();
  }
}
