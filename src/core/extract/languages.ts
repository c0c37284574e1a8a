// Capture in the article's language (issue 14). English keeps compromise's lexicon and tagger; in
// any other language a candidate needs evidence that it is a name, case forms of one name become
// one candidate, and the bundled packs' names in twelve languages type what they know.
import { canonicalLang } from '../lang';
import { detectLanguage } from '../lang/detect';
import { isAcronym, type Mention } from './candidates';
import { mergeCaseForms } from './case-forms';
import type { Candidate } from './entities';
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
 * "Германии Лукаш Подольски": a known place in the genitive run into the person after it, which
 * Slavic word order makes common. The known head is split off when at least two words follow.
 */
export function splitKnownHeads(mentions: Mention[], lang: string): Mention[] {
  const out: Mention[] = [];
  const cut = lang === 'de' ? germanMentions(mentions, (w) => knownName(w, lang) !== undefined) : mentions;
  for (const m of cut) {
    const words = m.surface.split(' ');
    const head = words[0] as string;
    if (words.length < 3 || m.display || !knownName(head, lang)) {
      out.push(m);
      continue;
    }
    const rest = m.surface.slice(head.length + 1);
    out.push({ ...m, surface: head, hint: 'place', titled: false });
    out.push({ ...m, surface: rest, start: m.start + head.length + 1, initial: false });
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
