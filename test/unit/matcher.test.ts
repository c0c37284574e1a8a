import { describe, expect, it } from 'vitest';
import { type AliasEntry, createMatcher, reviveMatcher } from '../../src/core/matcher';

/** Matched substrings of `text`, in order. */
function found(aliases: AliasEntry[] | string[], text: string): string[] {
  const entries = aliases.map((a) => (typeof a === 'string' ? { alias: a, entityId: a } : a));
  return createMatcher(entries)
    .findAll(text)
    .map((m) => text.slice(m.start, m.end));
}

describe('createMatcher / findAll basics', () => {
  it('returns UTF-16 offsets into the original text, end exclusive, in text order', () => {
    const text = '😀 NATO met in Kyiv.';
    const m = createMatcher([
      { alias: 'Kyiv', entityId: 'kyiv' },
      { alias: 'NATO', entityId: 'nato' },
    ]);
    expect(m.findAll(text)).toEqual([
      { start: 3, end: 7, entityIds: ['nato'] },
      { start: 15, end: 19, entityIds: ['kyiv'] },
    ]);
    expect(m.size).toBe(2);
  });

  it('finds nothing with no aliases or no text', () => {
    expect(createMatcher([]).findAll('anything at all')).toEqual([]);
    expect(createMatcher([{ alias: 'x', entityId: 'x' }]).findAll('')).toEqual([]);
  });

  it('finds every occurrence', () => {
    expect(found(['Kyiv'], 'Kyiv, Kyiv and Kyiv')).toEqual(['Kyiv', 'Kyiv', 'Kyiv']);
  });
});

describe('case', () => {
  it('is insensitive by default', () => {
    expect(found(['Brussels'], 'BRUSSELS brussels BrUsSeLs')).toEqual(['BRUSSELS', 'brussels', 'BrUsSeLs']);
  });

  it('uses full case folding: ß ~ ss, final sigma, Turkish I', () => {
    expect(found(['Straße'], 'STRASSE strasse Straße')).toEqual(['STRASSE', 'strasse', 'Straße']);
    expect(found(['Strasse'], 'Straße')).toEqual(['Straße']);
    expect(found(['Σίσυφος'], 'ΣΊΣΥΦΟΣ σίσυφοσ')).toEqual(['ΣΊΣΥΦΟΣ', 'σίσυφοσ']);
    expect(found(['İstanbul'], 'istanbul ISTANBUL İSTANBUL')).toEqual(['istanbul', 'ISTANBUL', 'İSTANBUL']);
    expect(found(['Diyarbakır'], 'DIYARBAKIR Diyarbakir')).toEqual(['DIYARBAKIR', 'Diyarbakir']);
  });

  it('never matches part of a character that folds to several (ß → ss)', () => {
    expect(found(['Stra'], 'Straße')).toEqual([]);
    expect(found(['s'], 'ß s')).toEqual(['s']);
  });

  it('caseSensitive aliases match only the exact case', () => {
    const aliases = [{ alias: 'Bill', entityId: 'bill', caseSensitive: true }];
    expect(found(aliases, 'bill Bill BILL')).toEqual(['Bill']);
  });

  it('caseSensitive aliases still follow the typography and diacritic rules', () => {
    const aliases = [{ alias: 'Le Pen', entityId: 'lp', caseSensitive: true }];
    expect(found(aliases, 'Le\u00a0Pen le pen')).toEqual(['Le\u00a0Pen']);
    expect(found([{ alias: 'Orbán', entityId: 'o', caseSensitive: true }], 'Orban ORBAN')).toEqual(['Orban']);
  });

  it('3–5 letter acronyms match all caps and Title case, not lower case', () => {
    expect(found(['NATO'], 'NATO Nato nato NaTo')).toEqual(['NATO', 'Nato']);
    expect(found(['UNHCR'], 'UNHCR Unhcr unhcr')).toEqual(['UNHCR', 'Unhcr']);
  });

  it('two-letter acronyms match only exactly', () => {
    expect(found(['AP', 'US'], 'AP ap Ap US us Us')).toEqual(['AP', 'US']);
  });

  it('does not treat mixed-case or longer capitals as acronyms', () => {
    expect(found(['UNESCO'], 'unesco')).toEqual(['unesco']);
    expect(found(['Kyiv'], 'KYIV kyiv')).toEqual(['KYIV', 'kyiv']);
  });
});

describe('diacritics', () => {
  it('Orban finds Orbán and the reverse', () => {
    expect(found(['Orban'], 'Orbán')).toEqual(['Orbán']);
    expect(found(['Orbán'], 'Orban')).toEqual(['Orban']);
  });

  it('matches composed and decomposed text alike', () => {
    const nfd = 'Orba\u0301n';
    expect(found(['Orbán'], nfd)).toEqual([nfd]);
    expect(found([nfd], 'Orbán')).toEqual(['Orbán']);
    expect(found(['Zürich'], 'Zu\u0308rich')).toEqual(['Zu\u0308rich']);
  });

  it('includes combining marks that follow the last letter', () => {
    const text = 'Jose\u0301 said';
    expect(found(['Jose'], text)).toEqual(['Jose\u0301']);
  });

  it('keeps marks that change the letter in scripts that need them', () => {
    // Devanagari virama and Japanese dakuten are significant.
    expect(found(['कष'], 'क्ष')).toEqual([]);
    expect(found(['カ'], 'ガ')).toEqual([]);
  });
});

describe('typography', () => {
  it('any run of white space matches one space', () => {
    const text = 'Jens\u00a0Stoltenberg, Jens\u2009Stoltenberg, Jens\n  Stoltenberg, Jens\tStoltenberg';
    expect(found(['Jens Stoltenberg'], text)).toHaveLength(4);
    expect(found(['Jens   Stoltenberg'], 'Jens Stoltenberg')).toEqual(['Jens Stoltenberg']);
  });

  it('treats apostrophe variants as one', () => {
    const text = "O’Brien O'Brien O‘Brien OʼBrien";
    expect(found(["O'Brien"], text)).toHaveLength(4);
    expect(found(['O’Brien'], text)).toHaveLength(4);
  });

  it('treats hyphen and dash variants as one', () => {
    const dashes = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212'];
    const text = dashes.map((d) => `Port${d}au${d}Prince`).join(' ');
    expect(found(['Port-au-Prince'], text)).toHaveLength(dashes.length);
  });

  it('ignores soft hyphens and zero-width characters inside a word', () => {
    for (const z of ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      const text = `Stol${z}tenberg`;
      expect(found(['Stoltenberg'], text)).toEqual([text]);
    }
  });
});

describe('whole words', () => {
  it('does not match inside a longer word', () => {
    expect(found(['Russia'], 'Russian Belarussia Russia')).toEqual(['Russia']);
    expect(found(['Kyiv'], 'Kyivan')).toEqual([]);
  });

  it('matches before an apostrophe or a hyphen', () => {
    expect(found(['Stoltenberg'], 'Stoltenberg’s plan')).toEqual(['Stoltenberg']);
    expect(found(['Kyiv'], 'a Kyiv-based group')).toEqual(['Kyiv']);
  });

  it('applies to every script and to digits', () => {
    expect(found(['Москва'], 'Москвы Москва')).toEqual(['Москва']);
    expect(found(['G7'], 'G77 G7')).toEqual(['G7']);
    expect(found(['7'], 'x7 7')).toEqual(['7']);
  });

  it('sees through invisible characters at the edges', () => {
    expect(found(['Russia'], 'Russia\u00adn')).toEqual([]);
    expect(found(['Russia'], 'Russia\u200bn')).toEqual([]);
    expect(found(['Orba'], 'Orba\u0301n')).toEqual([]);
  });

  it('needs no word boundary in scripts written without spaces', () => {
    expect(found(['東京'], '東京都に住む')).toEqual(['東京']);
    expect(found(['トヨタ'], 'トヨタ自動車')).toEqual(['トヨタ']);
    expect(found(['ไทย'], 'ประเทศไทยสวย')).toEqual(['ไทย']);
    expect(found(['Tokyo'], '東京Tokyo都')).toEqual(['Tokyo']);
  });
});

describe('overlaps', () => {
  it('prefers the longest match at the leftmost start', () => {
    expect(found(['Washington', 'Washington Summit'], 'the Washington Summit')).toEqual([
      'Washington Summit',
    ]);
    expect(found(['Stoltenberg', 'Jens Stoltenberg'], 'Jens Stoltenberg')).toEqual(['Jens Stoltenberg']);
  });

  it('prefers the leftmost start over a longer later match', () => {
    expect(found(['New York', 'York City Hall'], 'New York City Hall')).toEqual(['New York']);
  });

  it('returns non-overlapping mentions in text order', () => {
    const aliases = ['a b', 'b c', 'c', 'd'];
    expect(found(aliases, 'a b c d')).toEqual(['a b', 'c', 'd']);
  });

  it('chooses among candidates that pass the boundary and case checks', () => {
    // The longer "Kyiv Oblast" would end inside "Oblasts".
    expect(found(['Kyiv', 'Kyiv Oblast'], 'Kyiv Oblasts')).toEqual(['Kyiv']);
    // The longer case-sensitive "NATO Summit" fails the case check.
    const aliases = [
      { alias: 'Nato', entityId: 'nato' },
      { alias: 'NATO Summit', entityId: 'summit', caseSensitive: true },
    ];
    expect(found(aliases, 'NATO summit')).toEqual(['NATO']);
    expect(found(aliases, 'NATO Summit')).toEqual(['NATO Summit']);
  });
});

describe('entity ids', () => {
  it('lists every entity owning an ambiguous alias, in alias order, without duplicates', () => {
    const m = createMatcher([
      { alias: 'Paris', entityId: 'paris-tx' },
      { alias: 'Paris', entityId: 'paris-fr' },
      { alias: 'PARIS', entityId: 'paris-tx' },
      { alias: 'Páris', entityId: 'paris-myth' },
    ]);
    expect(m.findAll('Paris')).toEqual([
      { start: 0, end: 5, entityIds: ['paris-tx', 'paris-fr', 'paris-myth'] },
    ]);
  });

  it('names only the entities whose alias rule accepts the text', () => {
    const m = createMatcher([
      { alias: 'Apple', entityId: 'fruit' },
      { alias: 'Apple', entityId: 'company', caseSensitive: true },
    ]);
    expect(m.findAll('apple').map((x) => x.entityIds)).toEqual([['fruit']]);
    expect(m.findAll('Apple').map((x) => x.entityIds)).toEqual([['fruit', 'company']]);
  });
});

describe('bad input', () => {
  it('rejects empty and blank aliases, naming them', () => {
    expect(() =>
      createMatcher([
        { alias: 'NATO', entityId: 'nato' },
        { alias: 'OTAN', entityId: 'nato' },
        { alias: 'x', entityId: 'nato' },
        { alias: '  ', entityId: 'nato' },
      ]),
    ).toThrow('alias 3 ("  ") of entity "nato": blank alias');
    expect(() => createMatcher([{ alias: '', entityId: 'e' }])).toThrow(
      'alias 0 ("") of entity "e": blank alias',
    );
    expect(() => createMatcher([{ alias: '\u00ad\u200b', entityId: 'e' }])).toThrow(/blank alias/);
  });

  it('handles lone surrogates and astral characters', () => {
    const text = '\ud800Kyiv\udc00 Kyiv \ud83d Kyiv😀 𝐊yiv';
    expect(found(['Kyiv'], text)).toEqual(['Kyiv', 'Kyiv', 'Kyiv']);
    expect(found(['\ud800'], 'a \ud800 b')).toEqual(['\ud800']);
    expect(found(['😀'], 'x😀y')).toEqual(['😀']);
  });

  it('scans 10 MB of text without throwing', () => {
    const m = createMatcher([
      { alias: 'NATO', entityId: 'nato' },
      { alias: 'a a a a a a a a', entityId: 'as' },
    ]);
    const chunk = 'NATO \ud800 a a a a a\u00ad\u0301 ß\u200b ';
    const text = chunk.repeat(Math.ceil(10_000_000 / chunk.length));
    const mentions = m.findAll(text);
    expect(mentions.length).toBe(Math.ceil(10_000_000 / chunk.length));
    expect(m.findAll(' '.repeat(10_000_000))).toEqual([]);
    expect(m.findAll(`${'\u0301'.repeat(1_000_000)}NATO`)).toHaveLength(1);
  });
});

describe('serialisation', () => {
  const aliases: AliasEntry[] = [
    { alias: 'NATO', entityId: 'nato' },
    { alias: 'Jens Stoltenberg', entityId: 'js' },
    { alias: 'Stoltenberg', entityId: 'js' },
    { alias: 'Orbán', entityId: 'orban' },
    { alias: 'AP', entityId: 'ap' },
    { alias: 'Bill', entityId: 'bill', caseSensitive: true },
  ];
  const text = 'Nato nato Jens Stoltenberg met Orban, AP ap, Bill bill';

  it('revives from typed arrays and from JSON with identical results', () => {
    const m = createMatcher(aliases);
    const expected = m.findAll(text);
    expect(expected.length).toBeGreaterThan(3);
    expect(reviveMatcher(m.serialize()).findAll(text)).toEqual(expected);
    const json = JSON.parse(JSON.stringify(m));
    const revived = reviveMatcher(json);
    expect(revived.findAll(text)).toEqual(expected);
    expect(revived.size).toBe(aliases.length);
    expect(revived.stateCount).toBe(m.stateCount);
  });

  it('rejects unknown versions and corrupt tables', () => {
    const data = createMatcher(aliases).serialize();
    expect(() => reviveMatcher({ ...data, version: 2 as 1 })).toThrow(/version/);
    expect(() => reviveMatcher({ ...data, fail: data.fail.slice(1) })).toThrow(/sizes/);
    const fail = data.fail.slice();
    fail[3] = 10_000;
    expect(() => reviveMatcher({ ...data, fail })).toThrow(/failure link/);
  });
});
