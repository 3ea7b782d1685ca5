// The screens' DOM events: named nb-*, bubbling and composed so they cross shadow roots to the shell.
// Each screen names its events and their details in one map and gets its typed `emit` from here.

/** The `emit` of a screen whose events are `Events` (name → detail). */
export function eventEmitter<Events>() {
  return <K extends keyof Events & string>(from: HTMLElement, name: K, detail: Events[K]): void => {
    from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  };
}
