import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCountriesPack, COUNTRIES_PACK_ID, COUNTRIES_PACK_PATH } from '@/scripts/pack-countries';
import { formatPack, LABEL_LANGUAGES } from '@/scripts/pack-labels';
import { createHandlers, type Handlers } from '@/src/background/handlers';
import { installBundledPacks } from '@/src/background/index';
import { matcherAliases } from '@/src/background/knowledge';
import { type Pack, validatePack } from '@/src/core/pack';
import type { GlossDb } from '@/src/db/db';
import { freshDb } from './helpers';

const committed = readFileSync(COUNTRIES_PACK_PATH, 'utf8');
const pack: Pack = JSON.parse(committed);

describe('the bundled "Countries of the world" pack', () => {
  it('is exactly what npm run pack:countries writes', () => {
    expect(committed).toBe(formatPack(buildCountriesPack()));
  });

  it('is valid, and has every country named in the twelve languages with its ISO 3166 code', () => {
    const result = validatePack(pack);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(pack.entities.length).toBeGreaterThanOrEqual(240);
    const missing = pack.entities.flatMap((e) =>
      LABEL_LANGUAGES.filter((lang) => !e.labels?.[lang]?.length).map((lang) => `${e.id}:${lang}`),
    );
    expect(missing).toEqual([]);
    expect(pack.entities.every((e) => e.sameAs?.[0] === `iso3166:${e.id.toUpperCase()}`)).toBe(true);
    const germany = pack.entities.find((e) => e.id === 'de');
    expect(germany?.labels?.de).toContain('Deutschland');
    expect(pack.entities.find((e) => e.id === 'hu')?.labels?.de).toContain('Ungarn');
  });

  it('cites the dataset and its version, with the dataset row as the quote', () => {
    expect(pack.sources).toEqual([
      expect.objectContaining({ id: 'world-countries-5.1.0', title: 'world-countries 5.1.0 (dataset)' }),
    ]);
    const capital = pack.facts.find((f) => f.id === 'de-capital');
    expect(capital?.text).toBe('Capital: Berlin.');
    expect(JSON.parse(capital?.quote ?? '{}')).toMatchObject({
      cca2: 'DE',
      capital: ['Berlin'],
      region: 'Europe',
    });
    expect(pack.facts.find((f) => f.id === 'de-region')?.text).toBe('Region: Western Europe (Europe).');
  });
});

describe('installing it', () => {
  let db: GlossDb;
  let handlers: Handlers;
  beforeEach(() => {
    db = freshDb();
    handlers = createHandlers(db);
  });
  afterEach(() => db.close());

  it('is installed switched off, and the switch puts its names in the matcher', async () => {
    await installBundledPacks(db, { alsoOff: true });
    expect(await db.packs.get(COUNTRIES_PACK_ID)).toMatchObject({ enabled: false, bundled: true });
    // The matcher marks identities: Hungary's names are keyed by the identity its entity is linked to.
    const identityOf = async (id: string) => (await db.links.get(`${COUNTRIES_PACK_ID}/${id}`))?.identityId;
    // Austria is only in this pack; Hungary is in the NATO pack too, linked to the same identity by
    // its ISO code, so its names are there already, but not this pack's case-sensitive ones.
    const austria = await identityOf('at');
    const hungary = await identityOf('hu');
    expect(austria).toMatch(/^i:/);
    expect(hungary).toMatch(/^i:/);
    const before = (await matcherAliases(db)).aliases;
    expect(before.some((a) => a.entityId === austria)).toBe(false);
    expect(before.some((a) => a.entityId === hungary && a.caseSensitive)).toBe(false);

    await handlers.setPackEnabled({ id: COUNTRIES_PACK_ID, enabled: true });
    const { aliases } = await matcherAliases(db);
    // Labels come tagged with their language (their inflected forms count only in text of it).
    expect(aliases).toContainEqual({ alias: 'Ungarn', entityId: hungary, lang: 'de', caseSensitive: true });
    expect(aliases).toContainEqual({
      alias: 'Österreich',
      entityId: austria,
      lang: 'de',
      caseSensitive: true,
    });
    expect(aliases).toContainEqual({
      alias: 'Deutschland',
      entityId: await identityOf('de'),
      lang: 'de',
      caseSensitive: true,
    });

    // An update keeps the user's choice.
    await installBundledPacks(db, { alsoOff: true });
    expect((await db.packs.get(COUNTRIES_PACK_ID))?.enabled).toBe(true);
  });
});
