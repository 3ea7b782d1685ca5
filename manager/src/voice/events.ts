// The citizens'-voice tabs' DOM event: an element changed something on the server, and the tab
// reads its list again.
import { eventEmitter } from '../../../ui/events.js';

interface VoiceEvents {
  'nb-voice-changed': Record<string, never>;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nb-voice-changed': CustomEvent<VoiceEvents['nb-voice-changed']>;
  }
}

const emit = eventEmitter<VoiceEvents>();

export function emitChanged(from: HTMLElement): void {
  emit(from, 'nb-voice-changed', {});
}
