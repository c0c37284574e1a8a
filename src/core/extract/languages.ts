// Capture in the article's language (issue 14). English keeps compromise's lexicon and tagger; in
// any other language a candidate needs evidence that it is a name, case forms of one name become
// one candidate, and the bundled packs' names in twelve languages type what they know.
import { canonicalLang } from '../lang';
import { detectLanguage } from '../lang/detect';
import { isAcronym, type Mention } from './candidates';
import { mergeCaseForms } from './case-forms';
import type { Candidate } from './entities';
import { isGivenName, looksLikePerson } from './first-names';
import { knownName } from './gazetteer';
import { germanMentions, germanName, looksLikeName } from './german';

/** Characters of the article the detector reads: enough for its stop words, cheap on 2 MB. */
const DETECT_SAMPLE = 20_000;
/** Fewer words than this are too few to outvote the page ("Merkel met Macron in Paris" reads as Dutch). */
const DETECT_MIN_WORDS = 30;

/**
 * The language capture reads an article in, as a primary subtag: what its words show, else what
 * the page declares, else English. A page's lang is often missing or wrong (an English template
 * around a Polish article), so the words come first.
 */
export function captureLanguage(text: string, declared: string | undefined): string {
  const sample = text.slice(0, DETECT_SAMPLE);
  const words = sample.match(/\p{L}+/gu)?.length ?? 0;
  const detected = words >= DETECT_MIN_WORDS ? detectLanguage(sample) : null;
  return detected ?? (canonicalLang(declared, 'en').split('-')[0] as string).toLowerCase();
}

/**
 * Runs of capitals that hold several names, split where one ends:
 * - "Германии Лукаш Подольски", "Orbán Viktor Brüsszelben": a known place in a case form before
 *   or after a person, which Slavic and Hungarian word order make common;
 * - "l'UMP Laure de la Raudière", "PSL Władysław Kosiniak-Kamysz", "Lewicy Borys Budka": a party
 *   (or anything) before a person's given name and surname;
 * - "Ukrajna NATO-csatlakozását", "USA-ban", "ЕС-у": a case ending or a compound after a hyphen on
 *   an acronym or a known name; the name is the part before the hyphen.
 * A head or tail is split off only when at least two words stay together.
 */
export function splitRuns(mentions: Mention[], lang: string): Mention[] {
  const out: Mention[] = [];
  const cut = lang === 'de' ? germanMentions(mentions, (w) => knownName(w, lang) !== undefined) : mentions;
  const place = (w: string) => knownName(w, lang)?.type === 'place';
  for (const m of cut) {
    if (m.display) {
      out.push(m);
      continue;
    }
    // Word boundaries (start offsets within the surface) where the run splits.
    const words = [...m.surface.matchAll(/\S+/gu)].map((w) => ({ text: w[0], at: w.index ?? 0 }));
    const parts: Array<{ from: number; to: number; hint?: Mention['hint'] }> = [];
    let from = 0;
    for (const [i, w] of words.entries()) {
      const hyphen = w.text.indexOf('-');
      const suffixed =
        hyphen > 0 &&
        /^\p{Ll}/u.test(w.text.slice(hyphen + 1)) &&
        (isAcronym(w.text.slice(0, hyphen)) || knownName(w.text.slice(0, hyphen), lang) !== undefined);
      if (suffixed) {
        if (i > from) parts.push({ from, to: i - 1 });
        parts.push({ from: i, to: i });
        from = i + 1;
        continue;
      }
      const left = words.length - i - 1;
      const next = words[i + 1]?.text ?? '';
      // "OECD Polska": an acronym before a known place is two names, even with one word after.
      const head =
        i === from &&
        (place(w.text) || isAcronym(w.text)) &&
        (left >= 2 || (left === 1 && isAcronym(w.text) && place(next)));
      const tail = i === words.length - 1 && i - from >= 2 && place(w.text);
      // "do polityków Lewicy Borys Budka", "na Twitter Gary Lineker": a person after another name.
      // (Not in Hungarian, which writes the surname first: "Orbán Viktor Brüsszelben".)
      const person =
        lang !== 'hu' &&
        !m.titled &&
        i === words.length - 2 &&
        i > from &&
        !place(next) &&
        isGivenName(w.text) &&
        !isGivenName(words[i - 1]?.text ?? '') &&
        /^\p{Lu}\p{Ll}/u.test(words[i + 1]?.text ?? '');
      if (person) {
        parts.push({ from, to: i - 1 }, { from: i, to: i + 1 });
        from = words.length;
        break;
      }
      if (head || tail) {
        if (i > from) parts.push({ from, to: i - 1 });
        parts.push({ from: i, to: i, ...(place(w.text) ? { hint: 'place' as const } : {}) });
        from = i + 1;
      }
    }
    if (parts.length === 0) {
      out.push(m);
      continue;
    }
    if (from < words.length) parts.push({ from, to: words.length - 1 });
    for (const p of parts) {
      const a = words[p.from] as { text: string; at: number };
      const b = words[p.to] as { text: string; at: number };
      let surface = m.surface.slice(a.at, b.at + b.text.length);
      if (p.from === p.to && surface.includes('-') && /-\p{Ll}/u.test(surface))
        surface = surface.slice(0, surface.indexOf('-'));
      out.push({
        ...m,
        surface,
        start: m.start + a.at,
        titled: p.hint === 'place' ? false : m.titled,
        initial: p.from === 0 ? m.initial : false,
        ...(p.hint ? { hint: p.hint } : {}),
      });
    }
  }
  return out;
}

/**
 * The candidates of a non-English article that are names: case forms merged, each kept only
 * with evidence of a name, typed by the bundled packs where they know it.
 */
export function namesInLanguage(groups: Candidate[], lang: string, text: string): Candidate[] {
  const merged = mergeCaseForms(groups, lang);
  const out: Candidate[] = [];
  for (const c of merged) {
    const known = knownName(c.name, lang) ?? c.aliases.map((a) => knownName(a, lang)).find(Boolean);
    if (known) c.type = known.type;
    else if (c.type === 'other' && looksLikePerson(c.name, lang)) c.type = 'person';
    if (lang === 'de' ? !germanName(c, text, known !== undefined) : !hasNameEvidence(c, known !== undefined))
      continue;
    out.push(c);
  }
  return out;
}

/**
 * A name is more than a capital at a sentence start ("Однако", "Według", "Zatímco" are filtered as
 * function words already; "Ветеран", "Aktualizacja" are ordinary nouns): a one-word candidate
 * written only at sentence starts needs the packs to know it or a spelling no common word has.
 */
function hasNameEvidence(c: Candidate, known: boolean): boolean {
  if (known || c.name.includes(' ') || isAcronym(c.name) || looksLikeName(c.name)) return true;
  return c.mentions.some((m) => !m.initial && !m.weak) || c.mentions.some((m) => m.titled);
}

/** Hungarian writes the family name first ("Orbán Viktor", "Szijjártó Péter"): known by the given name last. */
export function familyNameFirst(lang: string): (name: string) => boolean {
  if (lang !== 'hu') return () => false;
  return (name) => {
    const words = name.split(' ');
    return words.length === 2 && isGivenName(words[1] as string) && !isGivenName(words[0] as string);
  };
}
