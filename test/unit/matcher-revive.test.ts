// Revived matchers come from extension storage and IndexedDB: damaged or crafted tables must be
// refused on revive, never make findAll loop forever or throw (hardening item 5).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityAliasEntries, expandAliases } from '../../src/core/lang/inflect';
import { buildAutomaton } from '../../src/core/match-automaton';
import { checksum, type SerializedMatcher, TABLE_NAMES, toJSON } from '../../src/core/match-serial';
import {
  type AliasEntry,
  type AliasMatch,
  createMatcher,
  PAGE_DENSE_STATES,
  reviveMatcher,
} from '../../src/core/matcher';
import { bundledPack, readArticle } from './helpers';

const aliases: AliasEntry[] = [
  { alias: 'NATO', entityId: 'nato' },
  { alias: 'Jens Stoltenberg', entityId: 'js' },
  { alias: 'Stoltenberg', entityId: 'js' },
  { alias: 'Stoltenberg', entityId: 'stoltenberg-family' },
  { alias: 'Orbán', entityId: 'orban' },
  { alias: 'AP', entityId: 'ap' },
  { alias: 'Bill', entityId: 'bill', caseSensitive: true },
  { alias: 'straße', entityId: 'street' },
  { alias: 'berg', entityId: 'berg' },
  { alias: 'Kyiv', entityId: 'kyiv' },
  { alias: '東京', entityId: 'tokyo' },
];
const texts = [
  'Nato nato Jens Stoltenberg met Orban, AP ap, Bill bill',
  'In Kyiv, the Strasse and the STRASSE; berg Berg iceberg.',
  '東京 and Jens  Stoltenberg\u00ad with NATO.',
];
const original = createMatcher(aliases, { denseStates: 4 });
const expected = texts.map((t) => original.findAll(t));
const data = original.serialize();

type Tables = Omit<SerializedMatcher, 'version' | 'check'>;

/** `data` with some tables replaced, its checksum recomputed: a crafted matcher, not a damaged one. */
function crafted(change: Partial<Tables>): SerializedMatcher {
  const d = { ...data, ...change };
  return { ...d, check: checksum(d) };
}

/** A copy of `table` with `changes` (index → value) applied. */
function edit<T extends Int32Array | Uint16Array | Uint8Array>(table: T, changes: Record<number, number>): T {
  const copy = table.slice() as T;
  for (const [i, v] of Object.entries(changes)) copy[Number(i)] = v;
  return copy;
}

const n = data.unit.length;
const lastKey = data.keyLen.length - 1;
/** A state whose failure link is not the root. */
const deep = data.fail.findIndex((f, s) => s > 0 && f > 0);

describe('reviveMatcher refuses crafted tables', () => {
  const cases: Array<[string, () => SerializedMatcher]> = [
    ['a failure link to itself', () => crafted({ fail: edit(data.fail, { [deep]: deep }) })],
    ['failure links in a cycle', () => crafted({ fail: edit(data.fail, { [deep]: n - 1, [n - 1]: deep }) })],
    ['a failure link to a state just as deep', () => crafted({ fail: edit(data.fail, { 2: 1 }) })],
    ['a failure link out of range', () => crafted({ fail: edit(data.fail, { [deep]: -5 }) })],
    ['a child index far out of range', () => crafted({ first: edit(data.first, { [n]: 0x7fffffff }) })],
    ['a child index before its parent', () => crafted({ first: edit(data.first, { 2: 1 }) })],
    ['a child run pointing past the states', () => crafted({ first: edit(data.first, { 1: n + 10 }) })],
    ['children out of order', () => crafted({ unit: edit(data.unit, { 1: 0xffff }) })],
    ['a key index out of range', () => crafted({ out: edit(data.out, { [n - 1]: 1_000_000 }) })],
    ['a negative key index', () => crafted({ out: edit(data.out, { [n - 1]: -7 }) })],
    ['a huge key length', () => crafted({ keyLen: edit(data.keyLen, { 0: 1 << 29 }) })],
    ['a key length that disagrees with its state', () => crafted({ keyLen: edit(data.keyLen, { 0: 1 }) })],
    [
      'a huge variant run',
      () => crafted({ variantStart: edit(data.variantStart, { [lastKey]: 0x7fffffff }) }),
    ],
    ['variant runs out of order', () => crafted({ variantStart: edit(data.variantStart, { 1: 0 }) })],
    ['an unknown case rule', () => crafted({ variantRule: edit(data.variantRule, { 0: 9 }) })],
    [
      'a language tag that is not a primary subtag',
      () => crafted({ variantLang: data.variantLang.map(() => 'en-US') }),
    ],
    [
      'a bad language tag after good ones',
      () => crafted({ variantLang: data.variantLang.map((l, i) => (i ? 'x y' : l)) }),
    ],
    ['an entity index out of range', () => crafted({ variantEntity: edit(data.variantEntity, { 0: 1000 }) })],
    ['a truncated entity list', () => crafted({ entities: data.entities.slice(1) })],
    ['truncated case rules', () => crafted({ variantRule: data.variantRule.slice(1) })],
    ['truncated forms', () => crafted({ exactForms: data.exactForms.slice(1) })],
    ['truncated key lengths', () => crafted({ keyLen: data.keyLen.slice(1) })],
    ['truncated failure links', () => crafted({ fail: data.fail.slice(1) })],
    ['an empty automaton', () => crafted({ unit: new Uint16Array(0), first: new Int32Array(0) })],
    ['a table of the wrong type', () => crafted({ first: Array.from(data.first) as unknown as Int32Array })],
    [
      'a form that is not text',
      () => crafted({ exactForms: data.exactForms.map(() => 7 as unknown as string) }),
    ],
    ['a negative size', () => crafted({ size: -1 })],
  ];

  it.each(cases)('%s', (_name, make) => {
    expect(() => reviveMatcher(make())).toThrow(/^serialised matcher: /);
  });

  it('refuses damage that still looks well-formed (checksum)', () => {
    expect(() => reviveMatcher({ ...data, entities: data.entities.map((e) => e.toUpperCase()) })).toThrow(
      /checksum/,
    );
    expect(() => reviveMatcher({ ...data, check: undefined as unknown as number })).toThrow(/checksum/);
  });

  it('refuses JSON whose tables are not base64 of their type', () => {
    const json = original.toJSON();
    expect(() => reviveMatcher({ ...json, tables: { ...json.tables, first: 'AAA' } })).toThrow(/first/);
    expect(() =>
      reviveMatcher({ ...json, tables: { ...json.tables, out: 12 as unknown as string } }),
    ).toThrow(/out/);
    expect(() => reviveMatcher(null as unknown as SerializedMatcher)).toThrow(/^serialised matcher: /);
  });

  it('revives the untouched tables, at any dense limit', () => {
    for (const denseStates of [undefined, 0, 1, 3]) {
      const m = reviveMatcher(crafted({}), { denseStates });
      expect(texts.map((t) => m.findAll(t))).toEqual(expected);
    }
  });
});

describe('dense limit', () => {
  it('0 leaves every state sparse; the default makes small tries wholly dense', () => {
    const keys = ['ab', 'abc', 'b', 'bc'];
    expect(buildAutomaton(keys, { denseStates: 0 }).denseCount).toBe(0);
    expect(buildAutomaton(keys, { denseStates: 2 }).denseCount).toBe(2);
    const all = buildAutomaton(keys);
    expect(all.denseCount).toBe(all.stateCount);
  });
});

// ---- Fuzz: random corruptions of a real serialised matcher ----

const NUMERIC = TABLE_NAMES;
const value = fc.oneof(
  fc.constantFrom(-1, 0, 1, 2, n - 1, n, n + 1, 0x7fffffff, -0x80000000, 0xffff),
  fc.integer({ min: -3, max: n + 3 }),
  fc.integer(),
);

type Corruption = (d: SerializedMatcher) => SerializedMatcher;
const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc
    .record({ table: fc.constantFrom(...NUMERIC), at: fc.nat(), v: value })
    .map(({ table, at, v }) => (d: SerializedMatcher) => {
      const t = d[table].slice();
      if (t.length > 0) t[at % t.length] = v;
      return { ...d, [table]: t };
    }),
  fc
    .record({ table: fc.constantFrom(...NUMERIC), keep: fc.nat() })
    .map(({ table, keep }) => (d: SerializedMatcher) => {
      const t = d[table];
      return { ...d, [table]: t.slice(0, keep % (t.length + 1)) };
    }),
  fc
    .record({ table: fc.constantFrom(...NUMERIC), extra: fc.array(value, { minLength: 1, maxLength: 4 }) })
    .map(({ table, extra }) => (d: SerializedMatcher) => {
      const t = d[table];
      const grown = new (t.constructor as new (n: number) => typeof t)(t.length + extra.length);
      grown.set(t as never);
      extra.forEach((v, i) => {
        grown[t.length + i] = v;
      });
      return { ...d, [table]: grown };
    }),
  fc
    .record({ list: fc.constantFrom('exactForms', 'entities'), at: fc.nat(), s: fc.string({ maxLength: 4 }) })
    .map(({ list, at, s }) => (d: SerializedMatcher) => {
      const l = [...d[list as 'entities']];
      if (l.length > 0) l[at % l.length] = s;
      return { ...d, [list]: l };
    }),
);

/** What any matcher may return: ordered, non-overlapping, in range, with entity ids. */
function wellFormed(matches: AliasMatch[], text: string): boolean {
  let covered = 0;
  for (const m of matches) {
    if (!(m.start >= covered && m.end > m.start && m.end <= text.length)) return false;
    if (m.entityIds.length === 0 || m.entityIds.some((id) => typeof id !== 'string')) return false;
    covered = m.end;
  }
  return true;
}

describe('fuzz: corrupted serialised matchers', () => {
  const scenario = fc.record({
    changes: fc.array(corruption, { minLength: 1, maxLength: 3 }),
    recheck: fc.boolean(),
    json: fc.boolean(),
    denseStates: fc.constantFrom(undefined, 0, 2),
  });

  it('are refused, or revive and match like the original (damaged) or harmlessly (crafted)', () => {
    let revived = 0;
    fc.assert(
      fc.property(scenario, ({ changes, recheck, json, denseStates }) => {
        let d = data;
        for (const change of changes) d = change(d);
        // Crafted: the checksum recomputed, so only the structure checks stand in the way.
        if (recheck) d = { ...d, check: checksum(d) };
        const input = json ? JSON.parse(JSON.stringify(toJSON(d))) : d;
        const t0 = performance.now();
        let m: ReturnType<typeof reviveMatcher>;
        try {
          m = reviveMatcher(input, { denseStates });
        } catch (e) {
          expect(String(e)).toMatch(/serialised matcher: /);
          return;
        }
        revived++;
        const got = texts.map((t) => m.findAll(t));
        expect(performance.now() - t0).toBeLessThan(1000);
        if (recheck) expect(texts.every((t, i) => wellFormed(got[i] as AliasMatch[], t))).toBe(true);
        else expect(got).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
    expect(revived).toBeGreaterThan(0);
  });
});

describe('reviving the bundled pack for a page', () => {
  // Names with their inflected forms in 12 languages, as the background publishes them to pages.
  const entries = bundledPack().entities.flatMap((e) => entityAliasEntries({ key: e.id, ...e }));
  const expanded = createMatcher(expandAliases(entries));
  const published = JSON.parse(JSON.stringify(expanded.toJSON()));

  it('matches as the full matcher does, with PAGE_DENSE_STATES rows (the rest sparse)', () => {
    const page = reviveMatcher(published, { denseStates: PAGE_DENSE_STATES });
    expect(expanded.stateCount).toBeGreaterThan(PAGE_DENSE_STATES * 4); // the sparse rule is used
    const text = `${readArticle()} Stoltenberga, Stoltenbergowi, Orbánnal, Ukrainy, Брюсселя, Wiesbadenben.`;
    const found = page.findAll(text);
    expect(found.length).toBeGreaterThan(50);
    expect(found).toEqual(expanded.findAll(text));
  });

  it('computes the same checksum as FNV-1a over every value, one at a time', () => {
    const d = expanded.serialize();
    let h = 0x811c9dc5;
    const mix = (x: number) => {
      h = Math.imul(h ^ x, 0x01000193);
    };
    mix(d.size);
    for (const name of TABLE_NAMES) {
      mix(d[name].length);
      for (const x of d[name]) mix(x);
    }
    for (const list of [d.exactForms, d.variantLang, d.entities]) {
      mix(list.length);
      for (const s of list) {
        mix(s.length);
        for (let i = 0; i < s.length; i++) mix(s.charCodeAt(i));
      }
    }
    // Pages keep reviving matchers published before the loops were written out.
    expect(checksum(d)).toBe(h >>> 0);
    expect(d.check).toBe(h >>> 0);
  });
});
