// A paired device's token (a kiosk, a desk PC): given once in the address, then kept in this browser's
// storage and taken out of the address bar, so it is not bookmarked or shown over a shoulder.

/** The token under `storageKey`, first taking a new one from the address parameter `param`. */
export function storedDeviceToken(storageKey: string, param: string): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get(param);
  if (fromUrl) {
    localStorage.setItem(storageKey, fromUrl);
    url.searchParams.delete(param);
    history.replaceState(null, '', url);
  }
  return localStorage.getItem(storageKey);
}
