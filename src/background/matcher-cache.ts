// One compiled matcher for the whole extension, rebuilt only when the enabled knowledge changes.
// Content scripts never compile a matcher themselves: a small one is sent to them compiled
// (they revive it in well under a millisecond and match locally); a large one stays here and
// pages send their text to be matched (a page would otherwise hold tens of MB of automaton).

import { expandAliases } from '@/src/core/lang/inflect';
import {
  type AliasMatch,
  createMatcher,
  type Matcher,
  reviveMatcher,
  type SerializedMatcher,
} from '@/src/core/matcher';
import type { GlossDb } from '@/src/db/db';
import type { PublishedMatcher } from '@/src/messaging/broadcast';
import type { MatcherDelivery } from '@/src/messaging/protocol';
import { matcherAliases } from './knowledge';

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
    /** Hands each new matcher to the pages (extension storage); failures only cost pages a message. */
    private readonly publish: (matcher: PublishedMatcher) => Promise<void> = async () => {},
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
    const current = await this.get();
    if (current.size <= this.localLimit && knownRevision === current.revision) {
      return { revision: current.revision, mode: 'unchanged', size: current.size };
    }
    return this.published(current);
  }

  /** What pages get for a matcher: compiled when small, "ask the background" when large. */
  private published({
    revision,
    matcher,
    size,
  }: {
    revision: string;
    matcher: Matcher;
    size: number;
  }): PublishedMatcher {
    return size > this.localLimit
      ? { revision, mode: 'remote', size }
      : { revision, mode: 'local', size, matcher: matcher.toJSON() };
  }

  async match(texts: string[]): Promise<{ revision: string; mentions: AliasMatch[][] }> {
    const { revision, matcher } = await this.get();
    return { revision, mentions: texts.map((text) => matcher.findAll(text)) };
  }

  private async revision(): Promise<number> {
    return ((await this.db.bookkeeping.get('knowledgeRevision'))?.value as number | undefined) ?? 0;
  }

  private async build(revision: string) {
    // A service worker is stopped when idle; the last build, kept in the database, revives fast.
    const cached = (await this.db.bookkeeping.get(CACHE_KEY))?.value as
      | { revision: string; data: SerializedMatcher; size: number }
      | undefined;
    if (cached?.revision === revision) {
      try {
        this.current = { revision, matcher: reviveMatcher(cached.data), size: cached.size };
        this.announce(this.current);
        return this.current;
      } catch {
        // A corrupt cache is rebuilt below.
      }
    }
    const { revision: built, aliases } = await matcherAliases(this.db);
    const matcher = createMatcher(expandAliases(aliases)); // inflected forms: src/core/lang/inflect.ts
    this.current = { revision: built, matcher, size: aliases.length };
    await this.db.bookkeeping
      .put({
        key: CACHE_KEY,
        value: { revision: built, data: matcher.serialize(), size: aliases.length }, // names, not forms
      })
      .catch(() => {}); // Out of space: the cache is only a speed-up.
    this.announce(this.current);
    return this.current;
  }

  private announce(current: { revision: string; matcher: Matcher; size: number }): void {
    // A build that the knowledge has moved past meanwhile is not published: pages would keep it.
    void this.revision()
      .then((now) => (String(now) === current.revision ? this.publish(this.published(current)) : undefined))
      .catch(() => {}); // Pages fall back to asking.
  }
}
