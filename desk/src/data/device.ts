// A desk PC can be paired as a device bound to one desk (`nobat device add --kind desk --desk <id>`):
// open /desk?device=<token> once, and this machine keeps the token and offers only its own desk.
const STORAGE_KEY = 'nobat.desk.device';

export function deskDeviceToken(): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('device');
  if (fromUrl) {
    localStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('device');
    history.replaceState(null, '', url);
  }
  return localStorage.getItem(STORAGE_KEY);
}
