// A reader's corrections, as the scorer applies them: where each applies is one rule, in
// src/core/corrections.ts (shared with the card that makes them and the background that keeps them).
import { correctionFor as fitting, passageWords } from '@/src/core/corrections';
import { foldForSearch } from '@/src/core/search-text';
import type { Correction, MentionContext } from './types';

/** The correction that applies to this mention: 'context' before 'site' before 'everywhere', newest first. */
export function correctionFor(
  corrections: readonly Correction[],
  mention: MentionContext,
): Correction | undefined {
  if (corrections.length === 0) return undefined;
  return fitting(corrections, {
    alias: foldForSearch(mention.text),
    site: mention.site,
    candidates: mention.candidates,
    words: passageWords(mention.passage ?? `${mention.before} ${mention.after}`),
  });
}
