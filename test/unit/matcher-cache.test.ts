import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installBundledPacks } from '@/src/background/index';
import { LOCAL_MATCHER_LIMIT, MatcherCache } from '@/src/background/matcher-cache';
import { reviveMatcher } from '@/src/core/matcher';
import type { GlossDb } from '@/src/db/db';
import type { PublishedMatcher } from '@/src/messaging/broadcast';
import { freshDb } from './helpers';

let db: GlossDb;
beforeEach(async () => {
  db = freshDb();
  await installBundledPacks(db);
});
afterEach(() => db.close());

const text = 'Stoltenberg met Orbán in Brussels.';

describe('MatcherCache', () => {
  it('sends a small knowledge base compiled, and says "unchanged" when the page already has it', async () => {
    const cache = new MatcherCache(db);
    const first = await cache.delivery();
    expect(first.mode).toBe('local');
    if (first.mode !== 'local') return;
    const revived = reviveMatcher(first.matcher);
    expect(revived.findAll(text).map((m) => text.slice(m.start, m.end))).toEqual([
      'Stoltenberg',
      'Orbán',
      'Brussels',
    ]);
    expect(await cache.delivery(first.revision)).toMatchObject({
      mode: 'unchanged',
      revision: first.revision,
    });
  });

  it('keeps a large one in the background and matches there', async () => {
    const cache = new MatcherCache(db, 10);
    expect(await cache.delivery()).toMatchObject({ mode: 'remote' });
    const { mentions } = await cache.match([text, 'nothing here']);
    // Mentions carry identity ids (issue 13): each entity's, through its link.
    const identity = async (key: string) => (await db.links.get(key))?.identityId;
    expect(mentions[0]?.map((m) => m.entityIds)).toEqual([
      [await identity('nato-ukraine-2024/jens-stoltenberg')],
      [await identity('nato-ukraine-2024/viktor-orban')],
      [await identity('nato-ukraine-2024/brussels')],
    ]);
    expect(mentions[0]?.[0]?.entityIds[0]).toMatch(/^i:/);
    expect(mentions[1]).toEqual([]);
  });

  it('rebuilds when the knowledge changes, and revives the last build after a restart', async () => {
    const cache = new MatcherCache(db);
    const before = await cache.get();
    await db.packs.update('nato-ukraine-2024', { enabled: false });
    await db.bookkeeping.put({ key: 'knowledgeRevision', value: Number(before.revision) + 1 });
    const after = await cache.get();
    expect(after.revision).not.toBe(before.revision);
    expect(after.matcher.findAll(text)).toEqual([]);

    const restarted = new MatcherCache(db);
    const revived = await restarted.get();
    expect(revived.revision).toBe(after.revision);
    expect(revived.size).toBe(0);
  });

  it('publishes each new build for pages: compiled when small, "ask the background" when large', async () => {
    const published: PublishedMatcher[] = [];
    const publish = async (matcher: PublishedMatcher) => {
      published.push(matcher);
    };
    const small = new MatcherCache(db, LOCAL_MATCHER_LIMIT, publish);
    const built = await small.get();
    await until(() => published.length === 1);
    const [first] = published;
    expect(first).toMatchObject({ mode: 'local', revision: built.revision });
    if (first?.mode !== 'local') return;
    expect(reviveMatcher(first.matcher).findAll(text)).toHaveLength(3);
    // The same revision again: nothing new to publish.
    await small.get();
    await small.delivery();

    const large = new MatcherCache(db, 10, publish);
    await large.get(); // revived from the database's copy after a "restart": published again
    await until(() => published.length === 2);
    expect(published[1]).toEqual({ mode: 'remote', revision: built.revision, size: built.size });
  });

  it('does not publish a build the knowledge has moved past', async () => {
    const published: PublishedMatcher[] = [];
    const cache = new MatcherCache(db, LOCAL_MATCHER_LIMIT, async (matcher) => {
      published.push(matcher);
    });
    const building = cache.get();
    // The knowledge changes while the build is under way.
    const revision = Number((await db.bookkeeping.get('knowledgeRevision'))?.value ?? 0);
    await db.bookkeeping.put({ key: 'knowledgeRevision', value: revision + 1 });
    const built = await building;
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Whatever the build saw, only the knowledge as it is now may reach pages.
    expect(published.every((p) => p.revision === String(revision + 1))).toBe(true);
    expect(built.size).toBeGreaterThan(0);
    const current = await cache.get();
    expect(current.revision).toBe(String(revision + 1));
    await until(() => published.some((p) => p.revision === current.revision));
  });
});

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(done()).toBe(true);
}
