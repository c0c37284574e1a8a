import { describe, expect, it } from 'vitest';
import { validatePack } from '@/src/core/pack';
import {
  addCandidate,
  candidatesOf,
  mergeCandidates,
  packFromCandidates,
  parseAliases,
  sentencesNaming,
} from '@/src/core/review';
import { smallPack } from './helpers';

const TEXT =
  'Jens Stoltenberg spoke in Brussels. The plan was approved. Later, Stoltenberg met Orban. Stoltenbergs are not him.';

describe('review candidates', () => {
  const draft = smallPack();
  const candidates = candidatesOf(draft);

  it('turns the draft pack into candidates with their facts', () => {
    expect(candidates.map((c) => c.name)).toEqual(draft.entities.map((e) => e.name));
    expect(candidates[0]?.facts.length).toBe(
      draft.facts.filter((f) => f.entityId === draft.entities[0]?.id).length,
    );
    expect(candidates.every((c) => c.keep)).toBe(true);
  });

  it('gives back the same pack when nothing was changed', () => {
    const pack = packFromCandidates(draft, candidates);
    expect(validatePack(pack).ok).toBe(true);
    expect(pack.entities.map((e) => e.id)).toEqual(draft.entities.map((e) => e.id));
    expect(pack.facts.map((f) => f.quote)).toEqual(
      draft.entities.flatMap((e) => draft.facts.filter((f) => f.entityId === e.id).map((f) => f.quote)),
    );
  });

  it('leaves dropped candidates and their facts out', () => {
    const [first, ...rest] = candidates;
    if (!first) throw new Error('no candidates');
    const pack = packFromCandidates(draft, [{ ...first, keep: false }, ...rest]);
    expect(pack.entities.map((e) => e.id)).not.toContain(first.id);
    expect(pack.facts.some((f) => f.entityId === first.id)).toBe(false);
  });

  it('merges one candidate into another: names become aliases, facts combine', () => {
    const list = [
      {
        id: 'a',
        name: 'Jens Stoltenberg',
        type: 'person' as const,
        aliases: [],
        facts: [{ text: 'x', quote: 'q1' }],
        keep: true,
      },
      {
        id: 'b',
        name: 'Stoltenberg',
        type: 'other' as const,
        aliases: ['J. S.'],
        facts: [
          { text: 'y', quote: 'q2' },
          { text: 'x', quote: 'q1' },
        ],
        keep: true,
      },
    ];
    const merged = mergeCandidates(list, 'b', 'a');
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: 'a', aliases: ['Stoltenberg', 'J. S.'], type: 'person' });
    expect(merged[0]?.facts.map((f) => f.quote)).toEqual(['q1', 'q2']);
  });

  it("adds an entity whose facts are the article's sentences naming it as a word", () => {
    expect(sentencesNaming(TEXT, 'stoltenberg')).toEqual([
      'Jens Stoltenberg spoke in Brussels.',
      'Later, Stoltenberg met Orban.',
    ]);
    const added = addCandidate([], 'Brussels', 'place', TEXT);
    expect(added[0]).toMatchObject({
      id: 'brussels',
      name: 'Brussels',
      facts: [{ quote: 'Jens Stoltenberg spoke in Brussels.' }],
    });
    expect(addCandidate(added, 'Brussels', 'place', TEXT)[1]?.id).toBe('brussels-2');
  });

  it('reads aliases from a comma-separated list', () => {
    expect(parseAliases(' NATO , the Alliance,,NATO ')).toEqual(['NATO', 'the Alliance']);
  });
});
