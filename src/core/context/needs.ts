// Which mentions wait for context, decided in the script every page runs: so no word lists here
// (those come with the scorer, in the popover module, only to pages that need it). The rules are
// cheap and generous; the scorer marks at once what turns out plain.
import { foldForSearch as fold } from '@/src/core/search-text';
import type { Correction } from './types';

export { fold };

/** Whether a mention right after `before` starts a sentence (or its block). */
export function startsSentence(before: string): boolean {
  return /(?:^|[.!?:;•|]\s*["'“‘(]?)\s*$/u.test(before);
}

/**
 * Whether a mention is decided by context rather than marked at once: its alias names several
 * identities, or a correction is about it; or it is one word (not an acronym) that is written in
 * lower case, starts a sentence ("Alliance members …"), or touches another capitalised word
 * ("Washington Wizards", "Star Alliance").
 */
export function needsContext(
  blockText: string,
  start: number,
  end: number,
  candidates: readonly string[],
  corrected: ReadonlySet<string>,
): boolean {
  if (candidates.length > 1) return true;
  const text = blockText.slice(start, end);
  if (corrected.size && corrected.has(fold(text))) return true;
  if (text.includes(' ') || !/\p{Ll}/u.test(text)) return false;
  if (!/\p{Lu}/u.test(text)) return true;
  const before = blockText.slice(Math.max(0, start - 40), start);
  return (
    /^ \p{Lu}/u.test(blockText.slice(end, end + 2)) || /\p{Lu}\S* $/u.test(before) || startsSentence(before)
  );
}

/** The aliases some live correction is about (folded), for needsContext. */
export function correctedAliases(corrections: readonly Correction[]): Set<string> {
  return new Set(corrections.filter((c) => !c.deletedAt).map((c) => c.alias));
}

/** The language's primary subtag ("en-US" → "en"), '' when unknown. */
export function primaryLang(tag: string | null | undefined): string {
  return (tag ?? '').split('-')[0]?.toLowerCase() ?? '';
}
