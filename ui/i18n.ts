// The languages every screen speaks and the machinery of its words: each screen keeps its own phrase
// table (`fa` is the source, its keys type every lookup, so a misspelt key or a missing English text
// fails the build) and gets its `t`/`tn` from `createTranslator`. Direction is data, not a special case.
import type { Lang } from '../server/time/persian.js';

export type { Lang };

export const LANGUAGES: Record<Lang, { dir: 'rtl' | 'ltr'; label: string }> = {
  fa: { dir: 'rtl', label: 'فارسی' },
  en: { dir: 'ltr', label: 'English' },
};

/** Sets the page's language and direction (and its title, where the screen has one to say). */
export function applyDocumentLanguage(lang: Lang, title?: string): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = LANGUAGES[lang].dir;
  if (title !== undefined) document.title = `${title} — ${lang === 'fa' ? 'نوبت' : 'nobat'}`;
}

/** Picks each `{one|other}` of `text` by Intl.PluralRules («1 person», "2 people"); Persian needs none. */
export function pluralize(lang: Lang, text: string, count: number): string {
  const one = new Intl.PluralRules(lang).select(count) === 'one';
  return text.replace(/\{([^{}|]*)\|([^{}|]*)\}/g, (_, singular: string, plural: string) => (one ? singular : plural));
}

/** A screen's phrases in every language, keyed alike. */
export type PhraseTable<Key extends string> = Record<Lang, Record<Key, string>>;

export interface Translator<Key extends string> {
  /** The text for `key`, with `{name}` placeholders filled in. */
  t(lang: Lang, key: Key, values?: Record<string, string>): string;
  /** `t` for a message about `count` things: its `{one|other}` choices follow the language's plural rules. */
  tn(lang: Lang, key: Key, count: number, values?: Record<string, string>): string;
}

export function createTranslator<Key extends string>(table: PhraseTable<Key>): Translator<Key> {
  const t = (lang: Lang, key: Key, values: Record<string, string> = {}): string =>
    table[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  return { t, tn: (lang, key, count, values = {}) => pluralize(lang, t(lang, key, values), count) };
}
