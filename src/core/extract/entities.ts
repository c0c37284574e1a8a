// Group candidate mentions into entities: one entity per name, typed from compromise's lexicon and
// the context, then merged where the article links two names (surname, acronym in parentheses).

import { foldText } from '../normalize';
import type { EntityType } from '../pack';
import { isAcronym, type Mention } from './candidates';
import {
  COMMON_TAGS,
  EVENT_HEADS,
  EXPANSIONS,
  lexiconTags,
  ORG_TAGS,
  ORG_WORDS,
  PLACE_TAGS,
  PLACE_WORDS,
} from './lexicon';

export interface Candidate {
  key: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: Mention[];
}

const EXTRA_ORG_WORDS = new Set(
  'forces force office institute institution museum university party senate parliament ministry reserve times post press news organization organisation union alliance agency foundation corporation company inc ltd'.split(
    ' ',
  ),
);

/** Comparison key: case, accents, dashes, dots of acronyms and spacing folded away. */
export function nameKey(name: string): string {
  const plain = /^(?:\p{Lu}\.){2,}$/u.test(name) ? name.replace(/\./g, '') : name;
  return foldText(plain, true).replace(/[-‐]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Latin letters without their accents ("Orbán" → "Orban"); Cyrillic й and ї are letters of their own. */
export const stripDiacritics = (s: string) =>
  s
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC');

function lexiconType(key: string): EntityType | undefined {
  const tags = lexiconTags(key);
  if (tags.some((t) => ORG_TAGS.has(t))) return 'organization';
  if (tags.some((t) => PLACE_TAGS.has(t))) return 'place';
  if (tags.includes('Person') || tags.includes('LastName')) return 'person';
  return undefined;
}

const STREET_ENDINGS = /(?:allee|strasse|straße|platz|street|avenue|road|square|boulevard)$/;

function typeOf(key: string, mentions: Mention[], words: string[]): EntityType {
  const head = words.filter((w) => !/^[ivx]+$/.test(w));
  const last = head[head.length - 1] ?? '';
  const first = words[0] ?? '';
  const hinted = (t: EntityType) => mentions.filter((m) => m.hint === t).length;
  if (hinted('other') > 0) return 'other';
  if (words.length > 1 && (EVENT_HEADS.has(last) || (EVENT_HEADS.has(first) && words[1] === 'of')))
    return 'event';
  if (hinted('event') > 0) return 'event';
  if (STREET_ENDINGS.test(last)) return 'place';
  if (mentions.some((m) => m.titled)) return 'person';
  const lex = lexiconType(key);
  if (lex) return lex;
  if (words.length > 1 && (ORG_WORDS[last] || EXTRA_ORG_WORDS.has(last))) return 'organization';
  if (words.length > 1 && PLACE_WORDS[last]) return 'place';
  if (
    words.length > 1 &&
    words.length <= 4 &&
    (/^\p{L}\.$/u.test(first) || lexiconTags(first).some((t) => t.endsWith('Name')))
  )
    return 'person';
  if (words.length === 1 && ['alliance', 'senate', 'congress', 'parliament', 'government'].includes(key))
    return 'organization';
  const expansion = EXPANSIONS[key];
  if (expansion && words.length === 1) return expansion.type;
  if (words.length === 1 && mentions.some((m) => isAcronym(m.surface))) return 'organization';
  const votes: Array<[EntityType, number]> = [
    ['person', hinted('person')],
    ['place', hinted('place')],
    ['other', hinted('other')],
  ];
  votes.sort((a, b) => b[1] - a[1]);
  const best = votes[0];
  if (best && best[1] > 0) return best[0];
  return 'other';
}

function preferredName(mentions: Mention[]): string {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const shown = m.display ?? m.surface;
    counts.set(shown, (counts.get(shown) ?? 0) + (m.weak ? 0.5 : 1));
  }
  let best = '';
  let bestCount = -1;
  for (const [name, n] of counts) {
    if (n > bestCount) [best, bestCount] = [name, n];
  }
  return best;
}

const NAME_CONTEXT = new Set([
  'the',
  'in',
  'of',
  'from',
  'to',
  'at',
  'by',
  'with',
  'for',
  'and',
  'near',
  'on',
]);

/**
 * A single capitalised word that is also an ordinary word of the article ("Colonial", "Reforms" in
 * run-in captions) counts only if some mention reads like a name: "the Alliance", "in Wedding".
 */
function ordinaryWord(key: string, list: Mention[], lowerWords: Set<string>): boolean {
  const surface = list[0]?.surface ?? '';
  if (/\s/.test(surface) || isAcronym(surface) || lexiconType(key)) return false;
  const tags = lexiconTags(key);
  const common =
    lowerWords.has(surface.toLowerCase()) || (tags.length > 0 && tags.every((t) => COMMON_TAGS.has(t)));
  return common && !list.some((m) => m.prev !== undefined && NAME_CONTEXT.has(m.prev));
}

/** Group mentions by name, drop headline-only and ordinary words, type each group. */
export function groupMentions(mentions: Mention[], lowerWords: Set<string>): Candidate[] {
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = nameKey(m.display ?? m.surface);
    if (!key || key.length > 300 || key.split(' ').length > 10) continue;
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  const out: Candidate[] = [];
  for (const [key, list] of groups) {
    const words = key.split(' ');
    const strong =
      list.some((m) => !m.weak) || lexiconType(key) !== undefined || isAcronym(list[0]?.surface ?? '');
    if (!strong || ordinaryWord(key, list, lowerWords)) continue;
    const name = preferredName(list);
    const aliases = list.flatMap((m) => [m.surface, ...(m.extraAliases ?? [])]);
    out.push({ key, name, type: typeOf(key, list, words), aliases, mentions: list });
  }
  return out;
}

/** Folds `from` into `into`: its mentions, and its name as an alias. */
export function absorb(into: Candidate, from: Candidate): void {
  into.mentions.push(...from.mentions);
  into.aliases.push(from.name, ...from.aliases);
}

/**
 * Merge names the article links; add surnames, acronyms, expansions and accent-free forms.
 * `familyNameFirst`: whether a name is written surname first (Hungarian "Orbán Viktor", not the
 * "Ursula von der Leyen" of the same article).
 */
export function mergeCandidates(
  cands: Candidate[],
  familyNameFirst: (name: string) => boolean = () => false,
): Candidate[] {
  const byKey = new Map(cands.map((c) => [c.key, c]));
  const gone = new Set<Candidate>();
  const merge = (into: Candidate, from: Candidate | undefined) => {
    if (!from || from === into || gone.has(from) || gone.has(into)) return;
    absorb(into, from);
    gone.add(from);
  };
  // "North Atlantic Treaty Organization (NATO)".
  for (const c of cands) {
    for (const m of c.mentions) {
      if (!m.acronym) continue;
      c.aliases.push(m.acronym);
      merge(c, byKey.get(nameKey(m.acronym)));
    }
  }
  // Acronyms whose full name the article also uses: "US" and "United States", "CBO".
  for (const c of cands) {
    if (gone.has(c)) continue;
    const expansion = EXPANSIONS[c.key];
    const full = expansion ? byKey.get(nameKey(expansion.name)) : undefined;
    if (full && !gone.has(full)) {
      merge(full, c);
      continue;
    }
    if (expansion && isAcronym(c.name)) c.aliases.push(expansion.name);
    if (!isAcronym(c.name) || c.key.length < 3) continue;
    const match = cands.filter(
      (o) =>
        !gone.has(o) &&
        o !== c &&
        o.name
          .split(/\s+/)
          .filter((w) => /^\p{Lu}/u.test(w))
          .map((w) => w[0])
          .join('')
          .toLowerCase() === c.key,
    );
    if (match.length === 1 && match[0]) merge(match[0], c);
  }
  // Surnames: "Jens Stoltenberg" and "Stoltenberg" (only when one extracted person has it).
  const persons = cands.filter((c) => !gone.has(c) && c.type === 'person' && c.key.includes(' '));
  const surnameCount = new Map<string, number>();
  const surname = (c: Candidate) => {
    const words = c.name.split(/\s+/).filter((w) => !/^(?:[IVX]+|Jr\.?|Sr\.?)$/.test(w));
    return (familyNameFirst(c.name) ? words[0] : words.pop()) ?? '';
  };
  const surnames = new Map(persons.map((p) => [p, surname(p)]));
  for (const last of surnames.values())
    surnameCount.set(nameKey(last), (surnameCount.get(nameKey(last)) ?? 0) + 1);
  for (const p of persons) {
    const last = surnames.get(p) as string;
    const key = nameKey(last);
    if (surnameCount.get(key) !== 1 || key === p.key) continue;
    const single = byKey.get(key);
    if (single && !gone.has(single)) {
      if (single.type !== 'person' && single.type !== 'other') continue;
      merge(p, single);
    }
    p.aliases.push(last);
  }
  const out = cands.filter((c) => !gone.has(c));
  for (const c of out) c.aliases = cleanAliases(c.name, c.aliases);
  return out;
}

function cleanAliases(name: string, aliases: string[]): string[] {
  const seen = new Set([name.toLowerCase()]);
  const out: string[] = [];
  for (const a of [...aliases, ...[name, ...aliases].map(stripDiacritics)]) {
    const alias = a.replace(/\s+/g, ' ').trim();
    const k = alias.toLowerCase();
    if (!alias || alias.length > 300 || seen.has(k)) continue;
    seen.add(k);
    out.push(alias);
  }
  return out.slice(0, 50);
}
