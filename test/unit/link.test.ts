// Linking rules (issue 13): each fixture in test/fixtures/linking carries an incoming entity, the
// identities already known, and the decision expected, with the reason in its "why".
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkKey } from '@/src/core/graph/equivalents';
import {
  type Identity,
  type IncomingEntity,
  type LinkDecision,
  LinkIndex,
  linkEntities,
} from '@/src/core/graph/link';
import { nameKey } from '@/src/core/graph/names';

const DIR = new URL('../fixtures/linking/', import.meta.url);
interface Fixture {
  why: string;
  input: IncomingEntity;
  existing: Identity[];
  expected: LinkDecision;
}
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as Fixture] as const);

describe('linking rules (test/fixtures/linking)', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(20));
  it.each(fixtures)('%s', (_file, { input, existing, expected }) => {
    expect(new LinkIndex(existing).decide(input)).toEqual(expected);
  });
});

describe('name keys', () => {
  it('fold case, accents, abbreviation dots and a leading "the"', () => {
    expect(nameKey('The U.S.')).toBe('us');
    expect(nameKey('Côte d’Ivoire')).toBe('cote d ivoire');
    expect(nameKey('Guinea-Bissau')).toBe('guinea bissau');
    expect(nameKey('St. Louis')).toBe('st louis');
  });

  it('put the short forms of the equivalence table in one class', () => {
    const us = ['US', 'U.S.', 'United States', 'United States of America', 'the United States'].map(linkKey);
    expect(new Set(us).size).toBe(1);
    expect(linkKey('America')).not.toBe(us[0]);
    expect(linkKey("Côte d'Ivoire")).toBe(linkKey('Ivory Coast'));
  });
});

describe('LinkIndex', () => {
  it('links later entities of a pack to identities added while linking it', () => {
    const index = new LinkIndex([{ id: 'ru', name: 'Russia', type: 'place', aliases: [] }]);
    const decisions = linkEntities(index, [
      { name: 'Russian Federation', type: 'place', aliases: [] },
      { name: 'Moscow', type: 'place', aliases: [] },
    ]);
    expect(decisions).toEqual([{ kind: 'link', identityId: 'ru', rule: 'same-name' }, { kind: 'new' }]);
    index.add({ id: 'msk', name: 'Moscow', type: 'place', aliases: ['Moskva'] });
    expect(index.decide({ name: 'Moskva', type: 'place', aliases: [] })).toEqual({
      kind: 'link',
      identityId: 'msk',
      rule: 'same-name',
    });
    expect(index.size).toBe(2);
  });

  it('proposes at most five identities', () => {
    const index = new LinkIndex(
      Array.from({ length: 8 }, (_, i) => ({
        id: `s${i}`,
        name: `Person ${i} Smith`,
        type: 'person' as const,
        aliases: [],
      })),
    );
    const decision = index.decide({ name: 'Smith', type: 'person', aliases: [] });
    expect(decision.kind === 'propose' && decision.candidates.length).toBe(5);
  });
});
