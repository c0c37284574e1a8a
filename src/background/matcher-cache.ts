// One compiled matcher for the whole extension, rebuilt only when the enabled knowledge changes.
// Content scripts never compile a dictionary themselves: a small one is sent to them compiled
// (they revive it in well under a millisecond and match locally); a large one stays here and
// pages send their text to be matched (a page would otherwise hold tens of MB of automaton).
import {
  createMatcher,
  type Matcher,
  type Mention,
  reviveMatcher,
  type SerializedMatcher,
} from '@/src/core/matcher';
import type { GlossDb } from '@/src/db/db';
import type { MatcherDelivery } from '@/src/messaging/protocol';
import { getDictionary } from './knowledge';

/**
 * Above this many aliases pages ask the background to match instead of holding the automaton.
 * bench:page measured sending a 10,000-alias matcher at 160 ms per page against 10 ms for a
 * round trip with the page's text, so only small knowledge bases travel.
 */
export const LOCAL_MATCHER_LIMIT = 2_000;
const CACHE_KEY = 'compiledMatcher';

export class MatcherCache {
  private current: { revision: string; matcher: Matcher; size: number } | null = null;
  private building: Promise<{ revision: string; matcher: Matcher; size: number }> | null = null;

  constructor(
    private readonly db: GlossDb,
    private readonly localLimit = LOCAL_MATCHER_LIMIT,
  ) {}

  /** The matcher for the knowledge as it is now; built (or revived from the last build) on demand. */
  async get(): Promise<{ revision: string; matcher: Matcher; size: number }> {
    const revision = String(await this.revision());
    if (this.current?.revision === revision) return this.current;
    if (!this.building) {
      this.building = this.build(revision).finally(() => {
        this.building = null;
      });
    }
    const built = await this.building;
    return built.revision === revision ? built : this.get();
  }

  async delivery(knownRevision?: string): Promise<MatcherDelivery> {
    const { revision, matcher, size } = await this.get();
    if (size > this.localLimit) return { revision, mode: 'remote', size };
    if (knownRevision === revision) return { revision, mode: 'unchanged', size };
    return { revision, mode: 'local', size, matcher: matcher.toJSON() };
  }

  async match(texts: string[]): Promise<{ revision: string; mentions: Mention[][] }> {
    const { revision, matcher } = await this.get();
    return { revision, mentions: texts.map((text) => matcher.findAll(text)) };
  }

  private async revision(): Promise<number> {
    return ((await this.db.settings.get('knowledgeRevision'))?.value as number | undefined) ?? 0;
  }

  private async build(revision: string) {
    // A service worker is stopped when idle; the last build, kept in the database, revives fast.
    const cached = (await this.db.settings.get(CACHE_KEY))?.value as
      | { revision: string; data: SerializedMatcher; size: number }
      | undefined;
    if (cached?.revision === revision) {
      try {
        this.current = { revision, matcher: reviveMatcher(cached.data), size: cached.size };
        return this.current;
      } catch {
        // A corrupt cache is rebuilt below.
      }
    }
    const dictionary = await getDictionary(this.db);
    const matcher = createMatcher(dictionary.aliases);
    this.current = { revision: dictionary.revision, matcher, size: dictionary.aliases.length };
    await this.db.settings
      .put({
        key: CACHE_KEY,
        value: { revision: dictionary.revision, data: matcher.serialize(), size: matcher.size },
      })
      .catch(() => {}); // Out of space: the cache is only a speed-up.
    return this.current;
  }
}
