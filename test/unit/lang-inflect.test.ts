// Inflected names per language, from fixtures that carry their expected mentions
// (test/fixtures/lang/<lang>.json): every listed form of each name is found as that entity in text
// of its language, the sentences get exactly their mentions, and the negatives (compounds,
// adjectives, demonyms) get none of the listed entities.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '@/src/core/lang/detect';
import { inLanguage } from '@/src/core/lang/filter';
import { entityAliasEntries, expandAliases } from '@/src/core/lang/inflect';
import { type AliasMatch, createMatcher, type Matcher } from '@/src/core/matcher';

interface Fixture {
  lang: string;
  entities: Array<{ key: string; name: string; aliases: string[]; labels?: Record<string, string[]> }>;
  forms: Record<string, string[]>;
  sentences: Array<{ text: string; mentions: Array<[string, string]> }>;
  negatives: string[];
  negativeIds: string[];
}

const dir = join(__dirname, '../fixtures/lang');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);

function matcherFor(fixture: Fixture): Matcher {
  return createMatcher(expandAliases(fixture.entities.flatMap(entityAliasEntries)));
}

/** What the page keeps in text of `lang`: [mention text, entity id] pairs. */
function mentions(matcher: Matcher, text: string, lang: string): Array<[string, string]> {
  return matcher
    .findAll(text)
    .map((m) => inLanguage(m, lang))
    .filter((m): m is AliasMatch => m !== null)
    .flatMap((m) => m.entityIds.map((id): [string, string] => [text.slice(m.start, m.end), id]));
}

/** Apostrophes stay outside the mention: "l'OTAN" marks "OTAN", "Paris'" marks "Paris". */
const APOSTROPHES = /^[lLdD]['’]|['’]$/g;

describe.each(fixtures.map((f) => [f.lang, f] as const))('%s', (lang, fixture) => {
  const matcher = matcherFor(fixture);

  it('finds every case form of each name as its entity', () => {
    for (const [id, forms] of Object.entries(fixture.forms)) {
      for (const form of forms) {
        const found = mentions(matcher, `— ${form} —`, lang);
        expect(found, form).toEqual([[form.replace(APOSTROPHES, ''), id]]);
      }
    }
  });

  it('marks exactly the expected mentions in real sentence patterns', () => {
    for (const sentence of fixture.sentences) {
      expect(mentions(matcher, sentence.text, lang), sentence.text).toEqual(sentence.mentions);
    }
  });

  it('does not take compounds, adjectives or demonyms for mentions', () => {
    for (const text of fixture.negatives) {
      const ids = mentions(matcher, text, lang).map(([, id]) => id);
      expect(
        ids.filter((id) => fixture.negativeIds.includes(id)),
        text,
      ).toEqual([]);
    }
  });

  it('counts an inflected form only in its own language', () => {
    const other = lang === 'de' ? 'pl' : 'de';
    for (const sentence of fixture.sentences) {
      for (const [text, id] of mentions(matcher, sentence.text, other)) {
        // What remains in another language is a name as written.
        const names = fixture.entities.find((e) => e.key === id);
        const written = [
          names?.name,
          ...(names?.aliases ?? []),
          ...Object.values(names?.labels ?? {}).flat(),
        ];
        expect(
          written.some((w) => w?.endsWith(text)),
          text,
        ).toBe(true);
      }
    }
  });

  it('tells the language of each sentence from its words', () => {
    for (const sentence of fixture.sentences) expect(detectLanguage(sentence.text), sentence.text).toBe(lang);
  });
});
