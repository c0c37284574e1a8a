import { describe, expect, it } from 'vitest';
import { cyrillicForms, latinForms, matchNames } from '@/src/core/lang/names';
import { aliasLoad, entityNames } from '@/src/core/pack';

describe('matchNames: every name the matcher gets', () => {
  it('gives the name, the aliases and every label in every language, without repeats', () => {
    const names = matchNames({
      name: 'Germany',
      aliases: ['Federal Republic of Germany'],
      labels: {
        de: ['Deutschland'],
        hu: ['Németország'],
        fr: ['Allemagne'],
        nl: ['Duitsland', 'Deutschland'],
      },
    });
    expect(names.slice(0, 2)).toEqual(['Germany', 'Federal Republic of Germany']);
    expect(names).toEqual(expect.arrayContaining(['Deutschland', 'Németország', 'Allemagne', 'Duitsland']));
    expect(names.filter((n) => n === 'Deutschland')).toHaveLength(1);
  });

  it('adds the Latin forms of Cyrillic labels by their language (Столтенберг → Stoltenberg, Київ → Kyiv, Киев → Kiev)', () => {
    const kyiv = matchNames({ name: 'Київ', aliases: [], labels: { uk: ['Київ'], ru: ['Киев'] } });
    expect(kyiv).toEqual(expect.arrayContaining(['Kyiv', 'Kiev']));
    // The Russian table on a Ukrainian name leaves Cyrillic letters: not a Latin form.
    expect(kyiv).not.toContain('Kiїv');
    const jens = matchNames({ name: 'Jens Stoltenberg', aliases: [], labels: { ru: ['Столтенберг'] } });
    expect(jens).toContain('Stoltenberg');
  });

  it("adds Cyrillic forms of a person's Latin names when there is no label in ru or uk", () => {
    const names = matchNames({ name: 'Jens Stoltenberg', aliases: ['Stoltenberg'], type: 'person' });
    expect(names.slice(0, 2)).toEqual(['Jens Stoltenberg', 'Stoltenberg']);
    expect(names).toContain('Столтенберг');
    // A written label wins over a derived one; places keep their own names.
    expect(
      matchNames({ name: 'Stoltenberg', aliases: [], type: 'person', labels: { ru: ['Столтенберг'] } }),
    ).toEqual(['Stoltenberg', 'Столтенберг']);
    expect(
      matchNames({ name: 'Germany', aliases: [], type: 'place', labels: { de: ['Deutschland'] } }),
    ).toEqual(['Germany', 'Deutschland']);
    expect(cyrillicForms('Kiev')).toEqual(['Киев']);
    // Half-transliterated results are dropped.
    expect(cyrillicForms('Wiesbaden')).toEqual([]);
    expect(latinForms('Kyiv')).toEqual([]);
  });

  it('leaves a Latin-only entity without labels as it was (no growth against the caps)', () => {
    const city = { name: 'Wiesbaden', aliases: ['Visbaden'] };
    expect(matchNames(city)).toEqual(['Wiesbaden', 'Visbaden']);
    expect(aliasLoad([city])).toEqual({ aliases: 2, aliasCharacters: 17 });
  });

  it('is what entityNames returns, so the matcher, search and the caps all see the same names', () => {
    const entity = { name: 'Russia', aliases: [], labels: { ru: ['Россия'], pl: ['Rosja'] } };
    expect(entityNames(entity)).toEqual(matchNames(entity));
    expect(entityNames(entity)).toEqual(['Russia', 'Россия', 'Rosja', 'Rossiya']);
    expect(aliasLoad([entity]).aliases).toBe(4);
  });
});
