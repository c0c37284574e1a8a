// Inflected forms of names, made when the matcher is built (in the background): pages only ever
// get the compiled matcher, so no rule data reaches them. Each form is tagged with its language
// and counts only in text of that language (src/content/match-scheduler.ts); a name as written
// keeps no tag and matches everywhere, a label as written everywhere but in text of another language.
import type { AliasEntry } from '../matcher';
import { UNKNOWN_LANGUAGE } from './filter';
import { LANGUAGE_RULES } from './rules';
import type { HarmonyRules, LanguageRules, SuffixRule } from './types';

const LATIN_RE = /\p{Script=Latin}/u;
const CYRILLIC_RE = /\p{Script=Cyrillic}/u;
/** Acronyms (NATO, США) and names with digits do not decline in running text. */
const NO_INFLECTION_RE = /^[\p{Lu}\p{N}\p{P}\s]+$|\p{N}/u;
const UPPER_START_RE = /^\p{Lu}/u;
/** Shorter last words (EU, Kyi…) would make forms that are mostly other words. */
const MIN_WORD = 3;

/** The primary subtag of a BCP 47 tag, lower case ("pl-PL" → "pl"). */
export function primaryLang(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

function scriptOf(word: string): 'Latn' | 'Cyrl' | null {
  if (CYRILLIC_RE.test(word)) return 'Cyrl';
  if (LATIN_RE.test(word)) return 'Latn';
  return null;
}

/** Languages whose rules fit a name with no language of its own: those of its script. */
export function languagesFor(alias: string): string[] {
  const script = scriptOf(alias);
  return Object.values(LANGUAGE_RULES)
    .filter((rules) => rules.script === script)
    .map((rules) => rules.lang);
}

/** Whether a suffix rule takes `word` (lower case) as a name's base form. */
export function fits(rule: SuffixRule, word: string): boolean {
  if (!word.endsWith(rule.ending) || word.length - rule.ending.length < 2) return false;
  const before = word.charAt(word.length - rule.ending.length - 1);
  if (rule.after !== undefined && !rule.after.includes(before)) return false;
  if (rule.notAfter?.includes(before)) return false;
  return true;
}

function suffixForms(rules: readonly SuffixRule[], word: string): string[] {
  const lower = word.toLowerCase();
  const rule = rules.find((r) => fits(r, lower));
  if (!rule) return [];
  const stem = word.slice(0, word.length - rule.ending.length);
  return rule.forms.map((form) => stem + form);
}

/** The harmony list a word takes: by its last vowel, i/í counting only when there is no other. */
function harmonyList(h: HarmonyRules, lower: string): readonly string[] {
  for (let i = lower.length - 1; i >= 0; i--) {
    const ch = lower.charAt(i);
    if (h.vowels.back.includes(ch)) return h.back;
    if (h.vowels.frontRounded.includes(ch)) return h.frontRounded;
    if (h.vowels.front.includes(ch) && ch !== 'i' && ch !== 'í') return h.front;
  }
  return h.front;
}

function harmonyForms(h: HarmonyRules, word: string): string[] {
  const lower = word.toLowerCase();
  const last = lower.slice(-1);
  const endsInVowel = (h.vowels.back + h.vowels.front + h.vowels.frontRounded).includes(last);
  const lengthened = h.lengthen[last];
  const stem = lengthened ? word.slice(0, -1) + lengthened : word;
  return harmonyList(h, lower).map((suffix) => {
    const mark = suffix.charAt(0);
    if (mark === '=') return stem + (endsInVowel ? h.assimilates : word.slice(-1)) + suffix.slice(1);
    if (mark === '+') return stem + (endsInVowel ? suffix.slice(2) : suffix.slice(1));
    if (mark === '*')
      return stem + (endsInVowel || h.noLink.includes(last) ? suffix.slice(2) : suffix.slice(1));
    return stem + suffix;
  });
}

/** Each language's stop words as a set, made once: capture asks for forms of every name it reads. */
const stopWordSets = new WeakMap<LanguageRules, Set<string>>();
function stopWordsOf(rules: LanguageRules): Set<string> {
  let set = stopWordSets.get(rules);
  if (!set) {
    set = new Set(rules.stopWords.split(' '));
    stopWordSets.set(rules, set);
  }
  return set;
}

/**
 * The inflected forms of `alias` in language `lang` (none for a language without rules, an
 * acronym, or a name whose last word is short or lower case). Only the last word changes; a form
 * that is a common word of the language is dropped.
 */
export function inflectedForms(alias: string, lang: string): string[] {
  const rules: LanguageRules | undefined = LANGUAGE_RULES[primaryLang(lang)];
  if (!rules || NO_INFLECTION_RE.test(alias)) return [];
  const cut = alias.lastIndexOf(' ') + 1;
  const head = alias.slice(0, cut);
  const word = alias.slice(cut);
  if ([...word].length < MIN_WORD || !UPPER_START_RE.test(word) || scriptOf(word) !== rules.script) return [];
  const forms = rules.harmony ? harmonyForms(rules.harmony, word) : suffixForms(rules.rules, word);
  const common = stopWordsOf(rules);
  const out = new Set<string>();
  for (const form of forms) {
    if (form !== word && !common.has(form.toLowerCase())) out.add(head + form);
  }
  return [...out];
}

/**
 * Above this many names, names without a language are not inflected (labels still are). Each
 * Latin name gains ~22 forms (Hungarian alone 13): bench:match builds 10,000 names with every
 * rule in ~3 s and 36 MB against 0.2 s and 7 MB without, so the 135,000-city pack would take the
 * background minutes and hundreds of MB. Large packs are place lists, whose labels carry their
 * languages anyway.
 */
export const INFLECT_PLAIN_NAMES_LIMIT = 20_000;

/**
 * Every alias and its inflected forms. An entry's `lang` says which language's rules apply (a
 * label); without one, the rules of every language of its script do (a proper name: "Orbán").
 * Entries come out with a name as written untagged (a label tagged with its language and with
 * UNKNOWN_LANGUAGE), each form tagged with its language and
 * case-sensitive (so "polski" the adjective is not "Polski", of Poland). Past `plainNamesLimit`
 * entries, only labels are inflected (see INFLECT_PLAIN_NAMES_LIMIT).
 */
export function expandAliases(
  entries: readonly AliasEntry[],
  plainNamesLimit = INFLECT_PLAIN_NAMES_LIMIT,
): AliasEntry[] {
  const out: AliasEntry[] = [];
  const seen = new Set<string>();
  const plainNames = entries.length <= plainNamesLimit;
  for (const entry of entries) {
    const { lang, ...plain } = entry;
    if (lang) {
      // A label as written is a word of its language: in text known to be in another one it is
      // mostly another word (German "Island" is Iceland; English "Stewart Island" is not), so it
      // counts in its language and where the language is unknown (UNKNOWN_LANGUAGE), not elsewhere.
      out.push({ ...plain, lang: primaryLang(lang) });
      // Once per entity and label, however many languages share it ("Jersey" in ten).
      const unknown = `${UNKNOWN_LANGUAGE}\u0000${entry.entityId}\u0000${entry.alias}`;
      if (!seen.has(unknown)) {
        seen.add(unknown);
        out.push({ ...plain, lang: UNKNOWN_LANGUAGE });
      }
    } else {
      out.push(plain);
    }
    const langs = lang ? [primaryLang(lang)] : plainNames ? languagesFor(entry.alias) : [];
    for (const l of langs) {
      for (const form of inflectedForms(entry.alias, l)) {
        const id = `${l}\u0000${entry.entityId}\u0000${form}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ alias: form, entityId: entry.entityId, caseSensitive: true, lang: l });
      }
    }
  }
  return out;
}

/** An entity's names for the matcher: name and aliases with no language, labels with theirs. */
export function entityAliasEntries(entity: {
  key: string;
  name: string;
  aliases: readonly string[];
  labels?: Readonly<Record<string, readonly string[]>>;
  caseSensitive?: boolean;
}): AliasEntry[] {
  const flags = entity.caseSensitive ? { caseSensitive: true } : {};
  const names = new Set([entity.name, ...entity.aliases]);
  const entries: AliasEntry[] = [...names].map((alias) => ({ alias, entityId: entity.key, ...flags }));
  for (const [lang, labels] of Object.entries(entity.labels ?? {})) {
    for (const alias of labels) entries.push({ alias, entityId: entity.key, lang, ...flags });
  }
  return entries;
}
