/**
 * The mention engine: finds every known alias in a text in one pass.
 *
 * Pipeline per text: fold each character through lazily filled tables
 * (normalize.ts) while feeding the folded units to an Aho–Corasick automaton
 * (match-automaton.ts); each key the automaton reports is checked against the
 * original text (character boundaries, word boundaries, case rules) and the
 * survivors are reduced to leftmost-longest, non-overlapping mentions.
 * See docs/matching.md for the rules in the user's words.
 */

import {
  type Automaton,
  type AutomatonOptions,
  buildAutomaton,
  next,
  reviveAutomaton,
} from './match-automaton';
import {
  checkChecksum,
  checksum,
  checkVariants,
  decode,
  type SerializedMatcher,
  type SerializedMatcherJSON,
  toJSON,
  type VariantTables,
  variantTables,
} from './match-serial';
import {
  astralFold,
  CLASS,
  CLASS_MARK,
  CLASS_NO_SPACE,
  CLASS_REMOVED,
  CLASS_WORD,
  classOf,
  codePointAt,
  codePointBefore,
  FOLD,
  FOLD_OFFSET,
  FOLD_REMOVED,
  fillFold,
  foldText,
  multiFold,
  SPACE,
} from './normalize';

export interface AliasEntry {
  alias: string;
  entityId: string;
  caseSensitive?: boolean;
  /**
   * Into expandAliases (src/core/lang/inflect.ts): the language whose rules inflect this alias.
   * Into the matcher: the language this form counts in (a match reports it in `langs`).
   */
  lang?: string;
}

/** Where a known alias occurs in a text: what the page highlights as a mention. */
export interface AliasMatch {
  /** UTF-16 offset of the first character in the original text. */
  start: number;
  /** UTF-16 offset just after the mention (exclusive). */
  end: number;
  /** Every entity owning the matched alias, in alias order, without duplicates. */
  entityIds: string[];
  /**
   * Only when some entity matched by an inflected form alone: per entity id, the languages
   * (space-separated) whose text it counts in, '' for any. The page drops the others.
   */
  langs?: string[];
}

export interface Matcher {
  findAll(text: string): AliasMatch[];
  /** Number of aliases compiled in. */
  readonly size: number;
  /** Number of automaton states (for diagnostics and benchmarks). */
  readonly stateCount: number;
  /** Compact, structured-clone friendly form; see reviveMatcher. */
  serialize(): SerializedMatcher;
  toJSON(): SerializedMatcherJSON;
}

/** How an alias compares letter case once the folded forms agree. */
type CaseRule = 0 | 1 | 2;
/** Default: full case folding. */
const ANY_CASE = 0;
/** caseSensitive aliases and 1–2 letter acronyms ("AP", "US"). */
const EXACT = 1;
/** 3–5 letter all-caps acronyms: "NATO" or "Nato", never "nato". */
const ACRONYM = 2;

export type { SerializedMatcher, SerializedMatcherJSON } from './match-serial';

/** Build options; see AutomatonOptions (denseStates: 0 runs every state on the sparse rule). */
export type MatcherOptions = AutomatonOptions;

const ACRONYM_RE = /^\p{Lu}{3,5}$/u;
const SHORT_CAPS_RE = /^\p{Lu}{1,2}$/u;

function caseRuleOf(entry: AliasEntry, exactForm: string): CaseRule {
  if (entry.caseSensitive === true) return EXACT;
  if (SHORT_CAPS_RE.test(exactForm)) return EXACT;
  if (ACRONYM_RE.test(exactForm)) return ACRONYM;
  return ANY_CASE;
}

/** "NATO" → "Nato": the other spelling an acronym accepts. */
function titleCase(form: string): string {
  const cp = form.codePointAt(0) ?? 0;
  const head = String.fromCodePoint(cp);
  return head + form.slice(head.length).toLowerCase();
}

interface Tables extends VariantTables {
  size: number;
  automaton: Automaton;
}

interface Variant {
  rule: CaseRule;
  entity: number;
  form: string;
  lang: string;
}

export function createMatcher(aliases: ReadonlyArray<AliasEntry>, options: MatcherOptions = {}): Matcher {
  const entityIndex = new Map<string, number>();
  const entities: string[] = [];
  const byKey = new Map<string, Variant[]>();
  let i = 0;
  for (const entry of aliases) {
    const alias = entry.alias;
    const key = typeof alias === 'string' ? foldText(alias, true) : '';
    if (key.length === 0) {
      throw new Error(
        `alias ${i} (${JSON.stringify(alias)}) of entity ${JSON.stringify(entry.entityId)}: blank alias`,
      );
    }
    let entity = entityIndex.get(entry.entityId);
    if (entity === undefined) {
      entity = entities.length;
      entities.push(entry.entityId);
      entityIndex.set(entry.entityId, entity);
    }
    const form = foldText(alias, false);
    const rule = caseRuleOf(entry, form);
    const variant: Variant = { rule, entity, form: rule === ANY_CASE ? '' : form, lang: entry.lang ?? '' };
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [variant]);
    else list.push(variant);
    i++;
  }

  const keys = [...byKey.keys()].sort();
  const keyLen = new Int32Array(keys.length);
  const variantStart = new Int32Array(keys.length + 1);
  let variantCount = 0;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    keyLen[k] = key.length;
    variantStart[k] = variantCount;
    variantCount += (byKey.get(key) as Variant[]).length;
  }
  variantStart[keys.length] = variantCount;
  const variantRule = new Uint8Array(variantCount);
  const variantEntity = new Int32Array(variantCount);
  const exactForms: string[] = new Array<string>(variantCount);
  const variantLang: string[] = new Array<string>(variantCount);
  let v = 0;
  for (const key of keys) {
    for (const variant of byKey.get(key) as Variant[]) {
      variantRule[v] = variant.rule;
      variantEntity[v] = variant.entity;
      exactForms[v] = variant.form;
      variantLang[v] = variant.lang;
      v++;
    }
  }
  return new CompiledMatcher({
    size: i,
    automaton: buildAutomaton(keys, options),
    keyLen,
    variantStart,
    variantRule,
    variantEntity,
    exactForms,
    variantLang,
    entities,
  });
}

/**
 * Dense rows for a matcher revived in a page (reviveMatcher's `denseStates`). The default fills
 * rows up to DENSE_ENTRIES, 1.7 MB for the bundled packs with their inflected forms, allocated
 * and filled on every page load; text spends nearly all its time in the shallowest states, and
 * bench:match's corpus matches no slower with 256 rows (measured 38–43 ms/MB either way).
 */
export const PAGE_DENSE_STATES = 256;

/**
 * Revive a matcher from `serialize()` or `toJSON()` output without rebuilding the trie.
 * Throws a "serialised matcher: …" error for anything damaged or malformed (see match-serial.ts).
 */
export function reviveMatcher(
  data: SerializedMatcher | SerializedMatcherJSON,
  options: MatcherOptions = {},
): Matcher {
  const t = decode(data);
  const { automaton, depth } = reviveAutomaton(t.unit, t.first, t.fail, t.out, t.keyLen.length, options);
  checkVariants(t, depth);
  checkChecksum(t);
  return new CompiledMatcher({ size: t.size, automaton, ...variantTables(t) }, t.check);
}

/** Candidate mentions found during one scan, before overlap resolution. */
interface Candidate {
  start: number;
  end: number;
  entityIds: string[];
  langs?: string[];
}

/** A character ends a word here unless it is a spaced-script word character. */
const BOUNDARY_BITS = CLASS_WORD | CLASS_NO_SPACE | CLASS_REMOVED;

function isSpacedWord(cls: number): boolean {
  return (cls & (CLASS_WORD | CLASS_NO_SPACE)) === CLASS_WORD;
}

class CompiledMatcher implements Matcher {
  readonly size: number;
  readonly stateCount: number;
  private readonly tables: Tables;
  private readonly mask: number;
  /** Original offset of each recent folded unit, to map a key's start back. */
  private readonly ring: Int32Array;
  /** Checksum of the serialised form, known when revived; computed on first serialize(). */
  private check: number | undefined;

  constructor(t: Tables, check?: number) {
    this.tables = t;
    this.check = check;
    this.size = t.size;
    this.stateCount = t.automaton.stateCount;
    let maxLen = 1;
    for (const len of t.keyLen) if (len > maxLen) maxLen = len;
    let ringSize = 2;
    while (ringSize < maxLen + 2) ringSize *= 2;
    this.mask = ringSize - 1;
    this.ring = new Int32Array(ringSize);
  }

  // hot loop: this runs once per character of every text node on a page; the fast path reads the
  // automaton's tables into locals and steps inline, and splitting it into calls costs 2–3× at 100k aliases.
  findAll(text: string): AliasMatch[] {
    const a = this.tables.automaton;
    const node = a.node;
    const alpha = a.alpha;
    const dense = a.dense;
    const denseCount = a.denseCount;
    const width = a.alphabetSize;
    const fold = FOLD;
    const cls = CLASS;
    const ring = this.ring;
    const mask = this.mask;
    const n = text.length;
    const found: Candidate[] = [];
    let s = 0;
    let pos = 0;
    let prevSpace = false;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      let v = fold[c] as number;
      if (v === 0) v = fillFold(c);
      if (v >= FOLD_OFFSET) {
        // Fast path: one code unit folds to one code unit.
        const u = v - FOLD_OFFSET;
        if (u === SPACE) {
          if (prevSpace) {
            i++;
            continue;
          }
          prevSpace = true;
        } else {
          prevSpace = false;
        }
        ring[pos & mask] = i;
        pos++;
        i++;
        const sym = alpha[u] as number;
        if (sym === 0) {
          // No key contains this unit: every partial match dies here.
          s = 0;
          continue;
        }
        // The dense row read inline is next()'s first case; a call per character costs 2–3× at 100k aliases.
        s = s < denseCount ? (dense[s * width + sym] as number) : next(a, s, u, sym);
        if ((node[4 * s + 2] as number) > 0) {
          // Most keys that end here end inside a word ("Of" in "Office"):
          // rule those out with two table reads before the full check.
          const next = i < n ? (cls[text.charCodeAt(i)] as number) : 0;
          if ((next & BOUNDARY_BITS) !== CLASS_WORD || ((cls[c] as number) & BOUNDARY_BITS) !== CLASS_WORD) {
            this.report(text, s, i - 1, 1, pos, found);
          }
        }
        continue;
      }
      if (v === FOLD_REMOVED) {
        i++;
        continue;
      }
      // Slow path: multi-unit folds (ß → ss) and surrogates.
      let len = 1;
      let folded: string;
      if (c >= 0xd800 && c <= 0xdbff) {
        const cp = codePointAt(text, i);
        if (cp > 0xffff) {
          len = 2;
          folded = astralFold(cp);
        } else {
          folded = text[i] as string;
        }
      } else {
        folded = multiFold(c);
      }
      if (folded.length > 0) {
        prevSpace = false;
        const last = folded.length - 1;
        for (let k = 0; k <= last; k++) {
          const u = folded.charCodeAt(k);
          ring[pos & mask] = i;
          pos++;
          s = this.step(s, u);
          // A key ending inside this character's fold would split it.
          if (k === last && (a.term[s] as number) > 0) this.report(text, s, i, len, pos, found);
        }
      }
      i += len;
    }
    return selectLeftmostLongest(found);
  }

  private step(state: number, u: number): number {
    const a = this.tables.automaton;
    const sym = a.alpha[u] as number;
    return sym === 0 ? 0 : next(a, state, u, sym);
  }

  /**
   * Check every key ending at state `s` (the character at `charStart`, of
   * `charLen` units, was just consumed; `pos` folded units so far).
   */
  private report(
    text: string,
    s: number,
    charStart: number,
    charLen: number,
    pos: number,
    found: Candidate[],
  ): void {
    const { fail, out, term } = this.tables.automaton;
    const { keyLen, variantStart, variantRule, variantEntity, exactForms, variantLang, entities } =
      this.tables;
    const ring = this.ring;
    const mask = this.mask;
    const n = text.length;
    let end = -1;
    let endOk = false;
    // Ends: term[x] <= x and fail[t] < t (checked on revive), so t falls at every step.
    for (let t = term[s] as number; t > 0; t = term[fail[t] as number] as number) {
      const key = out[t] as number;
      const startPos = pos - (keyLen[key] as number);
      const start = ring[startPos & mask] as number;
      // Starting inside a character's fold (the second "s" of "ß") is not a match.
      if (startPos > 0 && ring[(startPos - 1) & mask] === start) continue;
      if (end < 0) {
        // Shared by every key ending here: extend over trailing ignored marks
        // and check the word boundary after the mention.
        end = charStart + charLen;
        while (end < n) {
          const cp = codePointAt(text, end);
          if ((classOf(cp) & CLASS_MARK) === 0) break;
          end += cp > 0xffff ? 2 : 1;
        }
        endOk = !isSpacedWord(classOf(codePointAt(text, charStart))) || !isSpacedWord(classAfter(text, end));
      }
      if (!endOk) continue;
      if (isSpacedWord(classOf(codePointAt(text, start))) && isSpacedWord(classBefore(text, start))) continue;

      const vEnd = variantStart[key + 1] as number;
      let ids: string[] | undefined;
      let langs: string[] | undefined;
      let tagged = false;
      let exact: string | undefined;
      for (let v = variantStart[key] as number; v < vEnd; v++) {
        const rule = variantRule[v] as CaseRule;
        if (rule !== ANY_CASE) {
          exact ??= foldText(text.slice(start, end), false);
          const form = exactForms[v] as string;
          if (exact !== form && (rule === EXACT || exact !== titleCase(form))) continue;
        }
        const id = entities[variantEntity[v] as number] as string;
        const lang = variantLang[v] as string;
        if (ids === undefined || langs === undefined) {
          ids = [id];
          langs = [lang];
        } else {
          const at = ids.indexOf(id);
          if (at < 0) {
            ids.push(id);
            langs.push(lang);
          } else if (langs[at] !== '' && !` ${langs[at]} `.includes(` ${lang} `)) {
            langs[at] = lang === '' ? '' : `${langs[at]} ${lang}`;
          }
        }
        if (lang !== '') tagged = true;
      }
      if (ids === undefined) continue;
      if (tagged && langs?.some((l) => l !== '')) found.push({ start, end, entityIds: ids, langs });
      else found.push({ start, end, entityIds: ids });
    }
  }

  serialize(): SerializedMatcher {
    const t = this.tables;
    const a = t.automaton;
    const data = {
      size: t.size,
      unit: a.unit,
      first: a.first,
      fail: a.fail,
      out: a.out,
      ...variantTables(t),
    };
    this.check ??= checksum(data);
    return { version: 1, ...data, check: this.check };
  }

  toJSON(): SerializedMatcherJSON {
    return toJSON(this.serialize());
  }
}

/** Class of the nearest visible character before `i` (0 at the start of text). */
function classBefore(text: string, i: number): number {
  let j = i;
  while (j > 0) {
    const cp = codePointBefore(text, j);
    const cls = classOf(cp);
    if ((cls & CLASS_REMOVED) === 0) return cls;
    j -= cp > 0xffff ? 2 : 1;
  }
  return 0;
}

/** Class of the nearest visible character at or after `i` (0 at the end of text). */
function classAfter(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const cp = codePointAt(text, j);
    const cls = classOf(cp);
    if ((cls & CLASS_REMOVED) === 0) return cls;
    j += cp > 0xffff ? 2 : 1;
  }
  return 0;
}

/** Earliest start wins; among equal starts the longest; then skip what it covers. */
function selectLeftmostLongest(found: Candidate[]): AliasMatch[] {
  if (found.length > 1) found.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: AliasMatch[] = [];
  let covered = 0;
  for (const c of found) {
    if (c.start < covered) continue;
    mentions.push(c);
    covered = c.end;
  }
  return mentions;
}
