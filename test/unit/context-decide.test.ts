// The scorer's rules one by one (issue 15), on the ambiguity set's knowledge: words near a
// mention, the page and block, ordinary words, longer names, and the reader's corrections.
import { describe, expect, it } from 'vitest';
import { decide } from '@/src/core/context/decide';
import { firstDecision } from '@/src/core/context/needs';
import { isOrdinary } from '@/src/core/context/own-words';
import { mentionContext } from '@/src/core/context/page';
import type { Correction } from '@/src/core/context/types';
import { loadKnowledge, loadPages } from './context-fixture';

const { profiles, matcher } = loadKnowledge();
const WASHINGTON = ['wa-city', 'wa-state', 'us-gov', 'george-washington', 'wa-wizards'];

/** Decides the first `word` in `text`, with these sure identities on the page. */
function decideIn(
  text: string,
  word: string,
  candidates: string[],
  { page = {}, corrections = [] as Correction[], site = 'news.example', lang = 'en' } = {},
) {
  const start = text.indexOf(word);
  const context = mentionContext(text, start, start + word.length, candidates, {
    block: {},
    page,
    site,
    lang,
  });
  return decide(profiles, context, { ordinary: isOrdinary, corrections });
}

const correction = (over: Partial<Correction>): Correction => ({
  id: 'c:1',
  alias: 'washington',
  right: null,
  scope: 'everywhere',
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

describe('decide', () => {
  it('reads the words near a mention: Seattle and Tacoma are the state, points the team', () => {
    const state = decideIn(
      'Seattle and Tacoma, the largest cities in Washington, raised the minimum wage.',
      'Washington',
      WASHINGTON,
    );
    expect(state.kind).toBe('mark');
    expect(state.ranked[0]?.id).toBe('wa-state');
    expect(state.reasons).toContainEqual({
      kind: 'word',
      items: expect.arrayContaining(['seattle', 'tacoma']),
    });
    const team = decideIn(
      'Kuzma scored 31 points as Washington beat Boston at home.',
      'Washington',
      WASHINGTON,
    );
    expect(team.ranked[0]?.id).toBe('wa-wizards');
  });

  it('asks "Which one?" when nothing tells the candidates apart', () => {
    const d = decideIn('We talked about Washington.', 'Washington', WASHINGTON);
    expect(d.kind).toBe('ambiguous');
    expect(d.ranked).toHaveLength(5);
  });

  it('needs evidence for an ordinary word at a sentence start, and takes it from the page', () => {
    const text = 'Alliance building takes time, the coach said.';
    expect(decideIn(text, 'Alliance', ['nato']).kind).toBe('none');
    const onNatoPage = decideIn(text, 'Alliance', ['nato'], { page: { nato: 3, stoltenberg: 1 } });
    expect(onNatoPage.kind).toBe('mark');
    expect(onNatoPage.reasons).toContainEqual({ kind: 'page', items: ['NATO', 'Jens Stoltenberg'] });
  });

  it('does not mark a name that runs into an unknown capitalised word, or an ordinary word in lower case', () => {
    expect(decideIn('The Washington Capitals won again.', 'Washington', ['wa-city']).kind).toBe('none');
    expect(decideIn('Martha Washington outlived him.', 'Washington', ['wa-city']).kind).toBe('none');
    expect(
      decideIn('A new alliance of parties formed.', 'alliance', ['nato'], { page: { nato: 5 } }).kind,
    ).toBe('none');
    // A title after the name is no longer name.
    expect(decideIn('Washington Governor Bob Ferguson spoke.', 'Washington', ['wa-state']).kind).toBe('mark');
  });

  it('applies the reader’s corrections: in a similar context, on a site, everywhere', () => {
    const text = 'Kuzma scored 31 points as Washington beat Boston at home.';
    const nothing = decideIn(text, 'Washington', ['wa-city'], { corrections: [correction({})] });
    expect(nothing).toEqual({
      kind: 'none',
      ranked: [],
      reasons: [{ kind: 'correction', items: ['everywhere'] }],
    });
    const onSite = correction({ scope: 'site', site: 'scores.example', right: 'wa-wizards' });
    expect(decideIn(text, 'Washington', ['wa-city'], { corrections: [onSite] }).reasons).not.toContainEqual(
      expect.objectContaining({ kind: 'correction' }),
    );
    expect(
      decideIn(text, 'Washington', ['wa-city'], { corrections: [onSite], site: 'scores.example' }).ranked[0]
        ?.id,
    ).toBe('wa-wizards');
    const inContext = correction({
      scope: 'context',
      cues: ['scored', 'points', 'boston'],
      right: 'wa-wizards',
    });
    expect(decideIn(text, 'Washington', WASHINGTON, { corrections: [inContext] }).ranked[0]).toEqual({
      id: 'wa-wizards',
      score: 1,
    });
    const elsewhere = decideIn('Protesters marched in Washington.', 'Washington', WASHINGTON, {
      corrections: [inContext],
    });
    expect(elsewhere.ranked[0]?.id).toBe('wa-city');
    // Undone: a tombstone, never applied.
    const undone = correction({ deletedAt: 2 });
    expect(decideIn(text, 'Washington', ['wa-city'], { corrections: [undone] }).reasons).not.toContainEqual(
      expect.objectContaining({ kind: 'correction' }),
    );
  });
});

describe('firstDecision', () => {
  const needs = (
    text: string,
    word: string,
    candidates: string[],
    { corrected = new Set<string>(), lang = 'en', onPage = false } = {},
  ) => {
    const start = text.indexOf(word);
    return firstDecision(text, start, start + word.length, candidates, corrected, lang, () => onPage);
  };

  it('marks a plain name at once, and holds back the ones the scorer must decide', () => {
    expect(needs('Talks in Brussels went on.', 'Brussels', ['brussels'])).toBe('mark');
    expect(needs('Talks in Washington went on.', 'Washington', WASHINGTON)).toBe('context');
    expect(
      needs('Talks in Brussels went on.', 'Brussels', ['brussels'], { corrected: new Set(['brussels']) }),
    ).toBe('context');
  });

  it('decides a name of one entity from its own words, as the scorer would without a profile', () => {
    // A sentence start that is no ordinary word: marked at once, in any language.
    expect(needs('Stoltenberg said so.', 'Stoltenberg', ['stoltenberg'])).toBe('mark');
    expect(needs('Ungarns Regierung. Orbán sagte.', 'Orbán', ['orban'], { lang: 'de' })).toBe('mark');
    // An ordinary word at a sentence start, in lower case, or part of a longer name: unmarked.
    expect(needs('Alliance members agreed.', 'Alliance', ['nato'])).toBe('none');
    expect(needs('The sales rose.', 'sales', ['sales-inc'])).toBe('none');
    expect(needs('He flew Star Alliance today.', 'Alliance', ['nato'])).toBe('none');
    expect(needs('The Washington Post reported.', 'Washington', ['wa-city'])).toBe('none');
    // "The Alliance" (after a capitalised word): the word, unless the page already marks what it names.
    expect(needs('The Alliance met.', 'Alliance', ['nato'])).toBe('context');
    expect(needs('The Alliance met.', 'Alliance', ['nato'], { onPage: true })).toBe('mark');
    // Amid a sentence, with nothing capitalised next to it, a name is plain, an ordinary word or not.
    expect(needs('Talks in Turkey went on.', 'Turkey', ['turkey'])).toBe('mark');
  });

  it("gives the scorer's answer on every name of the ambiguity set it decides, as a name of one entity", () => {
    const kinds = { mark: 0, none: 0 };
    for (const page of loadPages())
      for (const block of page.blocks)
        for (const m of matcher.findAll(block.text))
          for (const onPage of [false, true]) {
            const id = m.entityIds[0] as string;
            const need = firstDecision(block.text, m.start, m.end, [id], new Set(), page.lang, () => onPage);
            if (need === 'context') continue;
            const context = mentionContext(block.text, m.start, m.end, [id], {
              block: {},
              page: onPage ? { [id]: 1 } : {},
              site: page.site,
              lang: page.lang,
            });
            const scored = decide(new Map(), context, { ordinary: isOrdinary, corrections: [] });
            expect(scored.kind, `${page.name}: ${block.text.slice(m.start - 20, m.end + 20)}`).toBe(need);
            kinds[need]++;
          }
    // Both answers occur, so the comparison says something.
    expect(kinds.mark).toBeGreaterThan(50);
    expect(kinds.none).toBeGreaterThan(5);
  });
});
