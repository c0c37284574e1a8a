import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AliasEntry, createMatcher, reviveMatcher } from '../../src/core/matcher';
import { referenceFindAll, refFoldText } from './matcher-reference';

const WORDS = [
  'nato',
  'NATO',
  'Nato',
  'us',
  'US',
  'Us',
  'ap',
  'AP',
  'Orban',
  'Orbán',
  'Orba\u0301n',
  'ORBÁN',
  'Kyiv',
  'Russia',
  'Russian',
  'ss',
  'SS',
  'ß',
  'straße',
  'Strasse',
  'a',
  'b',
  'ab',
  'abc',
  'the',
  'Zu\u0308rich',
  'Σίσυφος',
  'ΣΊΣΥΦΟΣ',
  'σ',
  'ς',
  'İstanbul',
  'istanbul',
  'ı',
  'I',
  'i',
  'ﬁ',
  'ǅ',
  'ᾳ',
  'α\u0345',
  '1',
  '2024',
  '東京',
  '都',
  'トヨタ',
  'ไทย',
  '한국',
  'Москва',
];
const SEPARATORS = [
  ' ',
  '  ',
  '\u00a0',
  '\u2009',
  '\n',
  '\t',
  '’',
  "'",
  'ʼ',
  '-',
  '—',
  '\u2212',
  '\u00ad',
  '\u200b',
  '.',
  ',',
  '(',
];
const ODD = ['\ud800', '\udc00', '\ud83d', '😀', '𝐊', 'e\u0301', '\u0301', '\u0308'];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 5, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);
const textArb = fc.array(token, { maxLength: 24 }).map((t) => t.join(''));

/** Aliases partly cut from the text itself so that matches actually happen. */
const caseArb = fc.oneof(fc.constant(undefined), fc.boolean());
function aliasesFor(text: string): fc.Arbitrary<AliasEntry[]> {
  const fromText = fc
    .tuple(fc.nat(text.length), fc.integer({ min: 1, max: 14 }))
    .map(([i, len]) => text.slice(i, i + len));
  const alias = fc.oneof(
    fromText,
    fc.constantFrom(...WORDS),
    fc.array(fc.constantFrom(...WORDS, ' '), { minLength: 1, maxLength: 3 }).map((w) => w.join('')),
  );
  const entry = fc.record({
    alias,
    entityId: fc.constantFrom('e1', 'e2', 'e3'),
    caseSensitive: caseArb,
  });
  return fc
    .array(entry, { maxLength: 8 })
    .map((es) =>
      es
        .filter((e) => refFoldText(e.alias, true) !== '')
        .map((e) => (e.caseSensitive === undefined ? { alias: e.alias, entityId: e.entityId } : e)),
    );
}

const scenario = textArb.chain((text) => aliasesFor(text).map((aliases) => ({ text, aliases })));

/**
 * Dense-table limits: the default (every state of these small sets is dense), 0 (every state
 * takes the sparse rule, as the deep states of large packs do) and 2 (the two mixed).
 */
const LIMITS = [
  { name: 'default dense limit', options: {} },
  { name: 'every state sparse', options: { denseStates: 0 } },
  { name: 'two dense states', options: { denseStates: 2 } },
];

describe.each(LIMITS)('findAll agrees with the reference implementation ($name)', ({ options }) => {
  it('on random Unicode texts and alias sets', () => {
    fc.assert(
      fc.property(scenario, ({ text, aliases }) => {
        const got = createMatcher(aliases, options).findAll(text);
        expect(got).toEqual(referenceFindAll(aliases, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('and so do its serialised forms, revived', () => {
    fc.assert(
      fc.property(scenario, ({ text, aliases }) => {
        const m = createMatcher(aliases, options);
        const expected = referenceFindAll(aliases, text);
        expect(reviveMatcher(m.serialize(), options).findAll(text)).toEqual(expected);
        const json = JSON.parse(JSON.stringify(m.toJSON()));
        expect(reviveMatcher(json, options).findAll(text)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('findAll on random input', () => {
  it('produces matches often enough to be meaningful', () => {
    let withMatches = 0;
    fc.assert(
      fc.property(scenario, ({ text, aliases }) => {
        if (referenceFindAll(aliases, text).length > 0) withMatches++;
      }),
      { numRuns: 300 },
    );
    expect(withMatches).toBeGreaterThan(60);
  });

  it('rejects exactly the aliases that fold to nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SEPARATORS, '\u0301', '\ufeff', 'x'), { maxLength: 4 }),
        (parts) => {
          const alias = parts.join('');
          const blank = refFoldText(alias, true) === '';
          const build = () => createMatcher([{ alias, entityId: 'e' }]);
          if (blank) expect(build).toThrow(/blank alias/);
          else expect(build).not.toThrow();
        },
      ),
    );
  });
});
