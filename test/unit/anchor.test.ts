import { describe, expect, it } from 'vitest';
import { findQuote, pageAddress, quoteSelector, similarity } from '@/src/core/anchor';

const PAGE =
  'NATO Secretary General Jens Stoltenberg on June 14 said that the Alliance has approved a plan.\n' +
  'Stoltenberg said this during a press conference in Brussels.\n' +
  'Before the meeting in Brussels, Orban met with Stoltenberg and agreed to lift his veto.';

const slice = (text: string, at: { start: number; end: number } | null) =>
  at ? text.slice(at.start, at.end) : null;

describe('quoteSelector', () => {
  it('keeps the exact text and 32 characters of context either side', () => {
    const start = PAGE.indexOf('press conference');
    const selector = quoteSelector(PAGE, start, start + 'press conference'.length);
    expect(selector.exact).toBe('press conference');
    expect(selector.prefix).toBe(PAGE.slice(start - 32, start));
    expect(selector.prefix).toHaveLength(32);
    expect(selector.suffix).toBe(PAGE.slice(start + 16, start + 48));
  });

  it('clips the context at the ends of the text', () => {
    expect(quoteSelector('Hello world', 0, 5)).toEqual({ exact: 'Hello', prefix: '', suffix: ' world' });
  });
});

describe('findQuote', () => {
  it('finds a quote that occurs once', () => {
    const selector = quoteSelector(PAGE, PAGE.indexOf('lift his veto'), PAGE.indexOf('lift his veto') + 13);
    expect(findQuote(PAGE, selector)).toEqual({
      start: PAGE.indexOf('lift his veto'),
      end: PAGE.indexOf('lift his veto') + 13,
    });
  });

  it('tells repeated quotes apart by their prefix and suffix', () => {
    const second = PAGE.indexOf('Brussels', PAGE.indexOf('Brussels') + 1);
    const selector = quoteSelector(PAGE, second, second + 'Brussels'.length);
    expect(findQuote(PAGE, selector)?.start).toBe(second);
    const first = PAGE.indexOf('Brussels');
    expect(findQuote(PAGE, quoteSelector(PAGE, first, first + 8))?.start).toBe(first);
  });

  it('still finds the right occurrence when the text around it was edited', () => {
    const second = PAGE.indexOf('Stoltenberg', PAGE.indexOf('Stoltenberg', 50) + 1);
    const selector = quoteSelector(PAGE, second, second + 'Stoltenberg'.length);
    const edited = PAGE.replace('Orban met with', 'Viktor Orbán met with');
    const at = findQuote(edited, selector);
    expect(slice(edited, at)).toBe('Stoltenberg');
    expect(at?.start).toBe(edited.lastIndexOf('Stoltenberg'));
  });

  it('tolerates different white space inside the quote', () => {
    const selector = { exact: 'press   conference\nin Brussels', prefix: '', suffix: '' };
    expect(slice(PAGE, findQuote(PAGE, selector))).toBe('press conference in Brussels');
  });

  it('returns null when the quote is gone', () => {
    const selector = { exact: 'a sentence that was removed', prefix: 'x', suffix: 'y' };
    expect(findQuote(PAGE, selector)).toBeNull();
    expect(findQuote(PAGE, { exact: '', prefix: '', suffix: '' })).toBeNull();
  });
});

describe('similarity', () => {
  it('counts shared characters, edit-distance wise', () => {
    expect(similarity('abcdef', 'abcdef')).toBe(6);
    expect(similarity('abcdef', 'abXdef')).toBe(5);
    expect(similarity('', 'abc')).toBe(0);
  });
});

describe('pageAddress', () => {
  it('drops the fragment', () => {
    expect(pageAddress('https://example.org/a?b=1#top')).toBe('https://example.org/a?b=1');
    expect(pageAddress('https://example.org/a')).toBe('https://example.org/a');
  });
});
