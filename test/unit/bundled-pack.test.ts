import { describe, expect, it } from 'vitest';
import { entityNames, validatePack } from '@/src/core/pack';
import { bundledPack, readArticle } from './helpers';

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

  it('dates its source 2024-06-14', () => {
    expect(pack.sources.map((s) => s.publishedAt)).toEqual(['2024-06-14']);
  });
});
