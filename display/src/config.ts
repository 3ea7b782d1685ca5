// How this TV is set up, from its address, since a TV has no keyboard to set anything on:
//   /display?lang=en          English, left to right (Persian by default)
//   /display?mute=1           no chime or voice (the board still highlights each call)
//   /display?volume=0.6       voice volume, 0 to 1 (1 by default)
//   /display?token=…          the display's device token, outside the demo office
import type { Lang } from './i18n.js';

export interface DisplayConfig {
  lang: Lang;
  muted: boolean;
  volume: number;
  token: string | null;
}

export function readConfig(search: string = location.search): DisplayConfig {
  const params = new URLSearchParams(search);
  const volume = Number(params.get('volume') ?? '1');
  const mute = params.get('mute');
  return {
    lang: params.get('lang') === 'en' ? 'en' : 'fa',
    muted: mute !== null && mute !== '0' && mute !== 'false',
    volume: Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 1,
    token: params.get('token'),
  };
}
