// Sentence splitting for capture. Offsets point into the article text so that every quote is
// an exact substring of it.

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

/** Split text into sentences: at line breaks, and after . ! ? … not followed by a lower-case word. */
export function splitSentences(text: string): Sentence[] {
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
