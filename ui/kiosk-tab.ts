// A browser tab that has shown the kiosk stays a kiosk (design §8). The kiosk marks its tab; any
// other page of ours that finds itself in a marked tab (history went back past the kiosk's own
// entries to a page opened before it, say) goes straight back to the kiosk. The mark lives in
// sessionStorage, so it belongs to that one tab: a new tab or window is not a kiosk.
const MARK = 'nobat.kiosk-tab';

export function markKioskTab(): void {
  sessionStorage.setItem(MARK, '1');
}

/** For the other pages' entries: back to the kiosk when this tab is one, on load and when shown again from the back/forward cache. */
export function returnToKioskTab(): void {
  addEventListener('pageshow', () => {
    if (sessionStorage.getItem(MARK)) location.replace('/kiosk');
  });
}
