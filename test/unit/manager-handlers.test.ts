// Handlers behind the manager: entities by hand ("My knowledge"), orphaned notes, and backups.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '@/src/background/handlers';
import { installBundledPacks } from '@/src/background/index';
import { matcherAliases } from '@/src/background/knowledge';
import { validateBackup } from '@/src/core/backup';
import type { GlossDb } from '@/src/db/db';
import { MY_KNOWLEDGE_PACK } from '@/src/messaging/protocol';
import { settingsStore } from './handler-fixtures';
import { freshDb, smallPack } from './helpers';

let db: GlossDb;
let handlers: Handlers;
let settings: ReturnType<typeof settingsStore>;
const NATO = 'nato-ukraine-2024';

beforeEach(async () => {
  db = freshDb();
  settings = settingsStore({ hoverDelay: 450, disabledSites: ['example.org'] });
  handlers = createHandlers(db, { settings });
  await installBundledPacks(db);
});
afterEach(() => db.close());

const note = (text: string, entityKey = `${NATO}/wiesbaden`) => ({
  entityKey,
  text,
  pageUrl: 'https://news.example/a',
  pageTitle: 'A',
  quote: 'q',
});

describe('entities', () => {
  it('lists and searches entities a page at a time, with fact counts', async () => {
    const all = await handlers.listEntities({ limit: 5 });
    expect(all.total).toBe(18);
    expect(all.entities.map((e) => e.name)).toEqual(
      [...all.entities.map((e) => e.name)].sort((a, b) => a.localeCompare(b)),
    );
    const found = await handlers.listEntities({ query: 'stolt' });
    expect(found.entities).toEqual([expect.objectContaining({ name: 'Jens Stoltenberg', type: 'person' })]);
    expect(found.entities[0]?.factCount).toBeGreaterThan(3);
    expect((await handlers.getEntities({ keys: [`${NATO}/kyiv`, 'nope/x'] })).map((e) => e.name)).toEqual([
      'Kyiv',
    ]);
  });

  it('lists each real thing once, however many packs know it, in name order and by search', async () => {
    const alone = (await handlers.listEntities({ query: 'stolt' })).entities[0]?.factCount as number;
    expect((await handlers.importPack({ json: JSON.stringify(smallPack()) })).ok).toBe(true);
    // Two packs know Stoltenberg and Wiesbaden: two entities each, one identity each.
    expect((await handlers.listEntities({ limit: 1 })).total).toBe(20);
    const all = await handlers.listIdentities({ limit: 500 });
    expect(all.total).toBe(18);
    const names = all.entities.map((e) => e.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names.filter((n) => n === 'Jens Stoltenberg')).toHaveLength(1);
    const found = await handlers.listIdentities({ query: 'stolt' });
    expect(found.total).toBe(1);
    expect(found.entities[0]).toMatchObject({ name: 'Jens Stoltenberg', type: 'person' });
    expect(found.entities[0]?.key).toMatch(/^i:/);
    // Its facts from both packs.
    expect(found.entities[0]?.factCount).toBe(alone + 1);
    // A page at a time.
    const second = await handlers.listIdentities({ offset: 5, limit: 5 });
    expect(second.entities.map((e) => e.name)).toEqual(names.slice(5, 10));
    // A thing only a removed pack knew is gone from the list (its identity is a tombstone).
    const atlantis = { ...smallPack({ id: 'myth', title: 'Myths' }), facts: [] };
    atlantis.entities = [{ id: 'a', name: 'Atlantis', type: 'place', aliases: [] }];
    expect((await handlers.importPack({ json: JSON.stringify(atlantis) })).ok).toBe(true);
    const named = async () =>
      (await handlers.listIdentities({ query: 'atlantis' })).entities.map((e) => e.name);
    expect(await named()).toContain('Atlantis');
    expect((await handlers.listIdentities({})).total).toBe(19);
    await handlers.removePack({ id: 'myth' });
    expect(await named()).not.toContain('Atlantis');
    expect((await handlers.listIdentities({})).total).toBe(18);
  });

  it('adds an entity and a fact by hand to "My knowledge", and they are matched on pages', async () => {
    const entity = await handlers.saveEntity({
      name: 'Mark Rutte',
      type: 'person',
      aliases: ['Rutte', ' ', 'Rutte'],
    });
    expect(entity).toMatchObject({
      key: `${MY_KNOWLEDGE_PACK}/mark-rutte`,
      aliases: ['Rutte'],
      factCount: 0,
    });
    const fact = await handlers.saveFact({
      entityKey: entity.key,
      text: 'Succeeded Stoltenberg as Secretary General.',
      quote: '',
      sourceTitle: 'My reading',
      sourceUrl: 'https://example.org/rutte',
    });
    expect(fact.quote).toBe('Succeeded Stoltenberg as Secretary General.');
    const view = await handlers.getEntity({ key: entity.key });
    expect(view?.facts[0]?.source?.url).toBe('https://example.org/rutte');
    // Pages mark identities: the new entity is one of its own.
    const identity = (await db.links.get(entity.key))?.identityId;
    expect(identity).toMatch(/^i:/);
    expect((await matcherAliases(db)).aliases).toContainEqual({ alias: 'Rutte', entityId: identity });
    const packs = await handlers.listPacks(undefined);
    expect(packs.find((p) => p.id === MY_KNOWLEDGE_PACK)).toMatchObject({
      title: 'My knowledge',
      entityCount: 1,
      factCount: 1,
    });

    const renamed = await handlers.saveEntity({
      key: entity.key,
      name: 'Mark Rutte',
      type: 'person',
      aliases: ['Rutte', 'M. Rutte'],
    });
    expect(renamed.aliases).toEqual(['Rutte', 'M. Rutte']);
    await handlers.deleteFact({ key: fact.key });
    await handlers.deleteEntity({ key: entity.key });
    expect(await handlers.getEntity({ key: entity.key })).toBeNull();
  });

  it('refuses to edit a pack entity by hand, and refuses bad input with the field named', async () => {
    await expect(
      handlers.saveEntity({ key: `${NATO}/kyiv`, name: 'Kiev', type: 'place', aliases: [] }),
    ).rejects.toThrow(/belongs to a pack/);
    await expect(handlers.saveEntity({ name: '   ', type: 'place', aliases: [] })).rejects.toThrow(/name/);
    const entity = await handlers.saveEntity({ name: 'Oslo', type: 'place', aliases: [] });
    await expect(
      handlers.saveFact({
        entityKey: entity.key,
        text: 'x',
        quote: '',
        sourceTitle: 'S',
        sourceUrl: 'javascript:alert(1)',
      }),
    ).rejects.toThrow(/http/);
    await expect(handlers.deleteEntity({ key: `${NATO}/kyiv` })).rejects.toThrow(/belongs to a pack/);
  });
});

describe('orphaned notes', () => {
  it('are marked when their entity is gone, and can be re-attached', async () => {
    const kept = await handlers.createNote(note('On Wiesbaden'));
    await handlers.setPackEnabled({ id: NATO, enabled: true });
    const mine = await handlers.saveEntity({ name: 'Wiesbaden HQ', type: 'place', aliases: [] });
    await handlers.removePack({ id: NATO });
    const [orphan] = await handlers.listNotes({});
    expect(orphan).toMatchObject({ id: kept.id, orphaned: true, entityName: 'Wiesbaden' });
    const moved = await handlers.reattachNote({ id: kept.id, entityKey: mine.key });
    // Notes attach to identities: the entity's.
    const identity = (await db.links.get(mine.key))?.identityId;
    expect(moved).toMatchObject({ entityKey: identity, entityName: 'Wiesbaden HQ', text: 'On Wiesbaden' });
    expect((await handlers.listNotes({}))[0]?.orphaned).toBe(false);
  });
});

describe('backup', () => {
  it('exports everything and imports it back after "delete all data", losslessly', async () => {
    await handlers.importPack({ json: JSON.stringify(smallPack()) });
    await handlers.setPackEnabled({ id: 'demo', enabled: false });
    await handlers.createNote(note('one'));
    await handlers.createNote(note('two', 'demo/e2'));
    const before = await Promise.all([handlers.listPacks(undefined), handlers.listNotes({})]);
    const backup = await handlers.exportAll(undefined);

    await handlers.deleteAllData(undefined);
    expect(await handlers.listPacks(undefined)).toEqual([]);
    expect(await handlers.listNotes({})).toEqual([]);
    expect(settings.stored).toEqual({});

    const result = await handlers.importAll({ json: backup });
    expect(result).toEqual({
      ok: true,
      packs: 2,
      notesAdded: 2,
      notesUpdated: 0,
      notesKept: 0,
      repaired: [],
      repairedCount: 0,
      skipped: [],
      skippedCount: 0,
    });
    const after = await Promise.all([handlers.listPacks(undefined), handlers.listNotes({})]);
    const strip = (packs: (typeof before)[0]) => packs.map(({ installedAt, updatedAt, ...rest }) => rest);
    expect(strip(after[0])).toEqual(strip(before[0]));
    expect(after[1]).toEqual(before[1]);
    expect(settings.stored).toEqual({ hoverDelay: 450, disabledSites: ['example.org'] });
  });

  it('keeps page notes (no entity, a quote selector, a missing quote) through a backup', async () => {
    const selector = { exact: 'located in Wiesbaden', prefix: 'will be ', suffix: ' in southern' };
    const page = await handlers.createNote({
      entityKey: '',
      text: 'Where exactly?',
      pageUrl: 'https://example.org/nato',
      pageTitle: 'NATO',
      quote: selector.exact,
      selector,
    });
    await handlers.reportAnchors({ url: page.pageUrl, found: [], missing: [page.id] });
    const before = await handlers.listNotes({});
    const backup = await handlers.exportAll(undefined);
    await handlers.deleteAllData(undefined);
    expect(await handlers.importAll({ json: backup })).toMatchObject({ ok: true, notesAdded: 1 });
    expect(await handlers.listNotes({})).toEqual(before);
    expect(before[0]).toMatchObject({ entityKey: '', selector, quoteMissing: true, orphaned: false });
  });

  it('merges without duplicates: importing twice changes nothing, the newer edit of a note wins', async () => {
    const created = await handlers.createNote(note('first'));
    const backup = await handlers.exportAll(undefined);
    await handlers.updateNote({ id: created.id, text: 'edited later' });
    const again = await handlers.importAll({ json: backup });
    expect(again).toMatchObject({ ok: true, notesAdded: 0, notesUpdated: 0, notesKept: 1 });
    expect((await handlers.listNotes({})).map((n) => n.text)).toEqual(['edited later']);
    expect(await db.packs.count()).toBe(1);
  });

  it('leaves out a broken record with a path-naming reason and imports the rest; refuses only a file that is no backup', async () => {
    await handlers.createNote(note('safe'));
    const backup = JSON.parse(await handlers.exportAll(undefined));
    backup.packs[0].pack.facts[0].entityId = 'ghost';
    backup.notes.push({ ...backup.notes[0] });
    backup.notes.push({ ...backup.notes[0], id: 'other', text: 'the good one' });
    await handlers.deleteAllData(undefined);
    const result = await handlers.importAll({ json: JSON.stringify(backup) });
    expect(result.ok).toBe(true);
    expect(result.ok ? result.skipped.map((e) => `${e.path}: ${e.message}`) : []).toEqual([
      'packs[0].pack.facts[0].entityId: no entity with id "ghost"; the pack was left out',
      'notes[1].id: duplicate id (also notes[0])',
    ]);
    expect(result).toMatchObject({ packs: 0, notesAdded: 2, skippedCount: 2 });
    expect((await handlers.listNotes({})).map((n) => n.text).sort()).toEqual(['safe', 'the good one']);
    expect(validateBackup('{').ok).toBe(false);
    expect(validateBackup(JSON.stringify({ format: 'gloss-pack' }))).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([{ path: 'format', message: 'expected "gloss-backup"' }]),
    });
  });
});
