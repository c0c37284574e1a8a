// One candidate per name, not per case (issue 14): "Londyn", "Londynu", "Londynie" are London
// once. The matcher's inflection rules (src/core/lang/rules) say which forms a name takes; capture
// reads them backwards: a candidate that the rules derive from another candidate's name is that
// candidate, and a lone case form is named by the nominative the rules point back to when
// something else attests that nominative (the bundled packs, compromise's lexicon): the rules
// alone allow several ("Londynie" may be of Londyn or of Londyna, "Подольски" looks like a form of
// "Подольска"), and a wrong name is worse than a case form.
import { fits, inflectedForms } from '../lang/inflect';
import { LANGUAGE_RULES } from '../lang/rules';
import type { LanguageRules } from '../lang/types';
import { PROPER_TAGS } from './candidates';
import { absorb, type Candidate, nameKey } from './entities';
import { isGivenName } from './first-names';
import { knownName } from './gazetteer';
import { lexiconTags } from './lexicon';

/** Whether the rules would read `word` as a nominative (some rule takes it as a name's base). */
function couldBeNominative(rules: LanguageRules, word: string): boolean {
  if (rules.harmony) return true;
  return rules.rules.some((r) => fits(r, word.toLowerCase()));
}

/**
 * The nominatives the rules derive `name` from: names whose forms include it. Only the last word
 * changes, as in the matcher. Empty for a language without suffix rules (Hungarian's harmony is
 * read forwards only).
 */
export function nominativesOf(name: string, lang: string): string[] {
  const rules = LANGUAGE_RULES[lang];
  if (!rules || rules.harmony) return [];
  const cut = name.lastIndexOf(' ') + 1;
  const word = name.slice(cut);
  const lower = word.toLowerCase();
  const out = new Set<string>();
  for (const rule of rules.rules) {
    for (const form of rule.forms) {
      if (!lower.endsWith(form) || lower.length - form.length < 2) continue;
      const base = name.slice(0, cut) + word.slice(0, word.length - form.length) + rule.ending;
      if (base !== name && inflectedForms(base, lang).includes(name)) out.add(base);
    }
  }
  return [...out];
}

/**
 * "Лотара Маттеуса", "Віктором Орбаном": a man's given name and surname declined together. Read
 * back only when the first word's one nominative is a given name and both end in a consonant, as
 * men's names of these declensions do ("Zbigniewa Ziobry" is left alone: Ziobro, not "Ziobra").
 */
function personNominative(name: string, lang: string): string | undefined {
  const words = name.split(' ');
  if (words.length !== 2) return undefined;
  const consonantal = (w: string) =>
    nominativesOf(w, lang).filter((b) => /[^\p{L}]|[^aeiouyáéíóúůěąęоаеиуыэюяіїєё]$/iu.test(b));
  const first = consonantal(words[0] as string).filter(isGivenName);
  const last = consonantal(words[1] as string);
  return first.length === 1 && last.length === 1 ? `${first[0]} ${last[0]}` : undefined;
}

/** Each word's forms: "David Moyes" → [{David, Davida, …}, {Moyes, Moyesa, …}] (Czech names decline whole). */
function wordForms(name: string, lang: string): Array<Set<string>> {
  return name.split(' ').map((w) => new Set([w, ...inflectedForms(w, lang)].map((f) => nameKey(f))));
}

/** `other` is `name` with some of its words in a case form ("Davida Moyese", "Manchesteru City"). */
function isFormOf(forms: Array<Set<string>>, otherKey: string): boolean {
  const words = otherKey.split(' ');
  return words.length === forms.length && words.every((w, i) => forms[i]?.has(w));
}

/** Merges the case forms of one name into one candidate named in the nominative. */
export function mergeCaseForms(cands: Candidate[], lang: string): Candidate[] {
  const rules = LANGUAGE_RULES[lang];
  if (!rules) return cands;
  const byKey = new Map(cands.map((c) => [c.key, c]));
  const gone = new Set<Candidate>();
  // Backwards first: a candidate only ever written in a case form gets its attested nominative,
  // which may be the last word of a longer name ("Před Moyesem" → Moyes, of David Moyes).
  const surnames = new Set(
    cands.filter((c) => c.key.includes(' ')).map((c) => c.key.slice(c.key.lastIndexOf(' ') + 1)),
  );
  for (const c of cands) {
    const known = knownName(c.name, lang);
    if (known) {
      if (known.name !== c.name) rename(c, known.name);
      continue;
    }
    if (c.name.includes(' ')) {
      const person = personNominative(c.name, lang);
      if (person) rename(c, person);
      continue;
    }
    const bases = nominativesOf(c.name, lang);
    // A surname of a name in the same article is evidence enough, even for a form that could be a
    // nominative itself ("Moyesem" could be a name; beside "David Moyes" it is his instrumental).
    const surname = bases.filter((b) => surnames.has(nameKey(b)));
    if (surname.length === 1) {
      rename(c, surname[0] as string);
      continue;
    }
    if (couldBeNominative(rules, c.name)) continue;
    const attested = bases.filter(
      (b) => byKey.has(nameKey(b)) || lexiconTags(nameKey(b)).some((t) => PROPER_TAGS.has(t)),
    );
    if (attested.length === 1) rename(c, attested[0] as string);
  }
  mergeSharedNominatives(cands, rules, lang, gone);
  // Forwards: each candidate's forms that the article also has are that candidate.
  // Candidates by their first word, so each one's forms are looked up, not compared with all.
  const byFirstWord = new Map<string, Candidate[]>();
  for (const c of cands) listIn(byFirstWord, c.key.split(' ')[0] as string).push(c);
  const byName = new Map<string, Candidate[]>();
  for (const c of cands) listIn(byName, c.key).push(c);
  for (const c of cands) {
    if (gone.has(c)) continue;
    for (const same of byName.get(c.key) ?? []) {
      if (same === c || gone.has(same)) continue;
      absorb(c, same);
      gone.add(same);
    }
    const forms = wordForms(c.name, lang);
    for (const first of forms[0] ?? []) {
      for (const other of byFirstWord.get(first) ?? []) {
        if (other === c || gone.has(other) || !isFormOf(forms, other.key)) continue;
        absorb(c, other);
        gone.add(other);
      }
    }
  }
  return cands.filter((c) => !gone.has(c));
}

/**
 * "Будапешта" and "Будапешті": two case forms with no nominative written are one name when the
 * rules lead both back to one nominative, and that one is its name.
 */
function mergeSharedNominatives(
  cands: Candidate[],
  rules: LanguageRules,
  lang: string,
  gone: Set<Candidate>,
) {
  const inflected = cands.filter(
    (c) => !c.name.includes(' ') && !couldBeNominative(rules, c.name) && !gone.has(c),
  );
  const bases = new Map(inflected.map((c) => [c, new Set(nominativesOf(c.name, lang))]));
  // By nominative, so each candidate meets only those it shares one with.
  const byBase = new Map<string, Candidate[]>();
  for (const [c, list] of bases) for (const b of list) listIn(byBase, b).push(c);
  for (const c of inflected) {
    if (gone.has(c)) continue;
    let shared = bases.get(c) as Set<string>;
    for (const b of bases.get(c) ?? []) {
      for (const o of byBase.get(b) ?? []) {
        if (o === c || gone.has(o) || o.key === c.key) continue;
        const common = new Set([...(bases.get(o) ?? [])].filter((x) => shared.has(x)));
        if (common.size === 0) continue;
        absorb(c, o);
        gone.add(o);
        shared = common;
      }
    }
    if (shared.size === 1 && c.mentions.some((m) => nameKey(m.surface) !== c.key))
      rename(c, [...shared][0] as string);
  }
}

function rename(c: Candidate, name: string): void {
  c.aliases.push(c.name);
  c.name = name;
  c.key = nameKey(name);
}

/** The list kept under `key`, made on first use. */
function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}
