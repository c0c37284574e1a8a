// What the script every page runs decides at once about a mention, before any scorer. Most names
// are marked at once. A name of one entity that is written in lower case, starts a sentence or
// touches another capitalised word is decided here from its own words (own-words.ts): marked, or
// left unmarked. Only names several entities share, names a correction is about, and the few whose
// answer depends on the rest of the page wait for the scorer's module.
import { foldForSearch as fold } from '@/src/core/search-text';
import { isOrdinary, joinedNames, startsSentence, WORD_WEIGHTS, wordLogit } from './own-words';
import type { Correction } from './types';

export { fold, startsSentence };

/** Characters of the block's text the scorer and these rules read on each side of a mention. */
export const AROUND_CHARS = 80;

/**
 * What the page does with a mention at once: 'mark' it (it is as sure as any name), leave it
 * unmarked ('none': an ordinary word, a part of a longer name), or let the scorer decide ('context').
 */
export type FirstDecision = 'mark' | 'none' | 'context';

/**
 * A mention's first decision: 'context' when its alias names several identities or a correction is
 * about it; else 'mark' for a plain name (see `plainName`), else what its own words say (see
 * `byOwnWords`). `onPage`: whether the page has already marked an identity.
 */
export function firstDecision(
  blockText: string,
  start: number,
  end: number,
  candidates: readonly string[],
  corrected: ReadonlySet<string>,
  lang = '',
  onPage: (id: string) => boolean = () => false,
): FirstDecision {
  if (candidates.length > 1) return 'context';
  const text = blockText.slice(start, end);
  if (corrected.size && corrected.has(fold(text))) return 'context';
  const before = blockText.slice(Math.max(0, start - AROUND_CHARS), start);
  const after = blockText.slice(end, end + AROUND_CHARS);
  if (plainName(text, before, after)) return 'mark';
  return byOwnWords(text, before, after, lang, onPage(candidates[0] as string));
}

/**
 * A name that is several words or an acronym, or one word written with a capital amid its sentence
 * with nothing capitalised next to it ("talks in Turkey", "the Alliance"): as sure as any name, an
 * ordinary word or not.
 */
export function plainName(text: string, before: string, after: string): boolean {
  if (text.includes(' ') || !/\p{Ll}/u.test(text)) return true;
  return (
    /\p{Lu}/u.test(text) &&
    !/^ \p{Lu}/u.test(after) &&
    !/\p{Lu}\S* $/u.test(before) &&
    !startsSentence(before)
  );
}

/**
 * A name of one entity that is not plain (lower case, a sentence start, "Washington Wizards", "Star
 * Alliance", "The Alliance" after a capitalised word), decided as the scorer decides a candidate
 * without a profile: `base`, plus `self` when the page already marks it, against what the words say
 * for "nothing". 'context' only when `self` would decide and the page has not marked it yet.
 */
export function byOwnWords(
  text: string,
  before: string,
  after: string,
  lang: string,
  self: boolean,
): FirstDecision {
  const none =
    wordLogit(text, before, lang, isOrdinary) +
    (joinedNames(text, before, after, lang).length ? WORD_WEIGHTS.longerName : 0);
  if (none < WORD_WEIGHTS.base) return 'mark';
  if (none >= WORD_WEIGHTS.base + WORD_WEIGHTS.self) return 'none';
  return self ? 'mark' : 'context';
}

/** The aliases some live correction is about (folded), for firstDecision. */
export function correctedAliases(corrections: readonly Correction[]): Set<string> {
  return new Set(corrections.filter((c) => !c.deletedAt).map((c) => c.alias));
}

/** The language's primary subtag ("en-US" → "en"), '' when unknown. */
export function primaryLang(tag: string | null | undefined): string {
  return (tag ?? '').split('-')[0]?.toLowerCase() ?? '';
}
