// The page's way to find mentions: a compiled matcher from the background (small knowledge
// bases: matched right here), or the background itself (large ones: the page sends its text).
import { type AliasMatch, reviveMatcher } from '@/src/core/matcher';
import type { PublishedMatcher } from '@/src/messaging/broadcast';
import { isBudgetSpent } from '@/src/messaging/match-budget';
import { type MatcherDelivery, sendMessage } from '@/src/messaging/protocol';

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
    const matcher = reviveMatcher(delivery.matcher);
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
