import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPack, LABEL_LANGUAGES, labelPack } from '@/scripts/pack-labels';
import { entityNames, validatePack } from '@/src/core/pack';
import { BUNDLED_PACK_PATH, bundledPack, readArticle } from './helpers';

describe('the bundled NATO pack', () => {
  const pack = bundledPack();
  const article = readArticle();

  it('is a valid pack', () => {
    const result = validatePack(pack);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('quotes the article verbatim in every fact', () => {
    const missing = pack.facts.filter((fact) => !article.includes(fact.quote)).map((fact) => fact.id);
    expect(missing).toEqual([]);
  });

  it('gives every entity at least one fact', () => {
    const withFacts = new Set(pack.facts.map((fact) => fact.entityId));
    expect(pack.entities.filter((entity) => !withFacts.has(entity.id)).map((e) => e.id)).toEqual([]);
  });

  it('covers the entities the article names, by the names a reader uses', () => {
    const names = new Map(
      pack.entities.flatMap((e) => entityNames(e).map((n) => [n.toLowerCase(), e.type] as const)),
    );
    const expected: Array<[string, string]> = [
      ['NATO', 'organization'],
      ['Alliance', 'organization'],
      ['Jens Stoltenberg', 'person'],
      ['Ukraine', 'place'],
      ['Kyiv', 'place'],
      ['Ukrainian Armed Forces', 'organization'],
      ['Brussels', 'place'],
      ['Wiesbaden', 'place'],
      ['Germany', 'place'],
      ['United States', 'place'],
      ['Hungary', 'place'],
      ['Viktor Orbán', 'person'],
      ['Orban', 'person'],
      ['Russia', 'place'],
      ['Washington Summit', 'event'],
      ['Reuters', 'organization'],
      ['AP', 'organization'],
      ['Foreign Policy', 'organization'],
    ];
    for (const [name, type] of expected) expect(names.get(name.toLowerCase()), name).toBe(type);
  });

  it('has no alias loose enough to light up unrelated text', () => {
    const loose = [
      'washington',
      'summit',
      'plan',
      'military',
      'allies',
      'jens',
      'viktor',
      'the alliance',
      'support',
    ];
    const all = pack.entities.flatMap((e) => entityNames(e).map((n) => n.toLowerCase()));
    expect(all.filter((name) => loose.includes(name))).toEqual([]);
    // "Foreign Policy" and "Alliance" are ordinary words in lower case: they must match only as written.
    const exact = pack.entities.filter((e) =>
      entityNames(e).some((n) => ['Foreign Policy', 'Alliance'].includes(n)),
    );
    expect(exact.every((e) => e.caseSensitive)).toBe(true);
  });

  it('names every entity in the twelve languages of issue 14', () => {
    const missing = pack.entities.flatMap((entity) =>
      LABEL_LANGUAGES.filter((lang) => !entity.labels?.[lang]?.length).map((lang) => `${entity.id}:${lang}`),
    );
    expect(missing).toEqual([]);
  });

  it('links its countries by ISO 3166 code and names them from the data package', () => {
    const codes = Object.fromEntries(pack.entities.map((e) => [e.id, e.sameAs]));
    expect(codes).toMatchObject({
      germany: ['iso3166:DE'],
      hungary: ['iso3166:HU'],
      russia: ['iso3166:RU'],
      ukraine: ['iso3166:UA'],
      'united-states': ['iso3166:US'],
    });
    const names = (id: string) =>
      entityNames(pack.entities.find((e) => e.id === id) ?? { name: '', aliases: [] });
    expect(names('germany')).toEqual(expect.arrayContaining(['Deutschland', 'Niemcy', 'Németország']));
    expect(names('hungary')).toEqual(expect.arrayContaining(['Ungarn', 'Węgry', 'Magyarország']));
    expect(names('russia')).toEqual(expect.arrayContaining(['Россия', 'Rosja', 'Rossiya']));
    expect(names('united-states')).toEqual(expect.arrayContaining(['США', 'Vereinigte Staaten']));
    expect(names('kyiv')).toEqual(expect.arrayContaining(['Київ', 'Киев', 'Kyiv', 'Kiev', 'Kijów']));
    expect(names('jens-stoltenberg')).toEqual(expect.arrayContaining(['Столтенберг', 'Stoltenberg']));
    expect(names('nato')).toEqual(expect.arrayContaining(['OTAN', 'НАТО', 'NAVO']));
  });

  it('is what npm run pack:labels writes, at a revision that upgrades installed copies', () => {
    expect(formatPack(labelPack(pack))).toBe(readFileSync(BUNDLED_PACK_PATH, 'utf8'));
    expect(pack.pack.version).toBeGreaterThanOrEqual(2);
  });

  it('dates its source 2024-06-14', () => {
    expect(pack.sources.map((s) => s.publishedAt)).toEqual(['2024-06-14']);
  });
});
