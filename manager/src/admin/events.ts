// The administration screen's one event: a form saved (or deleted) something, so the shell reloads
// the configuration, accounts, devices and audit trail it passes down.

export function emitSaved(from: HTMLElement): void {
  from.dispatchEvent(new CustomEvent('nb-admin-saved', { bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nb-admin-saved': CustomEvent<void>;
  }
}
