// The words that speak for an identity near a mention, from what the knowledge base says of it.
// Used by the background (context-profiles.ts) and by the unit tests' knowledge fixture alike.
import { STOP } from './own-words';
import { wordsOf } from './words';

/** Cue words kept per identity: enough for its facts' vocabulary, small enough to send to a page. */
export const MAX_CUES = 80;

export interface ProfileTexts {
  name: string;
  aliases: readonly string[];
  description?: string;
  facts: readonly string[];
  /** Names of the identities it appears with ("Stoltenberg" speaks for NATO). */
  withNames: readonly string[];
}

/** The most frequent telling words of an identity's description, facts, aliases and company. */
export function profileCues(texts: ProfileTexts): string[] {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const word of wordsOf(text)) {
      if (word.length < 2 || word === '#num' || STOP.has(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + weight);
    }
  };
  // The description says what it is: its words count more than any one fact's.
  add(texts.description ?? '', 3);
  for (const alias of texts.aliases) add(alias, 2);
  for (const name of texts.withNames) add(name, 2);
  for (const fact of texts.facts) add(fact, 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_CUES)
    .map(([word]) => word);
}
