import { describe, expect, it } from 'vitest';
import { sentenceAround } from '@/src/core/sentence';

describe('sentenceAround', () => {
  const text =
    'Stoltenberg spoke in Brussels.  The headquarters will be located in Wiesbaden in southern Germany. Hungary agreed.';

  it('returns the sentence that holds the mention, with white space tidied', () => {
    const at = text.indexOf('Wiesbaden');
    expect(sentenceAround(text, at, at + 9)).toBe(
      'The headquarters will be located in Wiesbaden in southern Germany.',
    );
    expect(sentenceAround(text, 0, 11)).toBe('Stoltenberg spoke in Brussels.');
  });

  it('clips a very long sentence around the mention', () => {
    const long = `${'word '.repeat(1000)}Wiesbaden ${'word '.repeat(1000)}`;
    const at = long.indexOf('Wiesbaden');
    const sentence = sentenceAround(long, at, at + 9);
    expect(sentence.length).toBeLessThanOrEqual(1002);
    expect(sentence).toContain('Wiesbaden');
    expect(sentence.startsWith('…')).toBe(true);
  });
});
