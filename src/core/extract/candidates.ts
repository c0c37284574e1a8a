// Candidate names in an article: runs of capitalised words (with joiners such as "of" and "von"),
// acronyms, quoted titles and plan names, and "the … meeting in <Place>" events.
import type { EntityType } from '../pack';
import { functionWords, titles } from './function-words';
import {
  COMMON_TAGS,
  CONNECTORS,
  EVENT_HEADS,
  GATHERINGS,
  HONORIFICS,
  lexiconTags,
  NAME_PARTICLES,
  PLACE_PREPOSITIONS,
  PLAN_HEADS,
  SPEECH_VERBS,
  STOP_WORDS,
} from './lexicon';
import type { Sentence } from './sentences';

export interface Mention {
  /** The name as written, cleaned of possessives and titles. */
  surface: string;
  /** Preferred display name (differs from surface for quoted plan names). */
  display?: string;
  extraAliases?: string[];
  sentence: number;
  start: number;
  /** Type evidence from the context. */
  hint?: EntityType;
  /** Strong evidence that this is a person (a title before it). */
  titled?: boolean;
  /** Written at a sentence start, or only inside a headline: weaker evidence of a name. */
  weak: boolean;
  /** Its first word starts the sentence (capitalised whatever it is). */
  initial?: boolean;
  /** An acronym given in parentheses right after the name. */
  acronym?: string;
  /** The lower-case word before the name ("the", "in"), if any. */
  prev?: string;
}

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  cap: boolean;
  possessive: boolean;
}

const GERMAN_ARTICLES = new Set(['der', 'den', 'das', 'die', 'dem', 'des', 'zu']);

const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*/gu;
const DOT_WORDS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'sen',
  'rep',
  'gov',
  'gen',
  'st',
  'lt',
  'col',
  'capt',
  'sgt',
  'prof',
  'rev',
  'jr',
  'sr',
]);
/** Titles that make the following capitalised words a person's name by themselves. */
const WEAK_TITLES = new Set([
  'general',
  'chief',
  'executive',
  'officer',
  'leader',
  'foreign',
  'defence',
  'defense',
  'deputy',
  'vice',
  'prime',
  'st',
  'st.',
  'saint',
  'father',
  'author',
  'editor',
  'coach',
  'chair',
  'speaker',
  'director',
  'premier',
  'representative',
]);
const QUOTE_PAIRS: Array<[string, string]> = [
  ['“', '”'],
  ['"', '"'],
  ['‘', '’'],
  ['«', '»'],
  ['„', '“'],
];
const TITLE_JOINERS = new Set([
  'in',
  'the',
  'for',
  'of',
  'a',
  'an',
  'to',
  'and',
  'on',
  'at',
  'with',
  'from',
  'by',
]);

export const isAcronym = (w: string) =>
  /^(?:\p{Lu}\.){2,}$/u.test(w) ||
  (/^\p{Lu}[\p{L}\p{N}]{1,7}$/u.test(w) &&
    (w.match(/\p{Lu}/gu)?.length ?? 0) >= 2 &&
    w === w.replace(/[\p{Ll}]{2,}/gu, ''));

/** "1Password", "iPhone", "eBay": brand names whose capital is not their first character. */
const INNER_CAPITAL = /^(?:\p{N}+\p{Lu}\p{Ll}{2,}|\p{Ll}\p{Lu}[\p{L}]+)/u;

/** `innerCapitals`: the article is not in English (brand capitals, elision, no "'s"). */
function tokenize(text: string, offset: number, innerCapitals = false): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    let word = m[0];
    let start = offset + (m.index ?? 0);
    // Elision in French and Italian: "l’Assemblée", "d'Ukraine", "dell'Italia" name what follows.
    const elided = innerCapitals ? /^\p{Ll}{1,6}['’](?=\p{Lu})/u.exec(word) : null;
    if (elided) {
      word = word.slice(elided[0].length);
      start += elided[0].length;
    }
    let end = start + word.length;
    let possessive = false;
    const poss = innerCapitals ? null : /['’]s$|(?<=s)['’]$/u.exec(word);
    if (poss && word.length > poss[0].length + 1) {
      word = word.slice(0, -poss[0].length);
      possessive = true;
      end = start + word.length;
    } else if (/[’']$/.test(word)) {
      word = word.slice(0, -1);
    }
    const lower = word.toLowerCase();
    // Keep the period of "Mr." and initials ("Nelson D. Schwartz") inside the token.
    if (text[end - offset] === '.' && (DOT_WORDS.has(lower) || /^\p{Lu}$/u.test(word))) {
      word += '.';
      end += 1;
    }
    const cap = /^[\p{Lu}\p{Lt}]/u.test(word) || (innerCapitals && INNER_CAPITAL.test(word));
    out.push({ text: word, lower, start, end, cap, possessive });
  }
  return out;
}

export interface ScanContext {
  text: string;
  /** Lower-case words written in lower case somewhere in the article. */
  lowerWords: Set<string>;
  /** The article's language, a primary subtag ("de"); English when absent. */
  lang?: string;
}

/**
 * A title before a name in the article's language: "Senator", "Kanzlerin", "Президент", and in
 * compounds "NATO-Generalsekretär", "ex-prezydent".
 */
function isTitle(lower: string, ctx: ScanContext): boolean {
  if (HONORIFICS.has(lower)) return true;
  const own = titles(ctx.lang ?? 'en');
  return own.has(lower) || (own.size > 0 && own.has(lower.slice(lower.lastIndexOf('-') + 1)));
}

/** An ordinary word capitalised only because it starts a sentence. */
export function isCommonWord(word: string, ctx: ScanContext): boolean {
  const lower = word.toLowerCase();
  if ((ctx.lang ?? 'en') !== 'en')
    // compromise's lexicon is English: it reads "Christian" of "Christian Paul" as an adjective.
    return ctx.lowerWords.has(lower) || functionWords(ctx.lang as string).has(lower);
  if (STOP_WORDS.has(lower) || ctx.lowerWords.has(lower)) return true;
  if (isAcronym(word)) return false;
  const tags = lexiconTags(lower);
  if (tags.length > 0) return tags.every((t) => COMMON_TAGS.has(t));
  return /(?:ly|ing|ed)$/.test(lower) && lower.length > 4;
}

const FUNCTION_TAGS = new Set([
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Adverb',
  'Cardinal',
  'QuestionWord',
  'Month',
  'WeekDay',
]);

/** compromise's tags of names: a word it knows so is a name in any language ("Liverpool"). */
export const PROPER_TAGS = new Set([
  'Country',
  'City',
  'Place',
  'Region',
  'Organization',
  'Person',
  'SportsTeam',
]);

/** Words that never start a name, wherever they are: "In April", "Under Chancellor …", "Согласно". */
export function isFunctionWord(lower: string, lang = 'en'): boolean {
  return (
    STOP_WORDS.has(lower) ||
    functionWords(lang).has(lower) ||
    lexiconTags(lower).some((t) => FUNCTION_TAGS.has(t))
  );
}

function gapOk(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  // "Conseil d’Etat", "Jeanne d'Arc": an elided "de" joins as a space does (tokens lose it only in
  // the languages with elision; English keeps "d'Arc" whole).
  return (gap.length <= 2 && /^[ \u00a0]+$/.test(gap) && gap.length >= 1) || /^ [dD]['’]$/.test(gap);
}

/** Title Case without a closing period: a headline, whose capitals say little. */
function isHeadline(tokens: Token[], sentence: string): boolean {
  if (/\.["”’)]*$/u.test(sentence)) return false;
  const words = tokens.filter((t) => /\p{L}/u.test(t.text) && !TITLE_JOINERS.has(t.lower));
  return words.length >= 4 && words.filter((t) => t.cap).length / words.length >= 0.8;
}

const ROMANCE = new Set(['fr', 'it', 'es', 'pt']);
/** Adjectives of institutions' names: "-el" of constitutionnel, "-ale" of nationale, "-ico" of Democratico. */
const NAME_ADJECTIVE =
  /^\p{Ll}{3,}(?:al|ale|ales|aux|el|elle|els|elles|ique|iques|aire|aires|ien|ienne|iste|istes|if|ive|ais|aise|ois|oise|ico|ica|ici|iche|ario|aria|ese|eur)$/u;

/**
 * French, Italian, Spanish and Portuguese names go on in lower case: "Conseil constitutionnel",
 * "Assemblée nationale", "Partito democratico". An adjective right after one capitalised word (not a
 * longer run: "François Hollande" ends there) counts as part of the name.
 */
function nameAdjectives(tokens: Token[], text: string, lang: string): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const head = tokens[i] as Token;
    const next = tokens[i + 1] as Token;
    const before = tokens[i - 1];
    if (!head.cap || (before?.cap && gapOk(text, before, head)) || next.cap) continue;
    if (isAcronym(head.text) || functionWords(lang).has(head.lower)) continue;
    // "Commission nationale de contrôle des …" goes on in lower case: cut anywhere, it is no name.
    const after = tokens[i + 2];
    if (after && gapOk(text, next, after) && /^(?:de|du|des|d|di|del|della|do|da)$/.test(after.lower))
      continue;
    if (NAME_ADJECTIVE.test(next.text) && gapOk(text, head, next)) next.cap = true;
  }
}

/** Scan one sentence for candidate mentions. */
export function scanSentence(s: Sentence, index: number, ctx: ScanContext): Mention[] {
  const { text } = ctx;
  // English results are kept as they were: brand spellings count in the other languages only.
  const tokens = tokenize(s.text, s.start, (ctx.lang ?? 'en') !== 'en');
  if (ROMANCE.has(ctx.lang ?? 'en')) nameAdjectives(tokens, text, ctx.lang as string);
  const headline = isHeadline(tokens, s.text);
  const out: Mention[] = [];
  const used = new Set<number>();
  for (const m of quotedNames(s, tokens, index)) {
    out.push(m.mention);
    for (let k = m.from; k <= m.to; k++) used.add(k);
  }
  out.push(...gatherings(s, index));
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    if (!first?.cap || used.has(i)) {
      i++;
      continue;
    }
    let last = i;
    let k = i + 1;
    while (k < tokens.length && !used.has(k)) {
      const prev = tokens[last] as Token;
      const tok = tokens[k] as Token;
      if (prev.possessive || !gapOk(text, tokens[k - 1] as Token, tok)) break;
      if (tok.cap) {
        last = k++;
        continue;
      }
      // Joiners: "of", "for a", "von"; "in" only after an event ("NATO Summit in Washington").
      // German "der", "den", "das", "zu" are articles first ("Zahl der Zusatzfelder"), name parts rarely.
      const joinerOk = (t: Token) =>
        (CONNECTORS.has(t.lower) && !(ctx.lang === 'de' && GERMAN_ARTICLES.has(t.lower))) ||
        (t.lower === 'in' && EVENT_HEADS.has(prev.lower));
      if (!joinerOk(tok) || tok.lower === 'the' || tok.lower === 'a' || tok.lower === 'and') break;
      let j = k;
      while (
        j < tokens.length &&
        !tokens[j]?.cap &&
        (CONNECTORS.has(tokens[j]?.lower ?? '') || j === k) &&
        tokens[j]?.lower !== 'and'
      ) {
        if (j > k && !gapOk(text, tokens[j - 1] as Token, tokens[j] as Token)) break;
        j++;
      }
      const after = tokens[j];
      if (!after?.cap || used.has(j) || !gapOk(text, tokens[j - 1] as Token, after)) break;
      last = j;
      k = j + 1;
    }
    out.push(...splitRun(tokens, i, last, index, s, headline, ctx));
    i = last + 1;
  }
  return out;
}

function mentionOf(
  tokens: Token[],
  from: number,
  to: number,
  sentence: number,
  ctx: ScanContext,
  extra: Partial<Mention>,
): Mention {
  const a = tokens[from] as Token;
  const b = tokens[to] as Token;
  return { surface: ctx.text.slice(a.start, b.end), sentence, start: a.start, weak: false, ...extra };
}

/** Split a capitalised run at titles and drop sentence-initial ordinary words. */
function splitRun(
  tokens: Token[],
  from: number,
  to: number,
  sentence: number,
  s: Sentence,
  headline: boolean,
  ctx: ScanContext,
): Mention[] {
  const { text } = ctx;
  let a = from;
  // Sentence start (or after "Reuters: " style labels): strip ordinary words.
  const atStart = (k: number) => {
    const before = text.slice(s.start, (tokens[k] as Token).start);
    return /^[\s"“‘'([«„-]*$/u.test(before) || /:\s*["“]?$/.test(before);
  };
  const startsSentence = atStart(a);
  let initial = startsSentence;
  // A known name as a whole ("United Kingdom", "New York") keeps its first word.
  const whole = lexiconTags(
    text.slice((tokens[from] as Token).start, (tokens[to] as Token).end).toLowerCase(),
  );
  if (whole.some((t) => PROPER_TAGS.has(t))) initial = false;
  while (
    a <= to &&
    (initial || !whole.some((t) => PROPER_TAGS.has(t))) &&
    !isTitle((tokens[a] as Token).lower, ctx) &&
    ((initial && isCommonWord((tokens[a] as Token).text, ctx)) ||
      // Other languages' function words only at a sentence start: inside one they are part of a
      // name ("São Paulo", "La Stampa", "Die Zeit").
      (isFunctionWord((tokens[a] as Token).lower) && !isAcronym((tokens[a] as Token).text)))
  ) {
    a++;
    initial = false;
    while (a <= to && !(tokens[a] as Token).cap) a++;
  }
  if (a > to) return [];
  // Titles: "NATO Secretary General Jens Stoltenberg" → "NATO" + person "Jens Stoltenberg".
  for (let h = a; h < to; h++) {
    if (!isTitle((tokens[h] as Token).lower, ctx)) continue;
    let e = h;
    while (e + 1 <= to && isTitle((tokens[e + 1] as Token).lower, ctx)) e++;
    const name = tokens[e + 1];
    if (!name?.cap || e + 1 > to) break;
    const strong = [...Array(e - h + 1).keys()].some((d) => !WEAK_TITLES.has((tokens[h + d] as Token).lower));
    const firstName = lexiconTags(name.lower).some((t) => t.endsWith('Name'));
    if (!strong && !firstName) break;
    let pe = e + 1;
    while (
      pe + 1 <= to &&
      ((tokens[pe + 1] as Token).cap || NAME_PARTICLES.has((tokens[pe + 1] as Token).lower))
    )
      pe++;
    const out: Mention[] = [];
    if (h > a) out.push(...finish(tokens, a, h - 1, sentence, ctx, headline, a === from && startsSentence));
    out.push(mentionOf(tokens, e + 1, pe, sentence, ctx, { hint: 'person', titled: true, weak: headline }));
    if (pe + 2 <= to) out.push(...splitRun(tokens, pe + 2, to, sentence, s, headline, ctx));
    return out;
  }
  return finish(tokens, a, to, sentence, ctx, headline, a === from && startsSentence);
}

function finish(
  tokens: Token[],
  from: number,
  to: number,
  sentence: number,
  ctx: ScanContext,
  weak: boolean,
  initial = false,
): Mention[] {
  let b = to;
  while (b > from && !(tokens[b] as Token).cap) b--;
  const first = tokens[from] as Token;
  const lastTok = tokens[b] as Token;
  if (
    from === b &&
    (STOP_WORDS.has(first.lower) || /^\p{Lu}\.?$/u.test(first.text)) &&
    !isAcronym(first.text)
  )
    return [];
  if (from === b && lexiconTags(first.lower).includes('Demonym')) return [];
  // Plural acronyms ("NGOs") are kinds of things; handles ("@NelsonSchwartz") are not names in the text.
  if (from === b && /^\p{Lu}{2,}s$/u.test(first.text)) return [];
  if (/[@#]$/.test(ctx.text.slice(first.start - 1, first.start))) return [];
  // A single word only ever written in quotes is a term ("Schutzverträge"), not a name.
  const { text } = ctx;
  if (from === b && /["“‘«„]$/u.test(text.slice(first.start - 1, first.start))) return [];
  const m = mentionOf(tokens, from, b, sentence, ctx, initial ? { weak, initial } : { weak });
  const before = tokens[from - 1];
  if (before && !before.cap && gapOk(text, before, first)) m.prev = before.lower;
  const after = tokens[b + 1];
  const next = text.slice(lastTok.end, lastTok.end + 3);
  if (after && SPEECH_VERBS.has(after.lower) && /^[ ]\p{Ll}/u.test(next)) m.hint = 'person';
  else if (before && (before.lower === 'said' || before.lower === 'says') && from === b) m.hint = 'person';
  else if (before && PLACE_PREPOSITIONS.has(before.lower) && !before.cap) m.hint = 'place';
  if (EVENT_HEADS.has(lastTok.lower) && b > from) m.hint = 'event';
  const acr = /^\s*\(([\p{Lu}][\p{L}]{1,7})\)/u.exec(text.slice(lastTok.end, lastTok.end + 12));
  if (acr?.[1] && isAcronym(acr[1]) && acr[1][0] === first.text[0]) m.acronym = acr[1];
  return [m];
}

/** Quoted titles (“Postcolonial Remembrance in the City”) and plan names (“operational plan for …”). */
function quotedNames(
  s: Sentence,
  tokens: Token[],
  sentence: number,
): Array<{ mention: Mention; from: number; to: number }> {
  const out: Array<{ mention: Mention; from: number; to: number }> = [];
  for (const [open, close] of QUOTE_PAIRS) {
    let at = 0;
    for (;;) {
      const o = s.text.indexOf(open, at);
      if (o < 0) break;
      const c = s.text.indexOf(close, o + 1);
      if (c < 0) break;
      at = c + 1;
      const start = s.start + o + 1;
      let end = s.start + c;
      while (end > start && /[\s,.;:!?]/.test(s.text[end - s.start - 1] ?? '')) end--;
      const inner = tokens.map((t, k) => ({ t, k })).filter(({ t }) => t.start >= start && t.end <= end);
      if (inner.length < 2 || inner.length > 10 || /[.!?;:]/.test(s.text.slice(o + 1, end - s.start)))
        continue;
      const fromTok = inner[0] as { t: Token; k: number };
      const toTok = inner[inner.length - 1] as { t: Token; k: number };
      const raw = s.text.slice(fromTok.t.start - s.start, toTok.t.end - s.start);
      const titled =
        fromTok.t.cap && toTok.t.cap && inner.every(({ t }) => t.cap || TITLE_JOINERS.has(t.lower));
      const head = inner.slice(0, 3).findIndex(({ t }) => PLAN_HEADS.has(t.lower));
      if (titled && inner.length <= 8) {
        out.push({
          mention: { surface: raw, sentence, start: fromTok.t.start, weak: false, hint: 'other' },
          from: fromTok.k,
          to: toTok.k,
        });
      } else if (head >= 0 && inner.length >= 3 && inner.slice(head + 1).some(({ t }) => t.cap)) {
        let shown = '';
        let pos = fromTok.t.start;
        for (const [n, { t }] of inner.entries()) {
          const word =
            n > 0 && TITLE_JOINERS.has(t.lower) ? t.text : t.text.charAt(0).toUpperCase() + t.text.slice(1);
          shown += s.text.slice(pos - s.start, t.start - s.start) + word;
          pos = t.end;
        }
        const fromHead =
          head > 0
            ? [s.text.slice((inner[head] as { t: Token }).t.start - s.start, toTok.t.end - s.start)]
            : [];
        out.push({
          mention: {
            surface: raw,
            display: shown,
            extraAliases: fromHead,
            sentence,
            start: fromTok.t.start,
            weak: false,
            hint: 'other',
          },
          from: fromTok.k,
          to: toTok.k,
        });
      }
    }
  }
  return out;
}

const GATHERING_RE = new RegExp(
  String.raw`(?:\b(?:the|a|an)\s+|(\p{Lu}[\p{L}\p{M}]+)\s+)((?:\p{Ll}+\s+)?(?:${[...GATHERINGS].join('|')}))\s+in\s+(\p{Lu}[\p{L}\p{M}-]+(?:\s\p{Lu}[\p{L}\p{M}-]+)*)`,
  'gu',
);

/** "the ministerial meeting in Brussels", "NATO summit in Washington". */
function gatherings(s: Sentence, sentence: number): Mention[] {
  const out: Mention[] = [];
  for (const m of s.text.matchAll(GATHERING_RE)) {
    const place = m[3] ?? '';
    if (
      STOP_WORDS.has(place.toLowerCase()) ||
      lexiconTags(place.toLowerCase()).some((t) => t === 'Month' || t === 'WeekDay')
    )
      continue;
    if (
      /^(?:press|news|video|phone|online|virtual|next|previous|last|first|recent|same|this|that)\s/.test(
        m[2] ?? '',
      )
    )
      continue;
    const lead =
      m[1] && !STOP_WORDS.has(m[1].toLowerCase()) && !EVENT_HEADS.has(m[1].toLowerCase()) ? `${m[1]} ` : '';
    if (m[1] && !lead) continue;
    const surface = `${lead}${m[2]} in ${place}`;
    const start = s.start + (m.index ?? 0) + m[0].length - surface.length;
    if (s.text.slice(start - s.start, start - s.start + surface.length) !== surface) continue;
    out.push({ surface, sentence, start, weak: false, hint: 'event' });
  }
  return out;
}
