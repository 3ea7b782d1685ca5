// What keeps an unattended kiosk on its page (design §8), whatever a visitor does with the touch
// screen, a mouse or a USB keyboard: no context menu, selection or dragging; no zoom by ctrl+wheel,
// a trackpad pinch or ctrl+plus; none of the keys that go back, forward, home, reload, print, open,
// find or to the developer tools; no link followed, whatever put it on the page; nothing dropped
// onto the page opened. History back or forward lands on the kiosk's own entry and sends the visitor
// home, and a page of ours reached by going back further sends it back to the kiosk (kiosk-tab.ts).
// The page's CSS turns off pinch and overscroll gestures; its CSP sandbox (server/http/
// security-headers.ts) refuses popups, `target=_blank`, downloads and dialogs.
import { markKioskTab } from '../../ui/kiosk-tab.js';

/** The history entry the kiosk keeps on top of its own, so that "back" stays on the page. */
const GUARD = 'nb-kiosk-guard';

/** What a field still needs with Ctrl held: select all, copy, cut, paste, undo, redo. */
const FIELD_SHORTCUTS = new Set(['a', 'c', 'x', 'v', 'z', 'y']);

/** Installs the lock; `onHistoryMove` runs when back or forward was asked for. Answers the undo. */
export function lockKiosk(onHistoryMove: () => void): () => void {
  const onPopState = () => {
    if (history.state !== GUARD) history.pushState(GUARD, '');
    onHistoryMove();
  };
  const listeners: Array<[string, (event: Event) => void, AddEventListenerOptions]> = [
    ['contextmenu', preventDefault, {}],
    ['selectstart', (event) => !isField(event.composedPath()[0]) && event.preventDefault(), {}],
    ['dragstart', preventDefault, {}],
    // Dropping a link or a file onto a page opens it.
    ['dragover', preventDefault, {}],
    ['drop', preventDefault, {}],
    ['keydown', (event) => isLeavingKey(event as KeyboardEvent) && event.preventDefault(), { capture: true }],
    ['wheel', (event) => (event as WheelEvent).ctrlKey && event.preventDefault(), { passive: false }],
    // Any button but the main one: the side buttons go back and forward, the middle one opens links
    // in a new tab or starts autoscroll.
    ['mousedown', preventNonPrimary, { capture: true }],
    ['mouseup', preventNonPrimary, { capture: true }],
    ['auxclick', preventDefault, { capture: true }],
    ['click', (event) => event.composedPath().some(isLink) && event.preventDefault(), { capture: true }],
  ];
  for (const [name, listener, options] of listeners) document.addEventListener(name, listener, options);
  markKioskTab();
  if (history.state !== GUARD) history.pushState(GUARD, '');
  window.addEventListener('popstate', onPopState);
  return () => {
    for (const [name, listener, options] of listeners) document.removeEventListener(name, listener, options);
    window.removeEventListener('popstate', onPopState);
  };
}

function isLeavingKey(event: KeyboardEvent): boolean {
  // F5 and Ctrl+R included: a reload while the server restarts leaves the browser's error page on
  // the screen, where the kiosk itself would have waited and reconnected.
  if (/^F\d{1,2}$/.test(event.key) || event.key.startsWith('Browser')) return true;
  const inField = isField(event.composedPath()[0]);
  if (event.ctrlKey || event.metaKey) return !(inField && FIELD_SHORTCUTS.has(event.key.toLowerCase()));
  if (event.altKey) return true;
  return event.key === 'Backspace' && !inField;
}

function isField(target: EventTarget | undefined): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
}

/** HTML and SVG links alike. */
function isLink(target: EventTarget): boolean {
  return target instanceof Element && (target.localName === 'a' || target.localName === 'area');
}

function preventDefault(event: Event) {
  event.preventDefault();
}

function preventNonPrimary(event: Event) {
  if ((event as MouseEvent).button !== 0) event.preventDefault();
}
