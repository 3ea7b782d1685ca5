// The citizens'-voice tabs' DOM event: an element changed something on the server, and the tab
// reads its list again. Bubbling and composed, so it crosses shadow roots.
declare global {
  interface GlobalEventHandlersEventMap {
    'nb-voice-changed': CustomEvent<Record<string, never>>;
  }
}

export function emitChanged(from: HTMLElement): void {
  from.dispatchEvent(new CustomEvent('nb-voice-changed', { detail: {}, bubbles: true, composed: true }));
}
