// The knowledge graph through the background's handlers, on fake-indexeddb: captures that speak of
// the same things become one identity each, the card and entity page show every source, manual
// links and unlinks last, notes and history follow identities, backups carry it all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsStore } from '@/src/background/backup';
import { createHandlers, type Handlers } from '@/src/background/handlers';
import { History, MAX_SIGHTINGS } from '@/src/background/history';
import { matcherAliases } from '@/src/background/knowledge';
import type { Pack } from '@/src/core/pack';
import type { GlossDb } from '@/src/db/db';
import { freshDb } from './helpers';

let db: GlossDb;
let handlers: Handlers;
let stored: Record<string, unknown>;

const settings: SettingsStore = {
  get: async () => stored,
  set: async (next) => {
    stored = next;
  },
  clear: async () => {
    stored = {};
  },
};

beforeEach(() => {
  db = freshDb();
  stored = {};
  handlers = createHandlers(db, { settings });
});
afterEach(() => db.close());

type Named = [id: string, name: string, aliases?: string[], type?: Pack['entities'][number]['type']];

/** A captured article's pack: one dated source, the named entities, one fact each (or the given). */
function capture(
  id: string,
  date: string,
  entities: Named[],
  facts: Array<[entityId: string, text: string]> = entities.map(([e, name]) => [e, `${name} in ${id}.`]),
  version = 1,
): Pack {
  return {
    format: 'gloss-pack',
    version: 1,
    pack: { id, version, title: `Article ${id}`, description: '', language: 'en', createdAt: date },
    sources: [{ id: 'src', title: `Article ${id}`, url: `https://news.example/${id}`, publishedAt: date }],
    entities: entities.map(([eid, name, aliases = [], type = 'place']) => ({ id: eid, name, type, aliases })),
    facts: facts.map(([entityId, text], i) => ({
      id: `f${i}`,
      entityId,
      sourceId: 'src',
      text,
      quote: `${text} (quoted)`,
    })),
  };
}

const importPack = async (pack: Pack) => {
  const result = await handlers.importPack({ json: JSON.stringify(pack) });
  expect(result.ok).toBe(true);
};
const identityOf = async (key: string) => (await db.links.get(key))?.identityId;

/** Three articles sharing Russia and the United States (named "United States", "US", "U.S."). */
async function threeArticles() {
  await importPack(
    capture('a', '2024-06-10', [
      ['russia', 'Russia'],
      ['us', 'United States'],
      ['kyiv', 'Kyiv'],
    ]),
  );
  await importPack(
    capture(
      'b',
      '2024-06-12',
      [
        ['russia', 'Russia', ['Russian Federation']],
        ['us', 'US'],
        ['putin', 'Vladimir Putin', ['Putin'], 'person'],
      ],
      [
        ['russia', 'Russia in b.'],
        ['us', 'US in b.'],
        ['putin', 'Putin in b.'],
        // The same fact as article c states, written a little differently.
        ['russia', 'Russia  invaded Ukraine in 2022.'],
      ],
    ),
  );
  await importPack(
    capture(
      'c',
      '2024-06-14',
      [
        ['r', 'Russia'],
        ['u', 'U.S.'],
      ],
      [
        ['r', 'Russia in c.'],
        ['r', 'russia invaded Ukraine in 2022.'],
        ['u', 'U.S. in c.'],
      ],
    ),
  );
}

describe('identities from captures', () => {
  it('links three captures sharing "Russia" and "United States"/"US"/"U.S." into one identity each', async () => {
    await threeArticles();
    const russia = await identityOf('a/russia');
    expect(russia).toMatch(/^i:/);
    expect(await identityOf('b/russia')).toBe(russia);
    expect(await identityOf('c/r')).toBe(russia);
    const us = await identityOf('a/us');
    expect(await identityOf('b/us')).toBe(us);
    expect(await identityOf('c/u')).toBe(us);
    expect(us).not.toBe(russia);
    expect(await identityOf('a/kyiv')).not.toBe(russia);
    expect((await db.identities.toArray()).filter((i) => !i.deletedAt)).toHaveLength(4);

    // Pages mark identities: "Russia" is one alias of one identity, not three.
    const { aliases } = await matcherAliases(db);
    expect(aliases.filter((a) => a.alias === 'Russia')).toEqual([{ alias: 'Russia', entityId: russia }]);
    expect(aliases.filter((a) => a.entityId === us).map((a) => a.alias)).toEqual([
      'United States',
      'US',
      'U.S.',
    ]);
  });

  it('shows the same merged view by identity id or by any member key, facts deduplicated', async () => {
    await threeArticles();
    const russia = (await identityOf('a/russia')) as string;
    const byIdentity = await handlers.getEntity({ key: russia });
    for (const key of ['a/russia', 'b/russia', 'c/r']) {
      const byMember = await handlers.getEntity({ key });
      // The same view; only entity.key names the representative instead of the identity asked for.
      expect(byMember?.entity.key).toMatch(/^[abc]\//);
      expect({ ...byMember, entity: { ...byMember?.entity, key: russia } }).toEqual(byIdentity);
    }
    expect(byIdentity?.identity).toMatchObject({ id: russia, sourceCount: 3 });
    expect(byIdentity?.identity.memberKeys.sort()).toEqual(['a/russia', 'b/russia', 'c/r']);
    expect(byIdentity?.identity.packs.map((p) => p.id).sort()).toEqual(['a', 'b', 'c']);
    const texts = byIdentity?.facts.map((f) => f.text);
    // One row for the fact both b and c state, newest source first, the other listed in alsoIn.
    expect(texts).toEqual([
      'Russia in c.',
      'russia invaded Ukraine in 2022.',
      'Russia in b.',
      'Russia in a.',
    ]);
    const shared = byIdentity?.facts[1];
    expect(shared?.source?.key).toBe('c/src');
    expect(shared?.alsoIn.map((s) => s.key)).toEqual(['b/src']);
    expect(byIdentity?.facts[0]?.alsoIn).toEqual([]);
  });

  it('answers pages by identity: the card keeps the key asked, the popup gets one summary per identity', async () => {
    await threeArticles();
    const us = (await identityOf('a/us')) as string;
    expect((await handlers.getEntity({ key: us }))?.entity.key).toBe(us);
    expect((await handlers.getEntity({ key: 'a/us' }))?.entity.key).toMatch(/^[abc]\//);
    const [summary] = await handlers.getEntities({ keys: [us, 'i:unknown'] });
    expect(summary).toMatchObject({ key: us, name: 'United States', type: 'place', factCount: 3 });
    expect(summary?.aliases.sort()).toEqual(['U.S.', 'US']);
  });

  it('gives the manager page aliases by pack, sources, members, and what it appears with', async () => {
    await threeArticles();
    const russia = (await identityOf('a/russia')) as string;
    const page = await handlers.getEntityPage({ key: 'b/russia' });
    expect(page?.identity.id).toBe(russia);
    expect(page?.aliases).toContainEqual({ text: 'Russian Federation', packId: 'b', packTitle: 'Article b' });
    expect(page?.sources.map((s) => [s.key, s.factCount])).toEqual([
      ['c/src', 2],
      ['b/src', 2],
      ['a/src', 1],
    ]);
    expect(page?.members.map((m) => m.key).sort()).toEqual(['a/russia', 'b/russia', 'c/r']);
    expect(page?.members.every((m) => !m.manual)).toBe(true);
    // The US shares all three articles with Russia; Kyiv and Putin one each.
    expect(page?.appearsWith.map((a) => [a.name, a.count])).toEqual([
      ['United States', 3],
      ['Kyiv', 1],
      ['Vladimir Putin', 1],
    ]);
    expect(page?.seenOn).toEqual([]);
  });

  it('finds an identity once in search, by its identity key', async () => {
    await threeArticles();
    const results = await handlers.search({ query: 'russia' });
    const entities = results.filter((r) => r.kind === 'entity');
    expect(entities).toEqual([
      expect.objectContaining({ entityKey: await identityOf('a/russia'), entityName: 'Russia' }),
    ]);
    expect(results.filter((r) => r.kind === 'fact').every((r) => r.entityKey.startsWith('i:'))).toBe(true);
  });

  it('tombstones an identity whose packs are all removed, and brings it back on re-import', async () => {
    await importPack(capture('a', '2024-06-10', [['kyiv', 'Kyiv']]));
    const kyiv = (await identityOf('a/kyiv')) as string;
    const note = await handlers.createNote({
      entityKey: kyiv,
      text: 'Went there',
      pageUrl: 'https://x.example',
      pageTitle: 'X',
      quote: '',
    });
    expect(note.entityKey).toBe(kyiv);
    await handlers.removePack({ id: 'a' });
    expect((await db.identities.get(kyiv))?.deletedAt).toBeGreaterThan(0);
    expect(await db.links.get('a/kyiv')).toBeDefined();
    expect(await handlers.getEntity({ key: kyiv })).toBeNull();
    expect((await handlers.listNotes({}))[0]?.orphaned).toBe(true);

    await importPack(capture('a', '2024-06-10', [['kyiv', 'Kyiv']]));
    expect(await identityOf('a/kyiv')).toBe(kyiv);
    expect((await db.identities.get(kyiv))?.deletedAt).toBeUndefined();
    expect((await handlers.listNotes({}))[0]?.orphaned).toBe(false);
    expect((await handlers.getEntity({ key: kyiv }))?.notes.map((n) => n.text)).toEqual(['Went there']);
  });
});

describe('manual links', () => {
  it('keeps an unlink unlinked after the pack is re-imported (upgraded)', async () => {
    await threeArticles();
    const russia = await identityOf('a/russia');
    await handlers.linkEntity({ entityKey: 'c/r', to: null });
    const apart = await identityOf('c/r');
    expect(apart).not.toBe(russia);
    expect(await db.links.get('c/r')).toMatchObject({ manual: true, rule: 'manual' });
    expect((await handlers.getEntity({ key: 'c/r' }))?.identity.memberKeys).toEqual(['c/r']);

    const upgraded = capture('c', '2024-06-14', [
      ['r', 'Russia'],
      ['u', 'U.S.'],
    ]);
    upgraded.pack.version = 2;
    await importPack(upgraded);
    expect(await identityOf('c/r')).toBe(apart);
    expect(await identityOf('a/russia')).toBe(russia);
    expect((await handlers.getEntity({ key: russia as string }))?.identity.memberKeys.sort()).toEqual([
      'a/russia',
      'b/russia',
    ]);
    // Pages see two Russias now: the user said so.
    const { aliases } = await matcherAliases(db);
    expect(
      aliases
        .filter((a) => a.alias === 'Russia')
        .map((a) => a.entityId)
        .sort(),
    ).toEqual([russia, apart].sort());
  });

  it('links by hand across types, keeps it on upgrade, and a merged-away identity leads to its target', async () => {
    await importPack(capture('a', '2024-06-10', [['kremlin', 'Kremlin', [], 'organization']]));
    await importPack(capture('b', '2024-06-12', [['russia', 'Russia']]));
    const kremlin = (await identityOf('a/kremlin')) as string;
    const russia = (await identityOf('b/russia')) as string;
    expect(kremlin).not.toBe(russia);
    await handlers.createNote({
      entityKey: kremlin,
      text: 'Seat of power',
      pageUrl: '',
      pageTitle: '',
      quote: '',
    });

    // The target may be named by an entity key: it is resolved to its identity.
    await handlers.linkEntity({ entityKey: 'a/kremlin', to: 'b/russia' });
    expect(await identityOf('a/kremlin')).toBe(russia);
    expect(await db.identities.get(kremlin)).toMatchObject({ mergedInto: russia });
    const view = await handlers.getEntity({ key: kremlin });
    expect(view?.identity.id).toBe(russia);
    expect(view?.notes.map((n) => n.text)).toEqual(['Seat of power']);
    expect((await handlers.listNotes({}))[0]?.orphaned).toBe(false);

    const again = capture('a', '2024-06-10', [['kremlin', 'Kremlin', [], 'organization']]);
    again.pack.version = 2;
    await importPack(again);
    expect(await identityOf('a/kremlin')).toBe(russia);
    await expect(handlers.linkEntity({ entityKey: 'a/kremlin', to: 'i:nothing' })).rejects.toThrow(
      /No entity/,
    );
  });

  it('takes the review’s choices when a draft is saved, and previews how it links', async () => {
    await threeArticles();
    const russia = (await identityOf('a/russia')) as string;
    const putin = (await identityOf('b/putin')) as string;
    const draft = capture('d', '2024-06-20', [
      ['russia', 'Russia'],
      ['moscow', 'Moscow'],
      ['putin', 'Putin', [], 'person'],
      ['kyiv', 'Kyiv'],
    ]);
    const preview = await handlers.previewLinks({ pack: draft });
    expect(preview.russia).toEqual({
      decision: 'link',
      identity: { key: russia, name: 'Russia', type: 'place', factCount: 4, sourceCount: 3 },
      rule: 'same-name',
    });
    expect(preview.moscow).toEqual({ decision: 'new' });
    // A surname alone is never enough: proposed, for a person to pick.
    expect(preview.putin).toMatchObject({
      decision: 'propose',
      candidates: [{ key: putin, name: 'Vladimir Putin', factCount: 1, sourceCount: 1 }],
      rule: 'surname-only',
    });

    const { draftId } = await handlers.captureArticle({
      title: 'Draft',
      url: 'https://news.example/d',
      text: 'Russia and Moscow. Putin spoke in Kyiv.',
    });
    const saved = await handlers.saveDraft({
      id: draftId,
      pack: draft,
      links: { putin, kyiv: null },
    });
    expect(saved.ok).toBe(true);
    expect(await identityOf('d/russia')).toBe(russia);
    expect(await identityOf('d/putin')).toBe(putin);
    expect(await db.links.get('d/putin')).toMatchObject({ manual: true });
    expect(await identityOf('d/kyiv')).not.toBe(await identityOf('a/kyiv'));
    expect(await db.links.get('d/kyiv')).toMatchObject({ manual: true });
  });
});

describe('notes on identities', () => {
  it('attaches a note to the identity whichever key names it, and shows every member’s notes', async () => {
    await threeArticles();
    const russia = (await identityOf('a/russia')) as string;
    const made = await handlers.createNote({
      entityKey: 'b/russia',
      text: 'By member key',
      pageUrl: '',
      pageTitle: '',
      quote: '',
    });
    expect(made).toMatchObject({ entityKey: russia, entityName: 'Russia' });
    // A note kept on an entity key (made before the graph) shows too.
    await db.notes.put({
      ...made,
      id: 'old',
      entityKey: 'c/r',
      text: 'Old note',
      createdAt: made.createdAt + 1,
    });
    expect((await handlers.getEntity({ key: russia }))?.notes.map((n) => n.text)).toEqual([
      'By member key',
      'Old note',
    ]);
    expect((await handlers.listNotes({ entityKey: 'a/russia' })).map((n) => n.text).sort()).toEqual([
      'By member key',
      'Old note',
    ]);
    const moved = await handlers.reattachNote({ id: 'old', entityKey: 'a/us' });
    expect(moved.entityKey).toBe(await identityOf('a/us'));
  });

  it('adds a fact to an identity through its own My knowledge member', async () => {
    await threeArticles();
    const russia = (await identityOf('a/russia')) as string;
    await handlers.saveFact({ entityKey: russia, text: 'My fact.', quote: '', sourceTitle: 'Me' });
    await handlers.saveFact({ entityKey: russia, text: 'Another.', quote: '', sourceTitle: 'Me' });
    const view = await handlers.getEntity({ key: russia });
    expect(view?.identity.memberKeys).toContain('my-knowledge/russia');
    expect(view?.facts.map((f) => f.text)).toEqual(expect.arrayContaining(['My fact.', 'Another.']));
    expect((await db.entities.where('packId').equals('my-knowledge').toArray()).length).toBe(1);
  });
});

describe('seen on', () => {
  const report = (url: string, counts: Array<{ key: string; count: number }>, title = 'A page') => ({
    mentions: counts.reduce((n, c) => n + c.count, 0),
    active: true,
    url,
    title,
    counts,
  });

  it('records the pages a page reports, a visit once, and not when history is off', async () => {
    await threeArticles();
    const russia = (await identityOf('a/russia')) as string;
    const us = (await identityOf('a/us')) as string;
    const page = report('https://news.example/p#top', [
      { key: russia, count: 3 },
      { key: us, count: 1 },
      { key: 'i:made-up', count: 5 },
    ]);
    await handlers.reportPage(page, { tabId: 1 });
    await handlers.reportPage(page, { tabId: 1 });
    await handlers.reportPage(page, { tabId: 2 });
    const seen = await handlers.getEntityPage({ key: russia });
    expect(seen?.seenOn).toEqual([
      expect.objectContaining({ url: 'https://news.example/p', title: 'A page', count: 2 }),
    ]);
    expect(await db.sightings.count()).toBe(2);
    // Seen together on that page: the US gains a point with Russia.
    expect(seen?.appearsWith[0]).toMatchObject({ key: us, count: 4 });

    stored = { history: false };
    await handlers.reportPage(report('https://news.example/q', [{ key: russia, count: 1 }]), { tabId: 1 });
    expect(await db.sightings.count()).toBe(2);

    await handlers.clearHistory(undefined);
    expect(await db.sightings.count()).toBe(0);
  });

  it(`keeps the newest ${MAX_SIGHTINGS} pages per identity`, async () => {
    await importPack(capture('a', '2024-06-10', [['kyiv', 'Kyiv']]));
    const kyiv = (await identityOf('a/kyiv')) as string;
    const history = new History();
    for (let i = 0; i < MAX_SIGHTINGS + 5; i++) {
      await history.record(db, report(`https://news.example/${i}`, [{ key: kyiv, count: 1 }]), 1, 1_000 + i);
    }
    const kept = await db.sightings.where('identityId').equals(kyiv).toArray();
    expect(kept).toHaveLength(MAX_SIGHTINGS);
    expect(kept.some((s) => s.url === 'https://news.example/4')).toBe(false);
    expect(kept.some((s) => s.url === 'https://news.example/5')).toBe(true);
  });
});

describe('backups', () => {
  it('carry identities, links and sightings: a round trip is lossless, importing twice changes nothing', async () => {
    await threeArticles();
    await handlers.linkEntity({ entityKey: 'c/r', to: null });
    const russia = (await identityOf('a/russia')) as string;
    await handlers.reportPage(
      {
        mentions: 1,
        active: true,
        url: 'https://news.example/p',
        title: 'P',
        counts: [{ key: russia, count: 1 }],
      },
      { tabId: 1 },
    );
    const graph = async () => ({
      identities: (await db.identities.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
      links: (await db.links.toArray()).sort((a, b) => a.entityKey.localeCompare(b.entityKey)),
      sightings: await db.sightings.toArray(),
    });
    const before = await graph();
    expect(before.sightings).toHaveLength(1);
    const json = await handlers.exportAll(undefined);
    expect(JSON.parse(json)).toMatchObject({ identities: expect.any(Array), links: expect.any(Array) });

    await handlers.deleteAllData(undefined);
    expect(await db.identities.count()).toBe(0);
    expect(await db.links.count()).toBe(0);
    expect(await db.sightings.count()).toBe(0);

    expect((await handlers.importAll({ json })).ok).toBe(true);
    expect(await graph()).toEqual(before);
    expect((await handlers.importAll({ json })).ok).toBe(true);
    expect(await graph()).toEqual(before);
    // The unlink made before the backup is still in force.
    expect(await identityOf('c/r')).not.toBe(russia);
  });

  it('merges into a graph formed meanwhile: one identity per thing, notes on the replaced one follow', async () => {
    await importPack(capture('a', '2024-06-10', [['russia', 'Russia']]));
    await importPack(capture('b', '2024-06-12', [['russia', 'Russia']]));
    const json = await handlers.exportAll(undefined);
    const backedUp = await identityOf('a/russia');
    await handlers.deleteAllData(undefined);

    // A fresh start: pack a again (a new identity), and a note on it.
    await importPack(capture('a', '2024-06-10', [['russia', 'Russia']]));
    const fresh = (await identityOf('a/russia')) as string;
    expect(fresh).not.toBe(backedUp);
    await handlers.createNote({
      entityKey: fresh,
      text: 'Fresh note',
      pageUrl: '',
      pageTitle: '',
      quote: '',
    });

    expect((await handlers.importAll({ json })).ok).toBe(true);
    expect(await identityOf('a/russia')).toBe(backedUp);
    expect(await identityOf('b/russia')).toBe(backedUp);
    expect((await db.identities.toArray()).filter((i) => !i.deletedAt)).toHaveLength(1);
    expect((await handlers.getEntity({ key: fresh }))?.notes.map((n) => n.text)).toEqual(['Fresh note']);
    expect((await handlers.listNotes({})).every((n) => !n.orphaned)).toBe(true);
  });

  it('still reads a backup made before the graph, linking its packs as it installs them', async () => {
    await threeArticles();
    const old = JSON.parse(await handlers.exportAll(undefined));
    delete old.identities;
    delete old.links;
    delete old.sightings;
    await handlers.deleteAllData(undefined);
    expect((await handlers.importAll({ json: JSON.stringify(old) })).ok).toBe(true);
    expect(await identityOf('c/r')).toBe(await identityOf('a/russia'));
  });
});
