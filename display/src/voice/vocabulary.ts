// The words a spoken call is assembled from, one short audio clip each (display/voice/<id>.wav).
// With these, any number below a million can be said the way numberToPersianWords writes it, so a
// call reads «شماره دو هزار و چهل و پنج، باجه سه». An office may replace any clip with its own
// recording of the same word; scripts/make-voice-clips.ts makes the default set with espeak-ng.

/** Each clip's id (its file name) and the Persian word it says. */
export const WORDS = {
  sefr: 'صفر',
  yek: 'یک',
  do: 'دو',
  se: 'سه',
  chahar: 'چهار',
  panj: 'پنج',
  shesh: 'شش',
  haft: 'هفت',
  hasht: 'هشت',
  noh: 'نه',
  dah: 'ده',
  yazdah: 'یازده',
  davazdah: 'دوازده',
  sizdah: 'سیزده',
  chahardah: 'چهارده',
  panzdah: 'پانزده',
  shanzdah: 'شانزده',
  hefdah: 'هفده',
  hejdah: 'هجده',
  noozdah: 'نوزده',
  bist: 'بیست',
  si: 'سی',
  chehel: 'چهل',
  panjah: 'پنجاه',
  shast: 'شصت',
  haftad: 'هفتاد',
  hashtad: 'هشتاد',
  navad: 'نود',
  sad: 'صد',
  devist: 'دویست',
  sisad: 'سیصد',
  chaharsad: 'چهارصد',
  pansad: 'پانصد',
  sheshsad: 'ششصد',
  haftsad: 'هفتصد',
  hashtsad: 'هشتصد',
  nohsad: 'نهصد',
  hezar: 'هزار',
  va: 'و',
  shomare: 'شماره',
  baje: 'باجه',
} as const;

export type WordClip = keyof typeof WORDS;

/** A clip: a word, or the chime played before each call. */
export type ClipId = WordClip | 'chime';

export const CLIP_IDS: readonly ClipId[] = ['chime', ...(Object.keys(WORDS) as WordClip[])];

/** Where the server serves a clip (server/http/static.ts). */
export function clipUrl(clip: ClipId): string {
  return `/display/voice/${clip}.wav`;
}
