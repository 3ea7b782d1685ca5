// The administration screen's one event: a form saved (or deleted) something, so the shell reloads
// the configuration, accounts, devices and audit trail it passes down.
import { eventEmitter } from '../../../ui/events.js';

const emit = eventEmitter<{ 'nb-admin-saved': undefined }>();

export function emitSaved(from: HTMLElement): void {
  emit(from, 'nb-admin-saved', undefined);
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nb-admin-saved': CustomEvent<void>;
  }
}
