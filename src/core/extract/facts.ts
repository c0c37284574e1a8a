// Facts for captured entities: each article sentence that names the entity, quoted verbatim, with a
// short cleaned statement of its own.
import { foldText } from '../normalize';
import type { Sentence } from './sentences';

export const MAX_FACTS_PER_ENTITY = 8;
const MAX_TEXT = 200;
const MAX_QUOTE = 20000;

/** Finds which sentences name an entity, following the matcher's rules closely enough for capture. */
export class SentenceIndex {
  private readonly folded: string[];
  private readonly byWord = new Map<string, number[]>();

  constructor(private readonly sentences: Sentence[]) {
    this.folded = sentences.map((s) => foldText(s.text, true).replace(/[-‐]/g, ' '));
    this.folded.forEach((f, i) => {
      for (const w of new Set(f.match(/[\p{L}\p{M}\p{N}']+/gu) ?? [])) {
        const list = this.byWord.get(w);
        if (list) list.push(i);
        else this.byWord.set(w, [i]);
      }
    });
  }

  /** Indexes of sentences mentioning any of `names`, in text order. */
  mentioning(names: string[]): number[] {
    const hits = new Set<number>();
    for (const name of names) {
      // Capital acronyms match only in capitals (or Title case for 3–5 letters), as in the matcher.
      const acronym = /^\p{Lu}{1,5}$/u.test(name);
      const folded = foldText(name, true).replace(/[-‐]/g, ' ');
      const first = folded.match(/[\p{L}\p{M}\p{N}']+/u)?.[0];
      if (!first) continue;
      const forms = acronym
        ? [name, ...(name.length >= 3 ? [name[0] + name.slice(1).toLowerCase()] : [])]
        : [folded];
      for (const i of this.byWord.get(first) ?? []) {
        const hay = acronym ? (this.sentences[i]?.text ?? '') : (this.folded[i] ?? '');
        if (forms.some((f) => containsWord(hay, f))) hits.add(i);
      }
    }
    return [...hits].sort((a, b) => a - b);
  }
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** `needle` occurs in `hay` as whole words. (Built per name, \p{…} regexes cost ~2 ms each to compile.) */
function containsWord(hay: string, needle: string): boolean {
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = hay[at - 1] ?? ' ';
    const after = hay[at + needle.length] ?? ' ';
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return true;
  }
  return false;
}

/** The quote: the sentence verbatim, clipped around the mention if it is enormous. */
export function quoteOf(s: Sentence, name: string): string {
  if (s.text.length <= MAX_QUOTE) return s.text;
  const at = Math.max(0, s.text.toLowerCase().indexOf(name.toLowerCase()) - 1000);
  return s.text.slice(at, at + 2000).trim();
}

const QUOTED_SPEECH =
  /^[“"](.+?)[,.]?[”"],?\s+(?:(\S.*?)\s+(said|says|added|told \S+|wrote|argued)|(said|says|added)\s+(\S.*?))\.?$/su;

/** A short statement of the fact: the sentence without quote marks and attributions, at most 200 chars. */
export function factText(quote: string, name: string): string {
  let text = quote.replace(/\s+/g, ' ').trim();
  const speech = QUOTED_SPEECH.exec(text);
  if (speech) {
    const speaker = speech[2] ?? speech[5] ?? '';
    const verb = speech[3] ?? speech[4] ?? 'said';
    text = `${speaker.charAt(0).toUpperCase()}${speaker.slice(1)} ${verb.startsWith('told') ? 'said' : verb}: ${speech[1]}`;
  }
  text = text.replace(/^[“”"‘'«»\s]+|[“”"'«»\s]+$/gu, '').replace(/[“”]/g, '"');
  if (text.length <= MAX_TEXT) return text || name;
  // Keep the clauses around the mention.
  const clauses = text.split(/(?<=[,;:–—])\s+/u);
  const lower = foldText(name, true);
  let at = clauses.findIndex((c) => foldText(c, true).includes(lower));
  if (at < 0) at = 0;
  let from = at;
  let to = at;
  const len = () => clauses.slice(from, to + 1).join(' ').length;
  for (;;) {
    if (to + 1 < clauses.length && len() + (clauses[to + 1]?.length ?? 0) + 1 <= MAX_TEXT - 2) to++;
    else if (from > 0 && len() + (clauses[from - 1]?.length ?? 0) + 1 <= MAX_TEXT - 2) from--;
    else break;
  }
  let out = clauses.slice(from, to + 1).join(' ');
  if (out.length > MAX_TEXT - 2 || out.length < 80) {
    // Folding may shift offsets slightly; the window is wide enough for that.
    const pos = Math.max(0, foldText(text, true).indexOf(lower) - 60);
    out = text.slice(pos, pos + MAX_TEXT - 2);
    if (pos > 0) out = out.replace(/^\S*\s/, '');
    if (pos + MAX_TEXT - 2 < text.length) out = out.replace(/\s\S*$/, '');
  }
  out = out.replace(/[,;:–—\s]+$/u, '');
  const head = text.startsWith(out) ? '' : '…';
  const tail = text.endsWith(out) ? '' : '…';
  return `${head}${out}${tail}`.slice(0, MAX_TEXT);
}
