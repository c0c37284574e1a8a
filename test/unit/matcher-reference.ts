/**
 * A slow, obviously correct statement of the matching rules, used by the
 * property test as an oracle. It shares no code with src/core: it folds with
 * regular expressions and String methods, tries every alias at every folded
 * position and picks leftmost-longest by brute force.
 */
import type { AliasEntry, AliasMatch } from '../../src/core/matcher';

const MARK_RANGES: ReadonlyArray<[number, number]> = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05c7],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
const IGNORED_MARK = {
  test: (ch: string) => {
    const cp = ch.codePointAt(0) ?? 0;
    return /^[\p{Mn}\p{Me}]$/u.test(ch) && MARK_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
  },
};
const INVISIBLE = /^[\u00ad\u200b-\u200d\u2060\ufeff]$/u;
const APOSTROPHES = /^['\u2018\u2019\u02bc]$/u;
const DASHES = /^[-\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]$/u;
const SPACE = /^[\s\u0085]$/u;
const LONE_SURROGATE = /^[\ud800-\udfff]$/;
const WORD = /^[\p{L}\p{M}\p{N}]$/u;
const NO_SPACE =
  /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Tai_Tham}\p{scx=Tai_Le}\p{scx=New_Tai_Lue}\p{scx=Yi}\p{scx=Javanese}\p{scx=Balinese}]$/u;

const ignored = (ch: string) => INVISIBLE.test(ch) || IGNORED_MARK.test(ch);

function typo(ch: string): string {
  if (APOSTROPHES.test(ch)) return "'";
  if (DASHES.test(ch)) return '-';
  return ch;
}

function clean(s: string): string {
  return Array.from(s)
    .filter((c) => !ignored(c))
    .map(typo)
    .join('');
}

/** One character's comparison form. */
export function refFoldChar(ch: string, caseFold: boolean): string {
  if (LONE_SURROGATE.test(ch)) return ch;
  if (ignored(ch)) return '';
  if (SPACE.test(ch)) return ' ';
  if (typo(ch) !== ch) return typo(ch);
  const base = clean(ch.normalize('NFD'));
  return caseFold ? clean(base.toUpperCase().toLowerCase().normalize('NFD')) : base;
}

interface Unit {
  unit: string;
  /** Index (into the code point list) of the character that produced it. */
  char: number;
}

/** Fold text to single units, remembering which character produced each. */
function foldUnits(chars: string[], caseFold: boolean): Unit[] {
  const units: Unit[] = [];
  chars.forEach((ch, i) => {
    const f = refFoldChar(ch, caseFold);
    if (f === ' ' && units.at(-1)?.unit === ' ') return;
    for (let k = 0; k < f.length; k++) units.push({ unit: f.charAt(k), char: i });
  });
  return units;
}

export function refFoldText(s: string, caseFold: boolean): string {
  return foldUnits(Array.from(s), caseFold)
    .map((u) => u.unit)
    .join('')
    .trim();
}

const spacedWord = (ch: string | undefined) =>
  ch !== undefined && WORD.test(ch) && typo(ch) === ch && !NO_SPACE.test(ch);

export function referenceFindAll(aliases: ReadonlyArray<AliasEntry>, text: string): AliasMatch[] {
  const chars = Array.from(text);
  const offsets: number[] = [];
  let o = 0;
  for (const c of chars) {
    offsets.push(o);
    o += c.length;
  }
  offsets.push(o);
  const units = foldUnits(chars, true);
  const folded = units.map((u) => u.unit).join('');

  const visibleBefore = (ci: number) => {
    for (let k = ci - 1; k >= 0; k--) if (!ignored(chars[k] as string)) return chars[k];
    return undefined;
  };
  const visibleFrom = (ci: number) => {
    for (let k = ci; k < chars.length; k++) if (!ignored(chars[k] as string)) return chars[k];
    return undefined;
  };

  const hits: { start: number; end: number; alias: number; entityId: string }[] = [];
  aliases.forEach((a, ai) => {
    const key = refFoldText(a.alias, true);
    const exact = refFoldText(a.alias, false);
    let rule: 'any' | 'exact' | 'acronym' = 'any';
    if (a.caseSensitive || /^\p{Lu}{1,2}$/u.test(exact)) rule = 'exact';
    else if (/^\p{Lu}{3,5}$/u.test(exact)) rule = 'acronym';
    for (let p = 0; p + key.length <= folded.length; p++) {
      if (!folded.startsWith(key, p)) continue;
      const q = p + key.length;
      const firstChar = (units[p] as Unit).char;
      const lastChar = (units[q - 1] as Unit).char;
      if (p > 0 && (units[p - 1] as Unit).char === firstChar) continue;
      if (q < units.length && (units[q] as Unit).char === lastChar) continue;
      let endChar = lastChar + 1;
      while (endChar < chars.length && IGNORED_MARK.test(chars[endChar] as string)) endChar++;
      if (spacedWord(chars[firstChar]) && spacedWord(visibleBefore(firstChar))) continue;
      if (spacedWord(chars[lastChar]) && spacedWord(visibleFrom(endChar))) continue;
      const start = offsets[firstChar] as number;
      const end = offsets[endChar] as number;
      if (rule !== 'any') {
        const seen = refFoldText(text.slice(start, end), false);
        const title = Array.from(exact)[0] + Array.from(exact).slice(1).join('').toLowerCase();
        if (seen !== exact && (rule === 'exact' || seen !== title)) continue;
      }
      hits.push({ start, end, alias: ai, entityId: a.entityId });
    }
  });

  const mentions: AliasMatch[] = [];
  let covered = 0;
  for (;;) {
    const open = hits.filter((h) => h.start >= covered);
    if (open.length === 0) return mentions;
    const start = Math.min(...open.map((h) => h.start));
    const end = Math.max(...open.filter((h) => h.start === start).map((h) => h.end));
    const same = hits.filter((h) => h.start === start && h.end === end).sort((x, y) => x.alias - y.alias);
    mentions.push({ start, end, entityIds: [...new Set(same.map((h) => h.entityId))] });
    covered = end;
  }
}
