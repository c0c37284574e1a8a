import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installBundledPacks } from '@/src/background/index';
import { MatcherCache } from '@/src/background/matcher-cache';
import { reviveMatcher } from '@/src/core/matcher';
import type { GlossDb } from '@/src/db/db';
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
    expect(mentions[0]?.map((m) => m.entityIds)).toEqual([
      ['nato-ukraine-2024/jens-stoltenberg'],
      ['nato-ukraine-2024/viktor-orban'],
      ['nato-ukraine-2024/brussels'],
    ]);
    expect(mentions[1]).toEqual([]);
  });

  it('rebuilds when the knowledge changes, and revives the last build after a restart', async () => {
    const cache = new MatcherCache(db);
    const before = await cache.get();
    await db.packs.update('nato-ukraine-2024', { enabled: false });
    await db.settings.put({ key: 'knowledgeRevision', value: Number(before.revision) + 1 });
    const after = await cache.get();
    expect(after.revision).not.toBe(before.revision);
    expect(after.matcher.findAll(text)).toEqual([]);

    const restarted = new MatcherCache(db);
    const revived = await restarted.get();
    expect(revived.revision).toBe(after.revision);
    expect(revived.size).toBe(0);
  });
});
