/**
 * Text folding for mention matching.
 *
 * Both aliases and page text go through the same per-character folding so an
 * automaton built from folded aliases can scan folded text. Folding one
 * character never looks at its neighbours (except for collapsing white-space
 * runs), which keeps an exact map from every folded unit back to the original
 * UTF-16 offset.
 *
 * Per-character results are memoised in lazily filled tables: computing a
 * fold needs `normalize`/`toUpperCase`, far too slow to call per character
 * of a 10 MB page, but each distinct character is computed only once.
 */

export const SPACE = 0x20;
export const APOSTROPHE = 0x27;
export const HYPHEN = 0x2d;

/** Fold table entries: 0 = not computed yet. */
export const FOLD_REMOVED = 1;
/** The character folds to several units (ß → ss) or starts a surrogate pair. */
export const FOLD_SLOW = 2;
/** Single-unit results are stored as unit + FOLD_OFFSET. */
export const FOLD_OFFSET = 16;

/** Character class bits. */
export const CLASS_KNOWN = 1;
/** A letter, mark or digit: part of a word. */
export const CLASS_WORD = 2;
/** A word character of a script written without spaces between words. */
export const CLASS_NO_SPACE = 4;
/** Folds to nothing: ignored diacritic, soft hyphen, zero-width character. */
export const CLASS_REMOVED = 8;
/** An ignored combining mark: a mention ending before it is extended over it. */
export const CLASS_MARK = 16;

const WORD_RE = /^[\p{L}\p{M}\p{N}]/u;
const NO_SPACE_RE =
  /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Tai_Tham}\p{scx=Tai_Le}\p{scx=New_Tai_Lue}\p{scx=Yi}\p{scx=Javanese}\p{scx=Balinese}]/u;
const NONSPACING_MARK_RE = /^[\p{Mn}\p{Me}]/u;
const WHITESPACE_RE = /^[\s\u0085]/u;

/**
 * Diacritics we compare without: the generic combining blocks plus Cyrillic,
 * Hebrew and Arabic vowel/cantillation marks. Marks that change the letter in
 * Indic, Thai or Japanese (virama, nukta, dakuten, …) stay significant.
 */
export function isIgnorableMark(cp: number): boolean {
  const inRange =
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x0483 && cp <= 0x0489) ||
    (cp >= 0x0591 && cp <= 0x05c7) ||
    (cp >= 0x0610 && cp <= 0x061a) ||
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x06d6 && cp <= 0x06ed) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f);
  return inRange && NONSPACING_MARK_RE.test(String.fromCodePoint(cp));
}

/** Invisible characters that may sit inside a word (hyphenation hints, joiners). */
export function isInvisible(cp: number): boolean {
  return cp === 0x00ad || (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff;
}

function isRemoved(cp: number): boolean {
  return isInvisible(cp) || isIgnorableMark(cp);
}

/** Apostrophe and dash variants collapse to one ASCII form each. */
function typographic(cp: number): number {
  switch (cp) {
    case 0x2019:
    case 0x2018:
    case 0x02bc:
      return APOSTROPHE;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x2e3a:
    case 0x2e3b:
    case 0xfe58:
    case 0xfe63:
    case 0xff0d:
      return HYPHEN;
    default:
      return cp;
  }
}

/** Drop ignored characters and map typographic variants, keeping case. */
function stripAndMap(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!isRemoved(cp)) out += String.fromCodePoint(typographic(cp));
  }
  return out;
}

/**
 * Fold one code point (given as a string) to its comparison form.
 * Lone surrogates fold to themselves; they never match anything else.
 */
export function foldChar(ch: string, caseFold: boolean): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0xd800 && cp <= 0xdfff) return ch;
  if (isRemoved(cp)) return '';
  if (WHITESPACE_RE.test(ch)) return ' ';
  const t = typographic(cp);
  if (t !== cp) return String.fromCharCode(t);
  // Marks are stripped before case mapping so that NFC "ᾳ" and NFD "α" + U+0345
  // fold alike, and "İ" (I + dot above) folds to a plain "i".
  const base = stripAndMap(ch.normalize('NFD'));
  if (!caseFold) return base;
  // lower(upper(x)) approximates full case folding: ß → ss, ς → σ, ı → i, ﬁ → fi.
  return stripAndMap(base.toUpperCase().toLowerCase().normalize('NFD'));
}

/** Case-folding table for BMP code units, filled on demand. */
export const FOLD = new Int32Array(0x10000);
const multiFolds = new Map<number, string>();
const astralFolds = new Map<number, string>();

export function fillFold(unit: number): number {
  let code: number;
  if (unit >= 0xd800 && unit <= 0xdbff) {
    code = FOLD_SLOW;
  } else {
    const f = foldChar(String.fromCharCode(unit), true);
    if (f.length === 0) code = FOLD_REMOVED;
    else if (f.length === 1) code = f.charCodeAt(0) + FOLD_OFFSET;
    else {
      multiFolds.set(unit, f);
      code = FOLD_SLOW;
    }
  }
  FOLD[unit] = code;
  return code;
}

/** The case-folded form of a BMP unit whose table entry is FOLD_SLOW. */
export function multiFold(unit: number): string {
  return multiFolds.get(unit) ?? String.fromCharCode(unit);
}

/** The case-folded form of a supplementary-plane code point. */
export function astralFold(cp: number): string {
  let f = astralFolds.get(cp);
  if (f === undefined) {
    f = foldChar(String.fromCodePoint(cp), true);
    astralFolds.set(cp, f);
  }
  return f;
}

/** Character classes for BMP units, filled on demand. */
export const CLASS = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function computeClass(cp: number): number {
  if (cp >= 0xd800 && cp <= 0xdfff) return CLASS_KNOWN;
  let c = CLASS_KNOWN;
  const ch = String.fromCodePoint(cp);
  if (isRemoved(cp)) {
    c |= CLASS_REMOVED;
    if (!isInvisible(cp)) c |= CLASS_MARK;
  }
  // "ʼ" is a letter to Unicode but an apostrophe to readers.
  if (WORD_RE.test(ch) && typographic(cp) === cp) {
    c |= CLASS_WORD;
    if (NO_SPACE_RE.test(ch)) c |= CLASS_NO_SPACE;
  }
  return c;
}

/** Class bits of a code point (BMP or astral). */
export function classOf(cp: number): number {
  if (cp < 0x10000) {
    let c = CLASS[cp] ?? 0;
    if (c === 0) {
      c = computeClass(cp);
      CLASS[cp] = c;
    }
    return c;
  }
  let c = astralClasses.get(cp);
  if (c === undefined) {
    c = computeClass(cp);
    astralClasses.set(cp, c);
  }
  return c;
}

/** Code point starting at i, treating a lone surrogate as its own value. */
export function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** Code point ending just before `end` (exclusive). */
export function codePointBefore(text: string, end: number): number {
  const d = text.charCodeAt(end - 1);
  if (d >= 0xdc00 && d <= 0xdfff && end >= 2) {
    const c = text.charCodeAt(end - 2);
    if (c >= 0xd800 && c <= 0xdbff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return d;
}

/**
 * Fold a whole string the way the scanner folds text: per character, with
 * white-space runs collapsed to one space and outer spaces trimmed.
 * `caseFold: false` keeps letter case (for case-sensitive comparisons).
 */
export function foldText(text: string, caseFold: boolean): string {
  let out = '';
  let prevSpace = true;
  for (const ch of text) {
    const f = caseFold ? foldCharCached(ch) : foldChar(ch, false);
    if (f.length === 0) continue;
    if (f === ' ') {
      if (prevSpace) continue;
      prevSpace = true;
    } else {
      prevSpace = false;
    }
    out += f;
  }
  return prevSpace && out.endsWith(' ') ? out.slice(0, -1) : out;
}

function foldCharCached(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x10000) return astralFold(cp);
  // A lone high surrogate from `for…of` has length 1 and folds to itself.
  if (cp >= 0xd800 && cp <= 0xdfff) return ch;
  let v = FOLD[cp] ?? 0;
  if (v === 0) v = fillFold(cp);
  if (v === FOLD_REMOVED) return '';
  if (v === FOLD_SLOW) return multiFold(cp);
  return String.fromCharCode(v - FOLD_OFFSET);
}
