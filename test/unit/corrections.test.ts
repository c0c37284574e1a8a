// The reader's corrections (issue 15): where one applies, how the background keeps them (one per
// decision, undo as a tombstone, a page sees only its site's), and how backups carry and merge them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adoptRememberedChoices, listCorrections } from '@/src/background/corrections';
import { createHandlers, type Handlers } from '@/src/background/handlers';
import type { Correction } from '@/src/core/context/types';
import { correctionApplies, correctionFor, cueWords, passageWords } from '@/src/core/corrections';
import type { Pack } from '@/src/core/pack';
import type { GlossDb } from '@/src/db/db';
import type { ChangeSignal, CorrectionSites } from '@/src/messaging/broadcast';
import { admit, CALL_RULES } from '@/src/messaging/rules';
import { settingsStore } from './handler-fixtures';
import { freshDb } from './helpers';

const correction = (fields: Partial<Correction>): Correction => ({
  id: 'c:x',
  alias: 'washington',
  right: null,
  scope: 'everywhere',
  createdAt: 1,
  updatedAt: 1,
  ...fields,
});

const mention = (fields: Partial<Parameters<typeof correctionApplies>[1]> = {}) => ({
  alias: 'washington',
  site: 'nba.example',
  candidates: ['i:city', 'i:person'],
  words: passageWords('The Wizards beat Boston as Washington scored late'),
  ...fields,
});

describe('where a correction applies', () => {
  it('keeps the words nearest the mention that tell it apart, not the name or filler', () => {
    expect(cueWords('The Wizards beat Boston as Washington scored late in the game', 'Washington')).toEqual([
      'scored',
      'boston',
      'late',
      'beat',
      'wizards',
      'game',
    ]);
    // A long sentence: the words next to the mention, not its opening ones.
    const long = `${'Opening words everywhere '.repeat(20)}the Wizards beat Washington tonight`;
    expect(cueWords(long, 'Washington').slice(0, 3)).toEqual(['beat', 'tonight', 'wizards']);
  });

  it('by scope: everywhere, on its site, or in a passage that shares its cues', () => {
    expect(correctionApplies(correction({ scope: 'everywhere' }), mention())).toBe(true);
    expect(correctionApplies(correction({ scope: 'site', site: 'nba.example' }), mention())).toBe(true);
    expect(correctionApplies(correction({ scope: 'site', site: 'news.example' }), mention())).toBe(false);
    const context = correction({
      scope: 'context',
      site: 'nba.example',
      cues: ['wizards', 'scored', 'rebounds'],
    });
    expect(correctionApplies(context, mention())).toBe(true);
    expect(correctionApplies(context, mention({ words: passageWords('Washington signed the treaty') }))).toBe(
      false,
    );
    // A passage like it on another site: the same thing.
    expect(correctionApplies(context, mention({ site: 'other.example' }))).toBe(true);
  });

  it('only to its own alias, to mentions that had the wrong identity, and never once undone', () => {
    expect(correctionApplies(correction({}), mention({ alias: 'georgia' }))).toBe(false);
    expect(correctionApplies(correction({ wrong: 'i:city' }), mention())).toBe(true);
    expect(correctionApplies(correction({ wrong: 'i:state' }), mention())).toBe(false);
    expect(correctionApplies(correction({ deletedAt: 5 }), mention())).toBe(false);
  });

  it('the narrowest applicable one decides, then the newest', () => {
    const everywhere = correction({ id: 'c:e', right: 'i:person', updatedAt: 9 });
    const site = correction({ id: 'c:s', scope: 'site', site: 'nba.example', right: null, updatedAt: 2 });
    const newerSite = { ...site, id: 'c:s2', right: 'i:city', updatedAt: 3 };
    expect(correctionFor([everywhere, site], mention())?.id).toBe('c:s');
    expect(correctionFor([everywhere, site, newerSite], mention())?.id).toBe('c:s2');
    expect(correctionFor([everywhere], mention({ alias: 'paris' }))).toBeUndefined();
  });
});

/** Two packs whose "Washington" is a different thing: the city and the person. */
function washingtonPack(id: string, name: string, type: 'place' | 'person'): Pack {
  return {
    format: 'gloss-pack',
    version: 1,
    pack: { id, version: 1, title: id, description: '', language: 'en', createdAt: '2024-06-14' },
    sources: [{ id: 's1', title: `About ${name}` }],
    entities: [{ id: 'w', name, type, aliases: ['Washington'] }],
    facts: [{ id: 'f1', entityId: 'w', sourceId: 's1', text: `${name} is known.`, quote: name }],
  };
}

/** Washington the city and George Washington, from two packs: two identities (their types differ). */
async function twoWashingtons(db: GlossDb, handlers: Handlers): Promise<{ city: string; person: string }> {
  await handlers.importPack({ json: JSON.stringify(washingtonPack('cities', 'Washington, D.C.', 'place')) });
  await handlers.importPack({
    json: JSON.stringify(washingtonPack('people', 'George Washington', 'person')),
  });
  const city = (await db.links.get('cities/w'))?.identityId as string;
  const person = (await db.links.get('people/w'))?.identityId as string;
  expect(city).not.toBe(person);
  return { city, person };
}

describe('the background keeps corrections', () => {
  let db: GlossDb;
  let handlers: Handlers;
  let changes: Array<Omit<ChangeSignal, 'at'>>;
  let published: CorrectionSites[];
  let city: string;
  let person: string;

  beforeEach(async () => {
    db = freshDb();
    changes = [];
    published = [];
    handlers = createHandlers(db, {
      notify: (change) => changes.push(change),
      settings: settingsStore(),
      publishCorrectionSites: async (sites) => {
        published.push(sites);
      },
    });
    ({ city, person } = await twoWashingtons(db, handlers));
    changes = [];
  });
  afterEach(() => db.close());

  it('stores a correction with its alias folded and its entity resolved to an identity, and announces it', async () => {
    const made = await handlers.correctMention({
      alias: 'WASHINGTON',
      wrong: city,
      right: 'people/w',
      scope: 'site',
      site: 'nba.example',
    });
    expect(made).toMatchObject({
      alias: 'washington',
      wrong: city,
      right: person,
      scope: 'site',
      site: 'nba.example',
    });
    expect(made.id).toMatch(/^c:/);
    expect(changes).toEqual([{ kind: 'corrections' }]);
    expect(await handlers.listCorrections(undefined)).toEqual([
      { ...made, wrongName: 'Washington, D.C.', rightName: 'George Washington' },
    ]);
  });

  it('the same decision again replaces the older one; another scope is another correction', async () => {
    const input = {
      alias: 'Washington',
      wrong: city,
      right: null,
      scope: 'site' as const,
      site: 'nba.example',
    };
    const first = await handlers.correctMention(input);
    const again = await handlers.correctMention({ ...input, right: person });
    expect(again.id).toBe(first.id);
    expect(again.updatedAt).toBeGreaterThan(first.updatedAt);
    await handlers.correctMention({ ...input, scope: 'everywhere' });
    const listed = (await handlers.listCorrections(undefined)).map((c) => [c.scope, c.right]);
    expect(listed.sort()).toEqual([
      ['everywhere', null],
      ['site', person],
    ]);
  });

  it('undo keeps a tombstone: no longer listed or sent to pages, undone only once', async () => {
    const made = await handlers.correctMention({
      alias: 'Washington',
      right: null,
      scope: 'everywhere',
      site: 'a.example',
    });
    changes = [];
    expect(await handlers.undoCorrection({ id: made.id })).toBe(true);
    expect(await handlers.undoCorrection({ id: made.id })).toBe(false);
    expect(changes).toEqual([{ kind: 'corrections' }]);
    expect(await handlers.listCorrections(undefined)).toEqual([]);
    expect(await handlers.getCorrections({ site: 'a.example' })).toEqual([]);
    expect((await db.corrections.get(made.id))?.deletedAt).toBeGreaterThan(0);
  });

  it('a page gets only the corrections that can apply on its site', async () => {
    const here = await handlers.correctMention({
      alias: 'Washington',
      right: null,
      scope: 'site',
      site: 'nba.example',
    });
    const context = await handlers.correctMention({
      alias: 'Washington',
      right: person,
      scope: 'context',
      site: 'nba.example',
      cues: ['wizards'],
    });
    const everywhere = await handlers.correctMention({
      alias: 'Paris',
      right: null,
      scope: 'everywhere',
      site: 'x.example',
    });
    // Passages like one apply on any site; a whole other site's do not.
    const contextElsewhere = await handlers.correctMention({
      alias: 'Jordan',
      right: null,
      scope: 'context',
      site: 'news.example',
      cues: ['bulls'],
    });
    await handlers.correctMention({ alias: 'Georgia', right: null, scope: 'site', site: 'news.example' });
    const ids = (await handlers.getCorrections({ site: 'nba.example' })).map((c) => c.id).sort();
    expect(ids).toEqual([here.id, context.id, everywhere.id, contextElsewhere.id].sort());
  });

  it('publishes where corrections apply after each change, so pages elsewhere ask nothing', async () => {
    const site = await handlers.correctMention({
      alias: 'Washington',
      right: null,
      scope: 'site',
      site: 'nba.example',
    });
    expect(published.at(-1)).toEqual({ sites: ['nba.example'], aliases: [] });
    const context = await handlers.correctMention({
      alias: 'Jordan',
      right: null,
      scope: 'context',
      site: 'nba.example',
      cues: ['bulls'],
    });
    const everywhere = await handlers.correctMention({
      alias: 'Paris',
      right: null,
      scope: 'everywhere',
      site: 'x.example',
    });
    expect(published.at(-1)).toEqual({ sites: ['nba.example'], aliases: ['jordan', 'paris'] });
    await handlers.undoCorrection({ id: context.id });
    await handlers.undoCorrection({ id: everywhere.id });
    await handlers.undoCorrection({ id: site.id });
    expect(published.at(-1)).toEqual({ sites: [], aliases: [] });
    const json = await handlers.exportAll(undefined);
    await handlers.correctMention({ alias: 'Jordan', right: null, scope: 'site', site: 'a.example' });
    await handlers.deleteAllData(undefined);
    expect(published.at(-1)).toEqual({ sites: [], aliases: [] });
    await handlers.importAll({ json });
    expect(published.at(-1)).toEqual({ sites: [], aliases: [] });
    expect(changes.filter((c) => c.kind === 'corrections')).toHaveLength(9);
  });

  it('refuses an entity that is not there', async () => {
    await expect(
      handlers.correctMention({
        alias: 'Washington',
        right: 'nowhere/x',
        scope: 'everywhere',
        site: 'a.example',
      }),
    ).rejects.toThrow(/no longer in Gloss/);
  });

  it('only Gloss pages may correct, list or undo; a page may read its site', () => {
    for (const key of ['correctMention', 'listCorrections', 'undoCorrection'] as const)
      expect(CALL_RULES[key].trust, key).toBe('privileged');
    expect(() =>
      admit('correctMention', { alias: 'x', right: null, scope: 'site', site: 'a' }, 'page'),
    ).toThrow(/refused/);
    expect(admit('getCorrections', { site: 'nba.example' }, 'page')).toEqual({ site: 'nba.example' });
    expect(() => admit('getCorrections', { site: 'x'.repeat(2000) }, 'page')).toThrow(/longer than/);
  });
});

describe('answers to "Which one?" an older Gloss remembered in the settings', () => {
  let db: GlossDb;
  let city: string;
  let person: string;
  beforeEach(async () => {
    db = freshDb();
    ({ city, person } = await twoWashingtons(db, createHandlers(db, { settings: settingsStore() })));
  });
  afterEach(() => db.close());

  it('become corrections for their site, once; the other settings stay, answers about what is gone are dropped', async () => {
    const settings = settingsStore({
      hoverDelay: 500,
      choices: {
        'nba.example': { washington: person, jordan: 'i:gone' },
        'dc.example': { washington: city },
      },
    });
    expect(await adoptRememberedChoices(db, settings, 1000)).toBe(2);
    expect(settings.stored).toEqual({ hoverDelay: 500, choices: {} });
    const kept = (await listCorrections(db)).map(({ alias, right, scope, site, wrong }) => ({
      alias,
      right,
      scope,
      site,
      wrong,
    }));
    expect(kept.sort((a, b) => (a.site ?? '').localeCompare(b.site ?? ''))).toEqual([
      { alias: 'washington', right: city, scope: 'site', site: 'dc.example', wrong: undefined },
      { alias: 'washington', right: person, scope: 'site', site: 'nba.example', wrong: undefined },
    ]);
    expect(await adoptRememberedChoices(db, settings, 2000)).toBe(0);
    expect(await db.corrections.count()).toBe(2);
  });

  it('stay in the settings when they cannot be written', async () => {
    const settings = settingsStore({ choices: { 'nba.example': { washington: person } } });
    db.close();
    await expect(adoptRememberedChoices(db, settings)).rejects.toThrow();
    expect(settings.stored).toEqual({ choices: { 'nba.example': { washington: person } } });
  });

  it('come in with a backup of an older Gloss, and pages are told where they apply', async () => {
    const published: CorrectionSites[] = [];
    const settings = settingsStore();
    const handlers = createHandlers(db, {
      settings,
      publishCorrectionSites: async (sites) => {
        published.push(sites);
      },
    });
    const json = JSON.stringify({
      format: 'gloss-backup',
      version: 1,
      settings: { factOrder: 'oldest', choices: { 'nba.example': { washington: person } } },
    });
    expect((await handlers.importAll({ json })).ok).toBe(true);
    expect(settings.stored).toMatchObject({ factOrder: 'oldest', choices: {} });
    expect(await handlers.listCorrections(undefined)).toEqual([
      expect.objectContaining({ alias: 'washington', right: person, scope: 'site', site: 'nba.example' }),
    ]);
    expect(published.at(-1)?.sites).toEqual(['nba.example']);
  });
});

describe('backups carry corrections', () => {
  const dbs: GlossDb[] = [];
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close();
  });
  const open = () => {
    const db = freshDb();
    dbs.push(db);
    return { db, handlers: createHandlers(db, { settings: settingsStore() }) };
  };

  it('round-trip: every correction, tombstones included, comes back equal', async () => {
    const a = open();
    const kept = await a.handlers.correctMention({
      alias: 'Alliance',
      right: null,
      scope: 'site',
      site: 'airline.example',
    });
    const context = await a.handlers.correctMention({
      alias: 'Jordan',
      right: null,
      scope: 'context',
      site: 'nba.example',
      cues: ['bulls', 'points'],
    });
    await a.handlers.undoCorrection({ id: context.id });
    const before = await a.db.corrections.orderBy('id').toArray();
    expect(before).toHaveLength(2);
    const json = await a.handlers.exportAll(undefined);
    expect(JSON.parse(json).corrections).toHaveLength(2);

    await a.handlers.deleteAllData(undefined);
    expect(await a.db.corrections.count()).toBe(0);
    const result = await a.handlers.importAll({ json });
    expect(result.ok && result.skippedCount).toBe(0);
    expect(await a.db.corrections.orderBy('id').toArray()).toEqual(before);
    expect((await a.handlers.listCorrections(undefined)).map((c) => c.id)).toEqual([kept.id]);
  });

  it('merge by id: the later change wins, so an undo in either copy stays undone', async () => {
    const a = open();
    const made = await a.handlers.correctMention({
      alias: 'Paris',
      right: null,
      scope: 'everywhere',
      site: 'x.example',
    });
    const other = await a.handlers.correctMention({
      alias: 'Georgia',
      right: null,
      scope: 'everywhere',
      site: 'x.example',
    });
    const backupBeforeUndo = await a.handlers.exportAll(undefined);
    await a.handlers.undoCorrection({ id: made.id });
    // The older backup, where it is still in force, does not bring it back.
    await a.handlers.importAll({ json: backupBeforeUndo });
    expect((await a.handlers.listCorrections(undefined)).map((c) => c.id)).toEqual([other.id]);

    // Another browser that has it in force takes the undo from a newer backup.
    const b = open();
    await b.handlers.importAll({ json: backupBeforeUndo });
    expect((await b.handlers.listCorrections(undefined)).map((c) => c.id).sort()).toEqual(
      [made.id, other.id].sort(),
    );
    await b.handlers.importAll({ json: await a.handlers.exportAll(undefined) });
    expect((await b.handlers.listCorrections(undefined)).map((c) => c.id)).toEqual([other.id]);
    expect((await b.db.corrections.get(made.id))?.deletedAt).toBeGreaterThan(0);
  });

  it('a broken correction in a file is left out and reported; the rest comes in', async () => {
    const a = open();
    const json = JSON.stringify({
      format: 'gloss-backup',
      version: 1,
      corrections: [correction({ id: 'c:ok' }), { ...correction({ id: 'c:bad' }), scope: 'galaxy' }],
    });
    const result = await a.handlers.importAll({ json });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.skipped).toEqual([
      { path: 'corrections[1].scope', message: 'expected context, site or everywhere' },
    ]);
    expect((await a.db.corrections.toArray()).map((c) => c.id)).toEqual(['c:ok']);
  });
});
