// The sentence around a mention, kept with a note so it still makes sense away from the page.
import { segmenter } from './lang';

const MAX_SENTENCE = 1000;

/**
 * The sentence of `text` that contains [start, end), trimmed; clipped around the mention if very long.
 * `lang` is the page's own tag, whatever it says ("en_US" too; see lang.ts).
 */
export function sentenceAround(text: string, start: number, end: number, lang: string | null = 'en'): string {
  let from = 0;
  let to = text.length;
  const sentences = segmenter(lang, 'sentence');
  if (sentences) {
    for (const { index, segment } of sentences.segment(text)) {
      if (index <= start && start < index + segment.length) {
        from = index;
        to = Math.max(index + segment.length, end);
        break;
      }
    }
  }
  let sentence = text.slice(from, to).replace(/\s+/g, ' ').trim();
  if (sentence.length > MAX_SENTENCE) {
    const at = Math.max(0, start - from - MAX_SENTENCE / 2);
    sentence = `…${sentence.slice(at, at + MAX_SENTENCE).trim()}…`;
  }
  return sentence;
}
