// The link index the background keeps between imports (src/background/kept-knowledge.ts): a pack
// imported into a large knowledge base links against it without reading every entity again, and
// after imports, upgrades, removals and switches it answers as an index built afresh would.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteAllData } from '@/src/background/backup';
import { linkEntity } from '@/src/background/graph';
import { getEntity } from '@/src/background/identity-view';
import { peekIndex } from '@/src/background/kept-knowledge';
import { importPackJson, knowledgeRevision, removePack, setPackEnabled } from '@/src/background/packs';
import { warmLinkIndex } from '@/src/background/warm-links';
import type { IncomingEntity, LinkDecision } from '@/src/core/graph/link';
import type { Pack } from '@/src/core/pack';
import type { GlossDb } from '@/src/db/db';
import { refreshIdentities } from '@/src/db/graph';
import { buildIndex, type KeptIndex } from '@/src/db/link-index';
import { freshDb } from './helpers';

let db: GlossDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

type Entity = Pack['entities'][number];

function pack(id: string, entities: Entity[], version = 1): Pack {
  return {
    format: 'gloss-pack',
    version: 2,
    pack: { id, version, title: `Pack ${id}`, description: '', language: 'en', createdAt: '2024-06-01' },
    sources: [
      { id: 'src', title: `Source ${id}`, url: `https://news.example/${id}`, publishedAt: '2024-06-01' },
    ],
    entities,
    facts: entities.map((e, i) => ({
      id: `f${i}`,
      entityId: e.id,
      sourceId: 'src',
      text: `${e.name} in ${id}.`,
      quote: e.name,
    })),
  };
}

const place = (id: string, name: string, more: Partial<Entity> = {}): Entity => ({
  id,
  name,
  type: 'place',
  aliases: [],
  ...more,
});

async function install(p: Pack) {
  const result = await importPackJson(db, p);
  expect(result.ok).toBe(true);
}

/** Entity records read from the database while `run` runs. */
async function entityReads(run: () => Promise<unknown>): Promise<number> {
  let reads = 0;
  const count = (record: unknown) => {
    reads++;
    return record;
  };
  db.entities.hook('reading', count);
  try {
    await run();
  } finally {
    db.entities.hook('reading').unsubscribe(count);
  }
  return reads;
}

/** A decision with its candidates in a fixed order (an index's order of adds may differ). */
function comparable(decision: LinkDecision) {
  if (decision.kind !== 'propose') return decision;
  return {
    kind: 'propose',
    candidates: [...decision.candidates].sort((a, b) => a.identityId.localeCompare(b.identityId)),
  };
}

describe('the link index kept between imports', () => {
  it('links a pack into 1,000 identities without reading them all again', async () => {
    const towns = Array.from({ length: 1_000 }, (_, i) => place(`t${i}`, `Town ${i}`));
    await install(pack('towns', towns));
    const later = pack('later', [
      place('a', 'Town 7'),
      place('b', 'Town 700', { aliases: ['Seventh Hundred'] }),
      place('c', 'Nowhere'),
    ]);
    const reads = await entityReads(() => install(later));
    // Before: the caps read every entity of the other packs, and the index read them all again.
    expect(reads).toBeLessThan(50);
    const town7 = await db.links.get('towns/t7');
    expect((await db.links.get('later/a'))?.identityId).toBe(town7?.identityId);
    expect((await db.links.get('later/b'))?.identityId).toBe((await db.links.get('towns/t700'))?.identityId);
    // And the kept index learnt the new alias, as a rebuilt one would.
    const index = peekIndex(db, await knowledgeRevision(db));
    expect(index?.decide({ name: 'Seventh Hundred', type: 'place', aliases: [] })).toEqual({
      kind: 'link',
      identityId: (await db.links.get('towns/t700'))?.identityId,
      rule: 'same-name',
    });
  });

  it('answers as a freshly built index after imports, upgrades, removals, switches and manual links', async () => {
    await install(
      pack('alpha', [
        place('ru', 'Russia', { sameAs: ['wikidata:Q159'] }),
        place('kyiv', 'Kyiv', { labels: { uk: ['Київ'] } }),
        { id: 'jens', name: 'Jens Stoltenberg', type: 'person', aliases: ['Stoltenberg'] },
        place('ga', 'Georgia'),
      ]),
    );
    await install(
      pack('beta', [
        place('rf', 'Russian Federation', { sameAs: ['wikidata:Q159'] }),
        { id: 'st', name: 'Stoltenberg', type: 'person', aliases: [] },
        { id: 'ga', name: 'Georgia', type: 'organization', aliases: [] },
        place('brx', 'Brussels', { aliases: ['Bruxelles'] }),
      ]),
    );
    // An upgrade drops Kyiv and renames Georgia's alias; then beta goes and comes back.
    await install(
      pack(
        'alpha',
        [
          place('ru', 'Russia', { sameAs: ['wikidata:Q159'], aliases: ['RF'] }),
          { id: 'jens', name: 'Jens Stoltenberg', type: 'person', aliases: ['Stoltenberg'] },
          place('ga', 'Georgia', { aliases: ['Sakartvelo'] }),
        ],
        2,
      ),
    );
    await removePack(db, 'beta');
    await setPackEnabled(db, 'alpha', false);
    await setPackEnabled(db, 'alpha', true);
    await install(
      pack('gamma', [place('kyiv', 'Kiev', { labels: { uk: ['Київ'] } }), place('brx', 'Bruxelles')]),
    );
    await install(pack('beta', [place('rf', 'Russian Federation', { sameAs: ['wikidata:Q159'] })]));

    const probes: IncomingEntity[] = [
      { name: 'Russia', type: 'place', aliases: [] },
      { name: 'RF', type: 'place', aliases: [] },
      { name: 'Anything', type: 'place', aliases: [], sameAs: ['wikidata:Q159'] },
      { name: 'Kyiv', type: 'place', aliases: [] },
      { name: 'Київ', type: 'place', aliases: [] },
      { name: 'Kiev', type: 'place', aliases: [] },
      { name: 'Stoltenberg', type: 'person', aliases: [] },
      { name: 'Jens Stoltenberg', type: 'person', aliases: [] },
      { name: 'Georgia', type: 'place', aliases: [] },
      { name: 'Georgia', type: 'organization', aliases: [] },
      { name: 'Sakartvelo', type: 'place', aliases: [] },
      { name: 'Brussels', type: 'place', aliases: [] },
      { name: 'Bruxelles', type: 'place', aliases: [] },
    ];
    const expectSame = async () => {
      const kept = peekIndex(db, await knowledgeRevision(db));
      expect(kept).toBeDefined();
      const identities = new Map((await db.identities.toArray()).map((i) => [i.id, i]));
      const fresh = await buildIndex(
        { entities: db.entities, facts: db.facts, identities: db.identities, links: db.links },
        identities,
      );
      expect(kept?.size).toBe(fresh.size);
      for (const probe of probes)
        expect(comparable(kept?.decide(probe) as LinkDecision), probe.name).toEqual(
          comparable(fresh.decide(probe)),
        );
    };
    await expectSame();
    // Identities refreshed from the kept index's members are what a refresh from the links makes.
    const before = await db.identities.toArray();
    await db.transaction('rw', [db.entities, db.facts, db.identities, db.links], () =>
      refreshIdentities(
        { entities: db.entities, facts: db.facts, identities: db.identities, links: db.links },
        before.map((i) => i.id),
      ),
    );
    expect(await db.identities.toArray()).toEqual(before);

    // A manual link is not kept: the next import builds the index again, and keeps that.
    await linkEntity(db, 'gamma/brx', null);
    expect(peekIndex(db, await knowledgeRevision(db))).toBeUndefined();
    await install(pack('delta', [place('x', 'Kyiv')]));
    await expectSame();
  });
});

/** Identity and entity records read, and fact counts asked, while `run` runs. */
async function graphReads(run: () => Promise<unknown>) {
  const reads = { identities: 0, entities: 0, factCounts: 0 };
  const identity = (record: unknown) => {
    reads.identities++;
    return record;
  };
  const entity = (record: unknown) => {
    reads.entities++;
    return record;
  };
  db.identities.hook('reading', identity);
  db.entities.hook('reading', entity);
  const original = IDBIndex.prototype.count;
  IDBIndex.prototype.count = function (this: IDBIndex, ...rest: Parameters<IDBIndex['count']>) {
    if (this.objectStore.name === 'facts') reads.factCounts++;
    return original.apply(this, rest);
  };
  try {
    await run();
  } finally {
    IDBIndex.prototype.count = original;
    db.identities.hook('reading').unsubscribe(identity);
    db.entities.hook('reading').unsubscribe(entity);
  }
  return reads;
}

/** A pack whose entities have the given numbers of facts (by entity id; one otherwise). */
function withFacts(p: Pack, counts: Record<string, number>): Pack {
  return {
    ...p,
    facts: p.entities.flatMap((e) =>
      Array.from({ length: counts[e.id] ?? 1 }, (_, f) => ({
        id: `${e.id}-f${f}`,
        entityId: e.id,
        sourceId: 'src',
        text: `${e.name}, fact ${f} in ${p.pack.id}.`,
        quote: e.name,
      })),
    ),
  };
}

describe('identities refreshed from the kept index', () => {
  const graph = () => ({
    entities: db.entities,
    facts: db.facts,
    identities: db.identities,
    links: db.links,
  });

  /** The identities as a refresh from the links and entities makes them, and as the kept index holds them. */
  async function expectAsRefreshed() {
    const before = await db.identities.toArray();
    await db.transaction('rw', [db.entities, db.facts, db.identities, db.links], () =>
      refreshIdentities(
        graph(),
        before.map((i) => i.id),
      ),
    );
    expect(await db.identities.toArray()).toEqual(before);
    const kept = peekIndex(db, await knowledgeRevision(db)) as KeptIndex;
    expect(kept).toBeDefined();
    for (const identity of before)
      if (!identity.deletedAt && kept.get(identity.id)) expect(kept.record(identity.id)).toEqual(identity);
    // What linking reads of the kept index is what one built afresh holds.
    const fresh = await buildIndex(graph(), new Map(before.map((i) => [i.id, i])));
    expect(kept.size).toBe(fresh.size);
    for (const identity of before) {
      const entry = fresh.get(identity.id);
      expect(kept.get(identity.id), identity.name).toEqual(entry);
      for (const key of entry?.members ?? []) expect(kept.member(key), key).toEqual(fresh.member(key));
    }
  }

  it('reads no identity, entity or fact count back when a pack adds to 200 identities, and matches a full refresh', async () => {
    const towns = Array.from({ length: 200 }, (_, i) =>
      place(`t${i}`, `Town ${i}`, i % 3 === 0 ? { description: `Town number ${i}` } : {}),
    );
    await install(pack('towns', towns));
    // Linking builds the index the first time; from then on it is kept.
    await install(pack('first', [place('x', 'Town 199')]));
    const more = withFacts(
      pack('more', [
        // More facts than the town's own member: it names the identity now.
        place('one', 'Town One', { aliases: ['Town 1'], sameAs: ['geonames:1'] }),
        // As many facts, and its key ("more/two") sorts first: it wins the tie.
        place('two', 'Town Two', { aliases: ['Town 2'], description: 'Second town' }),
        // Fewer facts: adds its identifiers and names only.
        place('three', 'Town Three', { aliases: ['Town 3'], sameAs: ['geonames:3', 'wikidata:Q3'] }),
        ...Array.from({ length: 150 }, (_, i) => place(`m${i}`, `Town ${i + 4}`)),
        place('new', 'Nowhere'),
      ]),
      { one: 3, three: 0 },
    );
    const reads = await graphReads(() => install(more));
    // Before: every touched identity was read back, with its other members and their fact counts.
    expect(reads).toEqual({ identities: 0, entities: 0, factCounts: 0 });
    const named = async (key: string) => db.identities.get((await db.links.get(key))?.identityId as string);
    expect(await named('towns/t1')).toMatchObject({ name: 'Town One', sameAs: ['geonames:1'] });
    expect(await named('towns/t2')).toMatchObject({ name: 'Town Two', description: 'Second town' });
    expect(await named('towns/t3')).toMatchObject({
      name: 'Town 3',
      description: 'Town number 3',
      sameAs: ['geonames:3', 'wikidata:Q3'],
    });
    await expectAsRefreshed();

    // An upgrade takes Town One's facts away and drops Town Two: the towns' own members name them again.
    await install(
      withFacts(
        pack('more', [place('one', 'Town One', { aliases: ['Town 1'] }), place('new', 'Nowhere')], 2),
        {
          one: 0,
        },
      ),
    );
    expect(await named('towns/t1')).toMatchObject({ name: 'Town 1', sameAs: [] });
    expect(await named('towns/t2')).toMatchObject({ name: 'Town 2' });
    expect((await named('towns/t2'))?.description).toBeUndefined();
    await expectAsRefreshed();
    await removePack(db, 'more');
    await expectAsRefreshed();
    await install(more);
    await expectAsRefreshed();
  });
});

describe('what is kept after "delete all data"', () => {
  it('is not taken for the knowledge that follows, even within the same millisecond', async () => {
    // The revision is time-based and "delete all data" clears it: in the millisecond of the
    // import before, the next import took that import's index for its own (flaky before).
    vi.spyOn(Date, 'now').mockReturnValue(1_750_000_000_000);
    await install(pack('a', [place('russia', 'Russia')]));
    const before = (await db.links.get('a/russia'))?.identityId;
    await deleteAllData(db, { get: async () => ({}), set: async () => {}, clear: async () => {} });
    await install(pack('a', [place('russia', 'Russia')]));
    const after = (await db.links.get('a/russia'))?.identityId as string;
    expect(after).not.toBe(before);
    expect(await db.identities.get(after)).toMatchObject({ name: 'Russia' });
  });
});

describe('warming the link index before an import', () => {
  const towns = () =>
    pack(
      'towns',
      Array.from({ length: 12_000 }, (_, i) => place(`t${i}`, `Town ${i}`)),
    );
  const measured = (name: string) => performance.getEntriesByName(`gloss:${name}`).length;

  it('builds it in pages outside any transaction and keeps it; the next import builds none', async () => {
    await install(towns());
    await linkEntity(db, 'towns/t1', null); // A manual link: nothing is kept for this revision.
    expect(peekIndex(db, await knowledgeRevision(db))).toBeUndefined();
    await warmLinkIndex(db);
    const warm = peekIndex(db, await knowledgeRevision(db)) as KeptIndex;
    expect(warm.size).toBe(12_000);
    expect(warm.record((await db.links.get('towns/t5'))?.identityId as string)).toMatchObject({
      name: 'Town 5',
    });
    const built = measured('link:index');
    const reads = await entityReads(() => install(pack('later', [place('a', 'Town 7')])));
    expect(measured('link:index')).toBe(built);
    expect(reads).toBeLessThan(50);
    expect((await db.links.get('later/a'))?.identityId).toBe((await db.links.get('towns/t7'))?.identityId);
  });

  it('makes an import that starts meanwhile wait for it rather than build a second index', async () => {
    await install(towns());
    await linkEntity(db, 'towns/t1', null);
    const built = measured('link:index');
    const warmed = measured('warm:index');
    const warming = warmLinkIndex(db);
    await install(pack('later', [place('a', 'Town 7')]));
    await warming;
    expect(measured('warm:index')).toBe(warmed + 1);
    expect(measured('link:index')).toBe(built);
  });

  it('keeps nothing for knowledge that changed while it ran', async () => {
    await install(towns());
    await linkEntity(db, 'towns/t1', null);
    const warming = warmLinkIndex(db);
    await setPackEnabled(db, 'towns', false);
    await warming;
    expect(peekIndex(db, await knowledgeRevision(db))).toBeUndefined();
  });
});

describe('the card of an identity with many facts', () => {
  it('reads facts and notes by key, not with a cursor over the index', async () => {
    for (let p = 0; p < 10; p++)
      await install({
        ...pack(`src${p}`, [place('z', 'Zorbania')]),
        facts: Array.from({ length: 20 }, (_, f) => ({
          id: `f${f}`,
          entityId: 'z',
          sourceId: 'src',
          text: `Zorbania fact ${f} of ${p}.`,
          quote: 'Zorbania',
        })),
      });
    const cursors: string[] = [];
    const original = IDBIndex.prototype.openCursor;
    IDBIndex.prototype.openCursor = function (this: IDBIndex, ...rest: Parameters<IDBIndex['openCursor']>) {
      cursors.push(`${this.objectStore.name}.${this.name}`);
      return original.apply(this, rest);
    };
    try {
      const view = await getEntity(db, 'src0/z');
      expect(view?.facts).toHaveLength(200);
      expect(view?.identity.sourceCount).toBe(10);
    } finally {
      IDBIndex.prototype.openCursor = original;
    }
    expect(cursors.filter((c) => c.endsWith('.entityKey'))).toEqual([]);
  });
});
