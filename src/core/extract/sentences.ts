// Sentence splitting for capture. Offsets point into the article text so that every quote is
// an exact substring of it. English keeps its own splitter (its abbreviations: "Mr.", "Sept.");
// other languages go by Intl.Segmenter for their language, which knows theirs ("z. B.", "т. е.").
import { segmenter } from '../lang';

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Words that end with a period without ending the sentence ("Mr. Frankel", "Sept. 25"). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft gen sen rep gov lt col capt sgt cpl adm maj rev hon pres supt ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun ' +
    'no nos vol vols fig figs pp ca approx vs etc inc ltd co corp bros dept est al eg ie cf'
  ).split(' '),
);

const CLOSERS = '"\'”’»)]';
const BULLET = /^[-–—•*·]\s+/;

function endsWithAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1] ?? '')) i--;
  const word = text.slice(i, dot);
  if (word.length === 0) return false;
  // Initials and dotted acronyms: "Nelson D. Schwartz", "U.S. history".
  if (/^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Where the page's markup glued two sentences ("Jarosław Gowin.Poparcie dla"): split between them. */
function gluedSentences(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = start;
  for (const m of text.slice(start, end).matchAll(/(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll}{2})/gu)) {
    out.push([from, start + (m.index ?? 0)]);
    from = start + (m.index ?? 0);
  }
  out.push([from, end]);
  return out;
}

/**
 * Split text into sentences: at line breaks, then in English after . ! ? … not followed by a
 * lower-case word, in any other language (`lang`, a BCP 47 tag) where Intl.Segmenter says.
 */
export function splitSentences(text: string, lang = 'en'): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(text[s] ?? '')) s++;
    while (e > s && /\s/u.test(text[e - 1] ?? '')) e--;
    const bullet = BULLET.exec(text.slice(s, Math.min(e, s + 4)));
    if (bullet) s += bullet[0].length;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e)))
      out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  const sentencer = lang.split('-')[0] === 'en' ? null : segmenter(lang, 'sentence');
  if (sentencer) {
    for (const line of text.matchAll(/[^\n\r\u2029]+/gu)) {
      const at = line.index ?? 0;
      let from = at;
      for (const seg of sentencer.segment(line[0])) {
        const end = at + seg.index + seg.segment.length;
        // ICU ends a sentence after an initial ("Andrew B. Myers") and after most abbreviations.
        const dot = text.slice(from, end).trimEnd();
        if (
          end < at + line[0].length &&
          dot.endsWith('.') &&
          endsWithAbbreviation(text, from + dot.length - 1)
        )
          continue;
        for (const [a, b] of gluedSentences(text, from, end)) push(a, b);
        from = end;
      }
      for (const [a, b] of gluedSentences(text, from, at + line[0].length)) push(a, b);
    }
    return out;
  }
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\n' || ch === '\r' || ch === '\u2029') {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < text.length && CLOSERS.includes(text[j] ?? '')) j++;
    const next = text[j] ?? '';
    if (j < text.length && !/[ \t\u00a0]/.test(next)) continue;
    let k = j;
    while (k < text.length && /[ \t\u00a0]/.test(text[k] ?? '')) k++;
    const following = text[k] ?? '';
    if (/\p{Ll}/u.test(following)) continue;
    if (ch === '.' && endsWithAbbreviation(text, i) && !/["“‘'([]/.test(following)) continue;
    push(start, j);
    start = j;
  }
  push(start, text.length);
  return out;
}
