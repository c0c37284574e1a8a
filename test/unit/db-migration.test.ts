// The pattern every new database version follows: open each earlier version exactly as it shipped,
// fill it with real data, close it, open the current version, and check nothing was lost.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { getEntity } from '@/src/background/identity-view';
import { listNotes } from '@/src/background/notes';
import { entityNames, type Pack, validatePack } from '@/src/core/pack';
import { entityKey, type NoteRecord } from '@/src/core/records';
import { searchTerms } from '@/src/core/search-text';
import { type GlossDb, openDb } from '@/src/db/db';
import { SCHEMA_VERSIONS } from '@/src/db/schema';
import { bundledPack } from './helpers';

/**
 * A pack written as Gloss wrote it before the knowledge graph (v2's installPack): only the pack's
 * own tables, so an old database gets exactly what it held then.
 */
async function writePackAsShipped(db: GlossDb, pack: Pack, bundled: boolean, installedAt: number) {
  const packId = pack.pack.id;
  await db.packs.put({
    id: packId,
    version: pack.pack.version ?? 1,
    title: pack.pack.title,
    description: pack.pack.description,
    language: pack.pack.language,
    createdAt: pack.pack.createdAt,
    enabled: true,
    bundled,
    installedAt,
    updatedAt: installedAt,
  });
  await db.sources.bulkPut(
    pack.sources.map((source, position) => ({
      ...source,
      key: entityKey(packId, source.id),
      packId,
      position,
    })),
  );
  await db.entities.bulkPut(
    pack.entities.map((entity, position) => ({
      ...entity,
      position,
      key: entityKey(packId, entity.id),
      packId,
      terms: searchTerms(...entityNames(entity)),
    })),
  );
  await db.facts.bulkPut(
    pack.facts.map((fact, position) => ({
      key: entityKey(packId, fact.id),
      position,
      packId,
      id: fact.id,
      entityKey: entityKey(packId, fact.entityId),
      sourceKey: entityKey(packId, fact.sourceId),
      text: fact.text,
      quote: fact.quote,
    })),
  );
}

/** A captured article's pack: one source, the given places and organisations, a fact each. */
function capturedPack(id: string, date: string, names: Array<[string, string[]]>): Pack {
  return {
    format: 'gloss-pack',
    version: 1,
    pack: { id, version: 1, title: `Captured ${id}`, description: '', language: 'en', createdAt: date },
    sources: [
      { id: 'article', title: `Article ${id}`, url: `https://news.example/${id}`, publishedAt: date },
    ],
    entities: names.map(([name, aliases], i) => ({ id: `e${i}`, name, type: 'place' as const, aliases })),
    facts: names.map(([name], i) => ({
      id: `f${i}`,
      entityId: `e${i}`,
      sourceId: 'article',
      text: `${name} was in the news on ${date}.`,
      quote: `${name} said something.`,
    })),
  };
}

const latest = SCHEMA_VERSIONS.at(-1)?.version ?? 0;

describe.each(SCHEMA_VERSIONS.map((v) => v.version))('upgrading from database version %i', (from) => {
  it(`keeps every pack, entity, fact, note and setting on the way to version ${latest}`, async () => {
    const name = `gloss-migration-${from}-${Math.random()}`;
    const old = openDb(
      name,
      SCHEMA_VERSIONS.filter((v) => v.version <= from),
    );
    const parsed = validatePack(bundledPack());
    if (!parsed.ok) throw new Error('bundled pack invalid');
    await writePackAsShipped(old, parsed.pack, true, 1_700_000_000_000);
    const notes: NoteRecord[] = Array.from({ length: 25 }, (_, i) => ({
      id: `note-${i}`,
      entityKey: i % 5 === 0 ? 'gone-pack/ghost' : 'nato-ukraine-2024/wiesbaden',
      entityName: i % 5 === 0 ? 'Ghost' : 'Wiesbaden',
      text: `Note ${i} — “quoted” ünïcödé 🚀`,
      pageUrl: `https://example.org/${i}`,
      pageTitle: `Page ${i}`,
      quote: 'The headquarters for coordinating assistance to Kyiv will be located in Wiesbaden.',
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
    }));
    await old.notes.bulkAdd(notes);
    await old.bookkeeping.put({ key: 'hoverDelay', value: 450 });
    const before = await snapshot(old);
    old.close();

    const current = openDb(name);
    await current.open();
    expect(current.verno).toBe(latest);
    const after = await snapshot(current);
    expect(after.notes).toEqual(before.notes);
    expect(after).toEqual(before);
    current.close();
    await Dexie.delete(name);
  });
});

async function snapshot(db: ReturnType<typeof openDb>) {
  const byKey = <T extends { key?: string; id?: string }>(rows: T[]) =>
    rows.sort((a, b) => String(a.key ?? a.id).localeCompare(String(b.key ?? b.id)));
  return {
    packs: byKey(await db.packs.toArray()),
    sources: byKey(await db.sources.toArray()),
    entities: byKey(await db.entities.toArray()),
    facts: byKey(await db.facts.toArray()),
    notes: byKey(await db.notes.toArray()),
    settings: byKey(await db.bookkeeping.toArray()),
  };
}

describe('upgrading to the knowledge graph (version 3)', () => {
  it('forms one identity per real thing from v2 data; every note resolves; nothing is lost', async () => {
    const name = `gloss-migration-graph-${Math.random()}`;
    const old = openDb(
      name,
      SCHEMA_VERSIONS.filter((v) => v.version <= 2),
    );
    const parsed = validatePack(bundledPack());
    if (!parsed.ok) throw new Error('bundled pack invalid');
    await writePackAsShipped(old, parsed.pack, true, 1_700_000_000_000);
    const a = capturedPack('cap-a', '2024-06-10', [
      ['Russia', []],
      ['United States', []],
      ['Kyiv', []],
    ]);
    const b = capturedPack('cap-b', '2024-06-12', [
      ['Russia', ['Russian Federation']],
      ['US', []],
      ['Berlin', []],
    ]);
    await writePackAsShipped(old, a, false, 1_700_000_100_000);
    await writePackAsShipped(old, b, false, 1_700_000_200_000);
    const mine: Pack = {
      ...capturedPack('my-knowledge', '2024-06-13', [['Russia', []]]),
    };
    mine.pack.title = 'My knowledge';
    mine.entities[0] = { ...(mine.entities[0] as Pack['entities'][number]), description: 'My own words.' };
    await writePackAsShipped(old, mine, false, 1_700_000_300_000);
    const notes: NoteRecord[] = [
      ['n-a', 'cap-a/e0', 'Russia'],
      ['n-b', 'cap-b/e0', 'Russia'],
      ['n-us', 'cap-b/e1', 'US'],
      ['n-kyiv', 'cap-a/e2', 'Kyiv'],
      ['n-bundled', 'nato-ukraine-2024/wiesbaden', 'Wiesbaden'],
    ].map(([id, key, entityName], i) => ({
      id: id as string,
      entityKey: key as string,
      entityName: entityName as string,
      text: `Note ${i}`,
      pageUrl: `https://example.org/${i}`,
      pageTitle: `Page ${i}`,
      quote: '',
      createdAt: 1_700_000_400_000 + i,
      updatedAt: 1_700_000_400_000 + i,
    }));
    await old.notes.bulkAdd(notes);
    const before = await snapshot(old);
    old.close();

    const db = openDb(name);
    await db.open();
    expect(await snapshot(db)).toEqual(before);

    // Every entity has a link; the overlaps are one identity each.
    const links = await db.links.toArray();
    expect(links.length).toBe(before.entities.length);
    const identityOf = (key: string) => links.find((l) => l.entityKey === key)?.identityId;
    expect(identityOf('cap-a/e0')).toBeDefined();
    expect(identityOf('cap-b/e0')).toBe(identityOf('cap-a/e0'));
    expect(identityOf('my-knowledge/e0')).toBe(identityOf('cap-a/e0'));
    // The bundled pack speaks of Russia, the US and Kyiv too: the same identities.
    expect(identityOf('nato-ukraine-2024/russia')).toBe(identityOf('cap-a/e0'));
    expect(identityOf('nato-ukraine-2024/united-states')).toBe(identityOf('cap-b/e1'));
    expect(identityOf('nato-ukraine-2024/kyiv')).toBe(identityOf('cap-a/e2'));
    expect(identityOf('cap-b/e1')).toBe(identityOf('cap-a/e1'));
    expect(identityOf('cap-a/e2')).not.toBe(identityOf('cap-a/e0'));
    const identities = await db.identities.toArray();
    expect(identities.every((i) => i.id.startsWith('i:') && !i.deletedAt)).toBe(true);
    expect(new Set(links.map((l) => l.identityId)).size).toBe(identities.length);
    const russia = identities.find((i) => i.id === identityOf('cap-a/e0'));
    expect(russia).toMatchObject({ name: 'Russia', type: 'place', description: 'My own words.' });

    // Every note still resolves, to the identity, and shows on it; none is orphaned.
    expect((await listNotes(db)).filter((n) => n.orphaned)).toEqual([]);
    const view = await getEntity(db, 'cap-b/e0');
    expect(view?.identity.id).toBe(russia?.id);
    expect(view?.notes.map((n) => n.id).sort()).toEqual(['n-a', 'n-b']);
    // The bundled pack's source and the three captures'.
    expect(view?.identity.sourceCount).toBe(4);
    expect((await getEntity(db, 'cap-a/e1'))?.notes.map((n) => n.id)).toEqual(['n-us']);
    expect((await getEntity(db, 'nato-ukraine-2024/wiesbaden'))?.notes.map((n) => n.id)).toEqual([
      'n-bundled',
    ]);
    db.close();
    await Dexie.delete(name);
  });
});

describe('upgrading to corrections (version 4)', () => {
  it('keeps a v3 knowledge graph, notes and "seen on" as they were, and starts an empty corrections table', async () => {
    const name = `gloss-migration-corrections-${Math.random()}`;
    // v3 data as v3 made it: a v2 database upgraded to the graph, then used.
    const v2 = openDb(
      name,
      SCHEMA_VERSIONS.filter((v) => v.version <= 2),
    );
    const parsed = validatePack(bundledPack());
    if (!parsed.ok) throw new Error('bundled pack invalid');
    await writePackAsShipped(v2, parsed.pack, true, 1_700_000_000_000);
    v2.close();
    const v3 = openDb(
      name,
      SCHEMA_VERSIONS.filter((v) => v.version <= 3),
    );
    await v3.open();
    expect(v3.verno).toBe(3);
    const wiesbaden = (await v3.links.get('nato-ukraine-2024/wiesbaden'))?.identityId as string;
    await v3.notes.add({
      id: 'n-identity',
      entityKey: wiesbaden,
      entityName: 'Wiesbaden',
      text: 'On the identity',
      pageUrl: 'https://example.org/w',
      pageTitle: 'W',
      quote: '',
      createdAt: 1_700_000_500_000,
      updatedAt: 1_700_000_500_000,
    });
    await v3.sightings.add({
      id: `${wiesbaden} https://example.org/w`,
      identityId: wiesbaden,
      url: 'https://example.org/w',
      title: 'W',
      count: 3,
      firstSeenAt: 1_700_000_500_000,
      lastSeenAt: 1_700_000_600_000,
    });
    const graph = async (db: GlossDb) => ({
      ...(await snapshot(db)),
      identities: await db.identities.orderBy('id').toArray(),
      links: await db.links.orderBy('entityKey').toArray(),
      sightings: await db.sightings.orderBy('id').toArray(),
    });
    const before = await graph(v3);
    expect(before.identities.length).toBeGreaterThan(10);
    v3.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await graph(db)).toEqual(before);
    expect(await db.corrections.count()).toBe(0);
    // The new table takes corrections and finds them by alias.
    await db.corrections.add({
      id: 'c:1',
      alias: 'wiesbaden',
      wrong: wiesbaden,
      right: null,
      scope: 'site',
      site: 'example.org',
      createdAt: 1,
      updatedAt: 1,
    });
    expect((await db.corrections.where('alias').equals('wiesbaden').toArray()).map((c) => c.id)).toEqual([
      'c:1',
    ]);
    expect((await getEntity(db, wiesbaden))?.notes.map((n) => n.id)).toEqual(['n-identity']);
    db.close();
    await Dexie.delete(name);
  });
});
