// Durations of the citizens' voice: how long an item waited against its target, in whole hours
// (or days and hours past two days), with the reader's digits.
import { localDigits } from '../../../ui/format.js';
import type { Lang } from '../i18n.js';
import { vt } from './i18n.js';

export function durationText(seconds: number, lang: Lang): string {
  const hours = Math.floor(seconds / 3600);
  if (hours < 48) return vt(lang, 'hours', { n: localDigits(hours, lang) });
  return vt(lang, 'days', { n: localDigits(Math.floor(hours / 24), lang), h: localDigits(hours % 24, lang) });
}
