// What a visitor types, made safe to keep and to show: bidi controls and other invisible control
// characters removed (line breaks and tabs stay, as do ZWNJ and the direction marks Persian needs),
// runs of blank lines shortened, the whole trimmed. (Mobile numbers: server/messages/mobile.ts.)
import { z } from 'zod';
import { BIDI_CONTROLS } from '../config/bidi.js';

/** C0 and C1 controls other than tab and line feed, DEL, and the byte-order mark. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF]/g;

export function cleanVisitorText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(BIDI_CONTROLS, '')
    .replace(CONTROL_CHARACTERS, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A visitor's text of at most `max` characters once cleaned (a few KB in UTF-8 at most). */
export const visitorText = (max: number) => z.string().max(max * 2).transform(cleanVisitorText).pipe(z.string().min(1).max(max));
