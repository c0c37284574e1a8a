// Import caps (hardening 15): the matcher is built from every name of every enabled pack, so the
// knowledge base and each pack are capped, and a refused import or switch-on writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCitiesPack } from '@/scripts/pack-cities';
import type { Handlers } from '@/src/background/handlers';
import { installBundledPacks } from '@/src/background/index';
import { aliasLoad, KNOWLEDGE_LIMITS, knowledgeLimitError, type Pack, validatePack } from '@/src/core/pack';
import type { GlossDb } from '@/src/db/db';
import { freshHandlers } from './handler-fixtures';
import { bundledPack, smallPack } from './helpers';

/** A pack of `entities` places with `aliases` distinct aliases each (plus its name). */
function bigPack(id: string, entities: number, aliases: number, aliasLength = 8): Pack {
  const pad = (s: string) => s.padEnd(aliasLength, 'x');
  return {
    ...smallPack({ id, title: `Big ${id}` }),
    facts: [],
    entities: Array.from({ length: entities }, (_, i) => ({
      id: `e${i}`,
      name: pad(`${id} ${i}`),
      type: 'place' as const,
      aliases: Array.from({ length: aliases }, (_, j) => pad(`${id} ${i} ${j}`)),
    })),
  };
}

async function dump(db: GlossDb) {
  return { packs: await db.packs.toArray(), entities: await db.entities.count() };
}

describe('per-pack caps in validation', () => {
  it('refuses a pack with more names and aliases than any knowledge base holds, saying what to do', () => {
    // 401 entities × 501 names = 200,901 > 200,000.
    const result = validatePack(bigPack('huge', 401, 500));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: 'entities',
          message:
            'the pack has 200,901 names and aliases; Gloss holds at most 200,000 across all packs. Split the pack into smaller ones.',
        },
      ],
    });
  });

  it('refuses a pack whose names and aliases are too long together', () => {
    // 60 × 501 names of 300 characters = 9.0 M characters > 8 M, with only 30,060 names.
    const result = validatePack(bigPack('long', 60, 500, 300));
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      "the pack's names and aliases have 9,018,000 characters; Gloss holds at most 8,000,000 across all packs. Split the pack into smaller ones.",
    ]);
  });

  it('counts each distinct name once, labels included', () => {
    expect(
      aliasLoad([
        { name: 'Russia', aliases: ['Russia', 'RU'], labels: { de: ['Russland'], fr: ['Russie'] } },
      ]),
    ).toEqual({ aliases: 4, aliasCharacters: 6 + 2 + 8 + 6 });
  });
});

describe('knowledge-base caps on import and switch-on', () => {
  let db: GlossDb;
  let handlers: Handlers;
  beforeEach(() => {
    ({ db, handlers } = freshHandlers());
  });
  afterEach(() => db.close());

  it('refuses a pack that would take all enabled packs past the cap, before writing anything', async () => {
    // 280 × 501 = 140,280 names, then 130 × 501 = 65,130: together 205,410 > 200,000.
    expect(await handlers.importPack({ json: JSON.stringify(bigPack('a', 280, 500)) })).toMatchObject({
      ok: true,
    });
    const before = await dump(db);
    const result = await handlers.importPack({ json: JSON.stringify(bigPack('b', 130, 500)) });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: '$',
          message:
            '"Big b" has 65,130 names and aliases; with the 140,280 of your other enabled packs that is 205,410, and Gloss holds at most 200,000 across all packs. Disable or remove a pack, or split this one.',
        },
      ],
    });
    expect(await dump(db)).toEqual(before);

    // With the first pack switched off there is room; switching it back on is then refused.
    await handlers.setPackEnabled({ id: 'a', enabled: false });
    expect(await handlers.importPack({ json: JSON.stringify(bigPack('b', 130, 500)) })).toMatchObject({
      ok: true,
    });
    await expect(handlers.setPackEnabled({ id: 'a', enabled: true })).rejects.toThrow(
      /"Big a" has 140,280 names and aliases; .* Disable or remove a pack, or split this one\./,
    );
    expect((await db.packs.get('a'))?.enabled).toBe(false);
    // Replacing a pack counts its new copy instead of the old one, not both.
    expect(await handlers.importPack({ json: JSON.stringify(bigPack('b', 130, 500)) })).toMatchObject({
      ok: true,
      replaced: true,
    });
  }, 120_000);

  it('installs a bundled pack that does not fit switched off, instead of failing at every start', async () => {
    // 400 × 500 = 200,000 names leave no room for the bundled pack's.
    expect(await handlers.importPack({ json: JSON.stringify(bigPack('a', 400, 499)) })).toMatchObject({
      ok: true,
    });
    await installBundledPacks(db);
    expect((await db.packs.get('nato-ukraine-2024'))?.enabled).toBe(false);
    await expect(handlers.setPackEnabled({ id: 'nato-ukraine-2024', enabled: true })).rejects.toThrow(
      /Disable or remove a pack, or split this one\./,
    );
  }, 120_000);

  it('leaves room for the 135,000-city pack of `npm run pack:cities` beside the bundled one', () => {
    const cities = buildCitiesPack();
    expect(validatePack(cities)).toMatchObject({ ok: true });
    const load = aliasLoad(cities.entities);
    expect(load.aliases).toBeGreaterThan(130_000);
    expect(knowledgeLimitError('cities', load, aliasLoad(bundledPack().entities))).toBeUndefined();
    expect(load.aliases).toBeLessThan(KNOWLEDGE_LIMITS.aliases * 0.7);
  });
});
