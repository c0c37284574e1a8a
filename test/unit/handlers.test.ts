import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers, registerHandlers, STORAGE_FULL } from '@/src/background/handlers';
import { installBundledPacks } from '@/src/background/index';
import { matcherAliases } from '@/src/background/knowledge';
import { entityNames } from '@/src/core/pack';
import type { GlossDb } from '@/src/db/db';
import { sendMessage } from '@/src/messaging/protocol';
import { PROTOCOL_KEYS } from '@/src/messaging/rules';
import { bundledPack, EXTENSION_PAGE, fakeRuntime, freshDb, smallPack } from './helpers';

let db: GlossDb;
let handlers: Handlers;
const NATO = 'nato-ukraine-2024';
const note = (text: string, entityKey = `${NATO}/wiesbaden`) => ({
  entityKey,
  text,
  pageUrl: 'https://news.example/nato',
  pageTitle: 'NATO news',
  quote: 'The headquarters for coordinating assistance to Kyiv will be located in Wiesbaden.',
});

beforeEach(async () => {
  db = freshDb();
  handlers = createHandlers(db);
  await installBundledPacks(db);
});
afterEach(() => db.close());

describe('matcherAliases', () => {
  it('lists every name and alias of the enabled packs, keyed by identity', async () => {
    const { aliases, revision } = await matcherAliases(db);
    const pack = bundledPack();
    const identityOf = async (id: string) => (await db.links.get(`${NATO}/${id}`))?.identityId;
    // Every name, alias and label, with the labels' transliterations (src/core/lang/names.ts), each
    // once per identity; a label also comes tagged with its language (src/core/lang/inflect.ts).
    const names = new Set<string>();
    for (const e of pack.entities) {
      const identity = await identityOf(e.id);
      for (const name of entityNames(e)) names.add(`${identity}\u0000${name}`);
      for (const [lang, labels] of Object.entries(e.labels ?? {}))
        for (const alias of labels)
          expect(aliases).toContainEqual(expect.objectContaining({ alias, lang, entityId: identity }));
    }
    expect(new Set(aliases.map((a) => `${a.entityId}\u0000${a.alias}`))).toEqual(names);
    const entries = aliases.map((a) => `${a.entityId}\u0000${a.lang ?? ''}\u0000${a.alias}`);
    expect(new Set(entries).size).toBe(entries.length);
    const wiesbaden = await identityOf('wiesbaden');
    expect(wiesbaden).toMatch(/^i:/);
    expect(aliases).toContainEqual({ alias: 'Wiesbaden', entityId: wiesbaden });
    expect(aliases.find((a) => a.alias === 'Foreign Policy')?.caseSensitive).toBe(true);

    await handlers.setPackEnabled({ id: NATO, enabled: false });
    const off = await matcherAliases(db);
    expect(off.aliases).toEqual([]);
    expect(off.revision).not.toBe(revision);
  });
});

describe('getEntity', () => {
  it('returns the entity with its facts, their sources, and its notes', async () => {
    await handlers.createNote(note('Visit the base'));
    const view = await handlers.getEntity({ key: `${NATO}/wiesbaden` });
    expect(view?.entity.name).toBe('Wiesbaden');
    expect(view?.pack.title).toMatch(/NATO/);
    expect(view?.facts.length).toBeGreaterThan(0);
    expect(view?.facts.every((f) => f.source?.publishedAt === '2024-06-14')).toBe(true);
    expect(view?.facts.some((f) => /headquarters/i.test(f.text))).toBe(true);
    expect(view?.notes.map((n) => n.text)).toEqual(['Visit the base']);
  });

  it('returns null for an unknown entity', async () => {
    expect(await handlers.getEntity({ key: 'nope/nothing' })).toBeNull();
  });
});

describe('search', () => {
  it('finds entities by any alias, ignoring case and diacritics', async () => {
    const results = await handlers.search({ query: 'orban' });
    expect(results[0]).toMatchObject({ kind: 'entity', entityName: 'Viktor Orbán' });
    expect((await handlers.search({ query: 'KIEV' }))[0]).toMatchObject({
      kind: 'entity',
      entityName: 'Kyiv',
    });
  });

  it('finds facts and notes by their words', async () => {
    await handlers.createNote(note('Ask about the logistics hubs schedule'));
    const facts = await handlers.search({ query: 'headquarters coordinating' });
    expect(facts.some((r) => r.kind === 'fact' && r.entityName === 'Wiesbaden')).toBe(true);
    const notes = await handlers.search({ query: 'hubs schedule' });
    expect(notes).toContainEqual(expect.objectContaining({ kind: 'note', entityName: 'Wiesbaden' }));
  });

  it('returns nothing for a blank query and respects the limit', async () => {
    expect(await handlers.search({ query: '   ' })).toEqual([]);
    expect(await handlers.search({ query: 'nato', limit: 3 })).toHaveLength(3);
  });
});

describe('notes', () => {
  it('creates, lists, updates and deletes', async () => {
    const created = await handlers.createNote(note('  first  '));
    expect(created).toMatchObject({ text: 'first', entityName: 'Wiesbaden', pageTitle: 'NATO news' });
    const updated = await handlers.updateNote({ id: created.id, text: 'second' });
    expect(updated.updatedAt).toBeGreaterThan(created.updatedAt);
    expect(await handlers.listNotes({ entityKey: created.entityKey })).toEqual([
      { ...updated, orphaned: false },
    ]);
    await handlers.deleteNote({ id: created.id });
    expect(await handlers.listNotes({})).toEqual([]);
  });

  it('refuses an empty note and a note on an unknown entity', async () => {
    await expect(handlers.createNote(note('   '))).rejects.toThrow(/needs some text/);
    await expect(handlers.createNote(note('x', 'nope/ghost'))).rejects.toThrow(/No entity/);
    await expect(handlers.updateNote({ id: 'missing', text: 'x' })).rejects.toThrow(/No note/);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('packs', () => {
  it('lists the bundled pack with its counts', async () => {
    const pack = bundledPack();
    const [summary] = await handlers.listPacks(undefined);
    expect(summary).toMatchObject({
      id: NATO,
      bundled: true,
      enabled: true,
      entityCount: pack.entities.length,
      factCount: pack.facts.length,
      sourceCount: pack.sources.length,
    });
  });

  it('imports a valid pack and exports it back unchanged', async () => {
    const result = await handlers.importPack({ json: JSON.stringify(smallPack()) });
    expect(result).toMatchObject({ ok: true, packId: 'demo', entities: 2, facts: 2, replaced: false });
    // Export writes format v2; a v1 file means the same, so only the version differs.
    expect(JSON.parse(await handlers.exportPack({ id: 'demo' }))).toEqual({ ...smallPack(), version: 2 });
    expect(JSON.parse(await handlers.exportPack({ id: NATO }))).toEqual({ ...bundledPack(), version: 2 });
  });

  it('rejects a malformed pack with path-naming errors and changes nothing', async () => {
    const before = await dump(db);
    const bad = smallPack();
    bad.facts[0]!.entityId = 'ghost';
    const result = await handlers.importPack({ json: JSON.stringify(bad) });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'facts[0].entityId', message: 'no entity with id "ghost"' }],
    });
    expect(await dump(db)).toEqual(before);
  });

  it('rolls back a half-written import', async () => {
    await handlers.importPack({ json: JSON.stringify(smallPack()) });
    const before = await dump(db);
    const original = db.facts.bulkPut.bind(db.facts);
    db.facts.bulkPut = (() =>
      Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError'))) as unknown as typeof original;
    const bigger = smallPack({ version: 2, title: 'Demo v2' });
    await expect(handlers.importPack({ json: JSON.stringify(bigger) })).rejects.toThrow(STORAGE_FULL);
    db.facts.bulkPut = original;
    expect(await dump(db)).toEqual(before);
  });

  it('a full disk while saving a note says so, and leaves nothing half-written', async () => {
    const original = db.notes.add.bind(db.notes);
    db.notes.add = (() =>
      Promise.reject(
        new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      )) as unknown as typeof original;
    await expect(handlers.createNote(note('will not fit'))).rejects.toThrow(STORAGE_FULL);
    db.notes.add = original;
    expect(await db.notes.count()).toBe(0);
  });

  it('removing a pack keeps the notes on its entities (orphaned, not lost)', async () => {
    await handlers.createNote(note('Keep me'));
    await handlers.removePack({ id: NATO });
    expect(await handlers.listPacks(undefined)).toEqual([]);
    expect(await handlers.getEntity({ key: `${NATO}/wiesbaden` })).toBeNull();
    expect((await handlers.listNotes({})).map((n) => [n.text, n.entityName])).toEqual([
      ['Keep me', 'Wiesbaden'],
    ]);
    await expect(handlers.removePack({ id: NATO })).rejects.toThrow(/No pack/);
  });

  it('a removed bundled pack does not come back on the next update', async () => {
    await handlers.removePack({ id: NATO });
    await installBundledPacks(db);
    expect(await handlers.listPacks(undefined)).toEqual([]);
  });
});

describe('bundled pack installation', () => {
  it('is idempotent and upgrades in place without touching notes', async () => {
    const created = await handlers.createNote(note('Survives upgrades'));
    await installBundledPacks(db);
    expect(await db.packs.count()).toBe(1);

    const { installBundledPack } = await import('@/src/background/packs');
    const { validatePack } = await import('@/src/core/pack');
    const next = bundledPack();
    const revision = (next.pack.version ?? 1) + 1;
    next.pack.version = revision;
    next.entities = next.entities.filter((e) => e.id !== 'wiesbaden');
    next.facts = next.facts.filter((f) => f.entityId !== 'wiesbaden');
    const parsed = validatePack(next);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(await installBundledPack(db, parsed.pack)).toBe('upgraded');
    expect(await installBundledPack(db, parsed.pack)).toBe('current');
    expect((await db.packs.get(NATO))?.version).toBe(revision);
    expect(await db.entities.get(`${NATO}/wiesbaden`)).toBeUndefined();
    expect(await db.notes.get(created.id)).toEqual(created);
  });
});

describe('the message protocol', () => {
  it('has exactly one handler per key, reachable through @webext-core/messaging', async () => {
    expect(Object.keys(handlers).sort()).toEqual([...PROTOCOL_KEYS].sort());
    fakeRuntime(EXTENSION_PAGE);
    const unregister = registerHandlers(handlers);
    try {
      const packs = await sendMessage('listPacks', undefined);
      expect(packs.map((p) => p.id)).toEqual([NATO]);
      await expect(sendMessage('exportPack', { id: 'missing' })).rejects.toThrow('No pack with id "missing"');
    } finally {
      unregister();
    }
  });
});

async function dump(db: GlossDb) {
  return {
    packs: await db.packs.toArray(),
    sources: await db.sources.toArray(),
    entities: await db.entities.toArray(),
    facts: await db.facts.toArray(),
    notes: await db.notes.toArray(),
    settings: await db.bookkeeping.toArray(),
  };
}

describe('capture drafts', () => {
  const article = {
    title: 'NATO approves plan',
    url: 'https://news.example/nato',
    text: 'NATO Secretary General Jens Stoltenberg said the plan was approved. The headquarters will be located in Wiesbaden.',
    language: 'en',
  };

  it('keeps a draft, opens the manager to review it, and imports it only when saved', async () => {
    const opened: string[] = [];
    const own = createHandlers(db, { openManager: (hash) => opened.push(hash) });
    const packsBefore = (await own.listPacks(undefined)).length;
    const { draftId } = await own.captureArticle(article);
    expect(opened).toEqual([`#review/${draftId}`]);
    const draft = await own.getDraft({ id: draftId });
    expect(draft?.article.title).toBe('NATO approves plan');
    expect(draft?.pack.entities.length).toBeGreaterThan(0);
    expect((await own.listPacks(undefined)).length).toBe(packsBefore);

    const bad = { ...(draft?.pack as NonNullable<typeof draft>['pack']) };
    bad.entities = [{ id: 'x', name: ' ', type: 'place', aliases: [] }];
    const rejected = await own.saveDraft({ id: draftId, pack: bad });
    expect(rejected).toMatchObject({ ok: false, errors: [{ path: 'entities[0].name' }] });

    const saved = await own.saveDraft({
      id: draftId,
      pack: draft?.pack as NonNullable<typeof draft>['pack'],
    });
    expect(saved.ok).toBe(true);
    expect((await own.listPacks(undefined)).length).toBe(packsBefore + 1);
    expect(await own.getDraft({ id: draftId })).toBeNull();
    await expect(own.saveDraft({ id: draftId, pack: bad })).rejects.toThrow(/already saved or discarded/);
  });

  it('discards a draft', async () => {
    const { draftId } = await handlers.captureArticle(article);
    await handlers.discardDraft({ id: draftId });
    expect(await handlers.getDraft({ id: draftId })).toBeNull();
  });

  it('refuses a page without text', async () => {
    await expect(handlers.captureArticle({ ...article, text: '  ' })).rejects.toThrow(/no article text/);
  });
});

describe('page notes (notes on a selection)', () => {
  const selector = { exact: 'located in Wiesbaden', prefix: 'will be ', suffix: '.' };
  const pageNote = (text: string, pageUrl = 'https://news.example/nato#part-2') => ({
    entityKey: '',
    text,
    pageUrl,
    pageTitle: 'NATO news',
    quote: selector.exact,
    selector,
  });

  it('need no entity, are listed for their page (fragment aside), and are never orphaned', async () => {
    const note = await handlers.createNote(pageNote('Where exactly?'));
    expect(note).toMatchObject({
      entityKey: '',
      entityName: '',
      pageUrl: 'https://news.example/nato',
      selector,
    });
    await handlers.createNote(note_('Not a page note'));
    const forPage = await handlers.listNotesForPage({ url: 'https://news.example/nato#top' });
    expect(forPage.map((n) => n.id)).toEqual([note.id]);
    const [listed] = (await handlers.listNotes({})).filter((n) => n.id === note.id);
    expect(listed?.orphaned).toBe(false);
  });

  it('need a quote when they have no entity', async () => {
    await expect(handlers.createNote({ ...pageNote('x'), selector: undefined })).rejects.toThrow(
      /entity or a quote/,
    );
    await expect(
      handlers.createNote({ ...pageNote('x'), selector: { exact: ' ', prefix: '', suffix: '' } }),
    ).rejects.toThrow(/quoted text/);
  });

  it('remember whether their quote was found, without changing their date', async () => {
    const changes: unknown[] = [];
    const own = createHandlers(db, { notify: (change) => changes.push(change) });
    const note = await own.createNote(pageNote('Where exactly?'));
    changes.length = 0;
    await own.reportAnchors({ url: 'https://news.example/nato', found: [], missing: [note.id] });
    let [stored] = await own.listNotesForPage({ url: 'https://news.example/nato' });
    expect(stored).toMatchObject({ quoteMissing: true, updatedAt: note.updatedAt });
    expect(changes).toEqual([{ kind: 'notes' }]);
    // The same report again changes nothing and tells no one.
    await own.reportAnchors({ url: 'https://news.example/nato', found: [], missing: [note.id] });
    expect(changes).toHaveLength(1);
    // Another page cannot mark it.
    await own.reportAnchors({ url: 'https://evil.example/', found: [note.id], missing: [] });
    [stored] = await own.listNotesForPage({ url: 'https://news.example/nato' });
    expect(stored?.quoteMissing).toBe(true);
    await own.reportAnchors({ url: 'https://news.example/nato', found: [note.id], missing: [] });
    [stored] = await own.listNotesForPage({ url: 'https://news.example/nato' });
    expect(stored?.quoteMissing).toBeUndefined();
  });
});

const note_ = note;
