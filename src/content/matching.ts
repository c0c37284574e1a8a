// The page's way to find mentions: a compiled matcher from the background (small knowledge
// bases: matched right here), or the background itself (large ones: the page sends its text).
import { textLanguage } from '@/src/core/lang/detect';
import { inLanguage } from '@/src/core/lang/filter';
import { type AliasMatch, PAGE_DENSE_STATES, reviveMatcher } from '@/src/core/matcher';
import type { PublishedMatcher } from '@/src/messaging/broadcast';
import { isBudgetSpent } from '@/src/messaging/match-budget';
import { type MatcherDelivery, sendMessage } from '@/src/messaging/protocol';
import type { Segment } from './walk';

export interface PageMatcher {
  revision: string;
  /** Where matching happens, for diagnostics. */
  where: 'page' | 'background';
  /** Text per call: small for local matching (each call runs in one slice), large for messages. */
  batchChars: number;
  find(texts: string[]): Promise<AliasMatch[][]>;
}

/**
 * The matcher: the published one if there is one and it revives, else asked of the background
 * (with the revision the page has, which the background may answer with "unchanged").
 */
export async function loadPageMatcher(
  previous: PageMatcher | null,
  published: PublishedMatcher | null = null,
): Promise<PageMatcher> {
  if (published) {
    try {
      return pageMatcher(published, previous);
    } catch {
      // Written by another version, or damaged: the background answers instead.
    }
  }
  return pageMatcher(await sendMessage('getMatcher', { revision: previous?.revision }), previous);
}

function pageMatcher(delivery: MatcherDelivery, previous: PageMatcher | null): PageMatcher {
  if (delivery.mode === 'unchanged' && previous) return previous;
  if (delivery.mode === 'local') {
    const matcher = reviveMatcher(delivery.matcher, { denseStates: PAGE_DENSE_STATES });
    return {
      revision: delivery.revision,
      where: 'page',
      batchChars: 20_000,
      find: async (texts) => texts.map((text) => matcher.findAll(text)),
    };
  }
  let pausedUntil = 0;
  return {
    revision: delivery.revision,
    where: 'background',
    batchChars: 100_000,
    // Over the background's budget the rest stays unmarked (the visible text went first), and
    // nothing more is sent until the budget allows: no error, the page keeps the marks it has.
    find: async (texts) => {
      if (Date.now() < pausedUntil) return texts.map(() => []);
      try {
        return (await sendMessage('matchTexts', { texts })).mentions;
      } catch (error) {
        if (!isBudgetSpent(error)) throw error;
        pausedUntil = Date.now() + (error.retryAfterMs ?? 0);
        return texts.map(() => []);
      }
    },
  };
}

/**
 * The mentions that count in the segment's language: an inflected form ("Rosji") only in text of
 * its language. The language is the one the text's words show, else the one the page declares
 * (closest lang, inherited). The detector is part of the content script (~3 KB): fetched with the
 * popover module, the first such form held up every mark after it until that module was in, 100–
 * 150 ms on bbc-1 ("Russian", a Hungarian form of Russia) in bench:page. Call it only for matches
 * with `langs`.
 */
export async function inSegmentLanguage(
  segment: Segment,
  found: AliasMatch[],
  detector: () => Promise<{
    textLanguage(text: string, declared?: string | null): string;
  }> = async () => ({ textLanguage }),
): Promise<AliasMatch[]> {
  const element = segment.nodes[0]?.parentElement;
  const declared =
    element?.closest('[lang]')?.getAttribute('lang') ?? element?.ownerDocument.documentElement.lang;
  let lang = '';
  try {
    lang = (await detector()).textLanguage(segment.text, declared);
  } catch {
    // No language could be told: no inflected form counts.
  }
  return found.flatMap((match) => inLanguage(match, lang) ?? []);
}
