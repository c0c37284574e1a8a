// Every backup Gloss can make imports back equal: random packs, My-knowledge entities and facts
// (with the long source titles and addresses the writer clips), notes (with the long page
// addresses, titles and quotes the writer clips) and settings, exported, wiped, imported.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '@/src/background/handlers';
import type { Pack } from '@/src/core/pack';
import type { Settings } from '@/src/core/settings';
import { settingsStore } from './handler-fixtures';
import { freshDb } from './helpers';

const filled = (maxLength: number) =>
  fc.string({ minLength: 1, maxLength }).filter((s) => /\S/.test(s.trim()));
/** Sometimes short, sometimes far past a limit: what a page can hand the writer. */
const longish = (limit: number) =>
  fc.oneof(
    fc.string({ maxLength: 30 }),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 5 }), fc.integer({ min: limit - 5, max: limit + 2000 }))
      .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)),
  );
const url = (limit: number) =>
  fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc
      .tuple(fc.webUrl(), fc.integer({ min: limit - 50, max: limit + 3000 }))
      .map(
        ([base, n]) => `${base}/${'segment/'.repeat(Math.ceil(n / 8))}?q=${'x'.repeat(n)}#${'h'.repeat(200)}`,
      ),
  );

const pack: fc.Arbitrary<Pack> = fc
  .record({
    id: fc.constantFrom('alpha', 'beta'),
    title: filled(40),
    names: fc.uniqueArray(filled(40), { minLength: 1, maxLength: 4 }),
    sourceTitle: filled(1000),
    sourceUrl: fc.option(fc.webUrl(), { nil: undefined }),
  })
  .map(({ id, title, names, sourceTitle, sourceUrl }) => ({
    format: 'gloss-pack',
    version: 1,
    pack: { id, version: 1, title, description: '', language: 'en', createdAt: '2024-06-14' },
    sources: [{ id: 's1', title: sourceTitle, ...(sourceUrl ? { url: sourceUrl } : {}) }],
    entities: names.map((name, i) => ({
      id: `e${i}`,
      name: name.trim(),
      type: 'place' as const,
      aliases: [],
    })),
    facts: names.map((name, i) => ({
      id: `f${i}`,
      entityId: `e${i}`,
      sourceId: 's1',
      text: `About ${name.trim()}`,
      quote: name.trim(),
    })),
  }));

const settings: fc.Arbitrary<Settings> = fc.record({
  highlightStyle: fc.constantFrom('underline', 'tint', 'hover'),
  hoverDelay: fc.integer({ min: 0, max: 2000 }),
  factOrder: fc.constantFrom('newest', 'oldest'),
  history: fc.boolean(),
  disabledSites: fc.array(fc.domain(), { maxLength: 3 }),
  pausedUntil: fc.oneof(fc.constant(-1), fc.constant(0), fc.integer({ min: 1, max: 4_102_444_800_000 })),
  // Gloss keeps answers to "Which one?" as corrections now; old ones in settings become corrections
  // on import (test/unit/corrections.test.ts), so a backup Gloss produces has none.
  choices: fc.constant({}),
  backupReminder: fc.boolean(),
});

const scenario = fc.record({
  packs: fc.array(pack, { maxLength: 2 }),
  myKnowledge: fc.array(
    fc.record({
      name: filled(40),
      sourceTitle: longish(1000).filter((s) => /\S/.test(s)),
      sourceUrl: fc.option(url(2048), { nil: undefined }),
    }),
    { maxLength: 2 },
  ),
  notes: fc.array(
    fc.record({
      onPage: fc.boolean(),
      text: filled(200),
      pageUrl: fc.oneof(fc.constant(''), url(10_000)),
      pageTitle: longish(10_000),
      quote: longish(20_000),
      exact: filled(100),
    }),
    { maxLength: 4 },
  ),
  settings: fc.option(settings, { nil: undefined }),
});

async function snapshot(handlers: Handlers) {
  const packs = await handlers.listPacks(undefined);
  return {
    packs: packs.map(({ installedAt, updatedAt, ...rest }) => rest),
    files: await Promise.all(packs.map((p) => handlers.exportPack({ id: p.id }))),
    notes: await handlers.listNotes({}),
  };
}

describe('backup round trip', () => {
  it('every backup Gloss can produce imports back equal, nothing repaired or left out', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const db = freshDb();
        const settings = settingsStore(s.settings ? { ...s.settings } : {});
        const handlers = createHandlers(db, { settings });
        try {
          for (const p of s.packs)
            expect((await handlers.importPack({ json: JSON.stringify(p) })).ok).toBe(true);
          const entityKeys: string[] = [];
          for (const mine of s.myKnowledge) {
            const entity = await handlers.saveEntity({ name: mine.name, type: 'person', aliases: [] });
            entityKeys.push(entity.key);
            await handlers.saveFact({
              entityKey: entity.key,
              text: 'A fact',
              quote: '',
              sourceTitle: mine.sourceTitle,
              sourceUrl: mine.sourceUrl,
            });
          }
          const packKeys = (await handlers.listEntities({ limit: 50 })).entities.map((e) => e.key);
          for (const [i, n] of s.notes.entries()) {
            const entityKey = n.onPage ? '' : ([...entityKeys, ...packKeys][i] ?? '');
            await handlers.createNote({
              entityKey,
              text: n.text,
              pageUrl: entityKey ? n.pageUrl : n.pageUrl || 'https://example.org/p',
              pageTitle: n.pageTitle,
              quote: n.quote,
              ...(entityKey ? {} : { selector: { exact: n.exact, prefix: '', suffix: '' } }),
            });
          }
          const before = await snapshot(handlers);
          const settingsBefore = { ...settings.stored };
          const backup = await handlers.exportAll(undefined);
          await handlers.deleteAllData(undefined);
          const result = await handlers.importAll({ json: backup });
          expect(result).toMatchObject({ ok: true, skipped: [], repaired: [] });
          expect(await snapshot(handlers)).toEqual(before);
          expect(settings.stored).toEqual(settingsBefore);
        } finally {
          db.close();
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  }, 120_000);

  it('a 2,100-character source address from "Add as a fact" no longer makes the backup unrestorable', async () => {
    const db = freshDb();
    const handlers = createHandlers(db);
    const entity = await handlers.saveEntity({ name: 'Rutte', type: 'person', aliases: [] });
    const long = `https://example.org/a/b/${'c'.repeat(2000)}?q=${'d'.repeat(80)}#frag`;
    expect(long.length).toBeGreaterThan(2048);
    await handlers.saveFact({
      entityKey: entity.key,
      text: 'Spoke.',
      quote: '',
      sourceTitle: 'T'.repeat(1500),
      sourceUrl: long,
    });
    const source = (await db.sources.toArray())[0];
    expect(source?.url).toBe(`https://example.org/a/b/${'c'.repeat(2000)}`);
    expect(source?.title).toHaveLength(1000);
    expect(source?.title.endsWith('…')).toBe(true);
    const backup = await handlers.exportAll(undefined);
    await handlers.deleteAllData(undefined);
    expect(await handlers.importAll({ json: backup })).toMatchObject({ ok: true, packs: 1, skippedCount: 0 });
    db.close();
  });

  it('a page note on a 12,000-character address is stored clipped and still found on its page', async () => {
    const db = freshDb();
    const handlers = createHandlers(db);
    const url = `https://example.org/a/${'b'.repeat(12_000)}?q=1#frag`;
    const selector = { exact: 'quoted', prefix: '', suffix: '' };
    const note = await handlers.createNote({
      entityKey: '',
      text: 'On a long page',
      pageUrl: url,
      pageTitle: '',
      quote: 'quoted',
      selector,
    });
    expect(note.pageUrl).toBe('https://example.org/a/');
    expect((await handlers.listNotesForPage({ url })).map((n) => n.id)).toEqual([note.id]);
    await handlers.reportAnchors({ url, found: [], missing: [note.id] });
    expect((await handlers.listNotes({}))[0]?.quoteMissing).toBe(true);
    db.close();
  });
});
