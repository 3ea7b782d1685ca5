// The clip sequence for one call: chime, «شماره», the number, «باجه», the desk. Pure, so the order a
// waiting room hears is unit-tested: 2045 at desk 3 → chime shomare do hezar va chehel va panj baje se.
import { numberToPersianWords } from '../../../server/time/persian.js';
import { WORDS, type ClipId, type WordClip } from './vocabulary.js';

const CLIP_OF_WORD = new Map<string, WordClip>(Object.entries(WORDS).map(([id, word]) => [word, id as WordClip]));

/** The largest number the clips can say as a whole number; longer ones are said digit by digit. */
const LARGEST_SPOKEN = 999_999;

/** The clips that say a whole number: 2045 → do hezar va chehel va panj. */
export function numberClips(n: number): WordClip[] {
  if (!Number.isInteger(n) || n < 0 || n > LARGEST_SPOKEN) throw new RangeError(`no clips for ${n}`);
  return numberToPersianWords(n)
    .split(' ')
    .map((word) => {
      const clip = CLIP_OF_WORD.get(word);
      if (!clip) throw new RangeError(`no clip for the word «${word}» of ${n}`);
      return clip;
    });
}

/**
 * The clips that say a ticket number as it is printed. An all-digit number keeps its leading zeros
 * («صفر صفر چهل و پنج» for 0045, so that it differs from 45); a number too long for words goes digit
 * by digit. Letters in a prefix have no clips: only the counter after them is said (A045 → چهل و پنج).
 */
export function ticketNumberClips(ticketNumber: string): WordClip[] {
  const digits = /[0-9]*$/.exec(ticketNumber)![0];
  if (digits === '') return [];
  if (digits !== ticketNumber) return spoken(digits.replace(/^0+(?=.)/, ''));
  return spoken(digits);
}

function spoken(digits: string): WordClip[] {
  const zeros = /^0*/.exec(digits)![0].length;
  if (zeros === digits.length) return Array.from({ length: zeros }, () => 'sefr');
  const rest = digits.slice(zeros);
  const leading: WordClip[] = Array.from({ length: zeros }, () => 'sefr');
  if (Number(rest) > LARGEST_SPOKEN) return [...leading, ...[...rest].flatMap((digit) => numberClips(Number(digit)))];
  return [...leading, ...numberClips(Number(rest))];
}

/** Everything a call says, in order: chime, «شماره» number, «باجه» desk (no desk for a public meeting's call). */
export function callClips(ticketNumber: string, deskNumber: number | null): ClipId[] {
  return ['chime', 'shomare', ...ticketNumberClips(ticketNumber), ...(deskNumber === null ? [] : (['baje', ...numberClips(deskNumber)] as const))];
}
