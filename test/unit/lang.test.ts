import { describe, expect, it } from 'vitest';
import { canonicalLang, segmenter } from '@/src/core/lang';
import { sentencesNaming } from '@/src/core/review';
import { sentenceAround } from '@/src/core/sentence';

// Tags as pages write them: <html lang="en_US"> is common, and Intl throws on it.
const TAGS: Array<[string | null | undefined, string]> = [
  ['en_US', 'en-US'],
  ['pt_BR', 'pt-BR'],
  ['EN', 'en'],
  ['de-de', 'de-DE'],
  [' fr ', 'fr'],
  ['', 'en'],
  ['   ', 'en'],
  ['x', 'en'],
  ['zz-ZZZZ-invalid-', 'en'],
  ['not a tag!', 'en'],
  [null, 'en'],
  [undefined, 'en'],
];

describe('canonicalLang', () => {
  it.each(TAGS)('%j → %s', (tag, expected) => {
    expect(canonicalLang(tag)).toBe(expected);
  });

  it('falls back to what the caller asks for', () => {
    expect(canonicalLang('x', 'de')).toBe('de');
    expect(canonicalLang(null, '')).toBe('');
    expect(canonicalLang('en_GB', '')).toBe('en-GB');
  });

  it('answers the same on a second asking (cached)', () => {
    expect(canonicalLang('en_US')).toBe('en-US');
    expect(canonicalLang('en_US')).toBe('en-US');
    expect(canonicalLang('x')).toBe('en');
    expect(canonicalLang('x', 'fr')).toBe('fr');
  });
});

describe('segmenter', () => {
  it.each(TAGS)('works for %j', (tag, expected) => {
    const s = segmenter(tag, 'sentence');
    expect(s?.resolvedOptions().locale.startsWith(expected.split('-')[0] as string)).toBe(true);
    expect([...(s?.segment('One. Two.') ?? [])].length).toBe(2);
  });

  it('is shared per canonical tag and granularity', () => {
    expect(segmenter('en_US', 'sentence')).toBe(segmenter('en-US', 'sentence'));
    expect(segmenter('EN', 'word')).toBe(segmenter('en', 'word'));
    expect(segmenter('en', 'word')).not.toBe(segmenter('en', 'sentence'));
  });
});

describe('sentences on pages with odd language tags', () => {
  const text = 'Stoltenberg spoke in Brussels. The headquarters will be in Wiesbaden. Hungary agreed.';
  const at = text.indexOf('Wiesbaden');

  it.each(TAGS)('sentenceAround with lang %j', (tag) => {
    expect(sentenceAround(text, at, at + 9, tag ?? null)).toBe('The headquarters will be in Wiesbaden.');
  });

  it('sentencesNaming with lang "en_US" (the review page quotes captured articles)', () => {
    expect(sentencesNaming(text, 'Wiesbaden', 'en_US')).toEqual(['The headquarters will be in Wiesbaden.']);
  });
});
