// Reviewing a captured article before it becomes a pack: the extractor's entities as editable
// candidates (drop, rename, retype, aliases, merge, add), and the pack they make. Pure.
import { segmenter } from './lang';
import type { EntityType, Pack, PackEntity, PackFact } from './pack';
import { foldForSearch as fold } from './search-text';

export interface CandidateFact {
  text: string;
  /** The article's sentence the fact rests on. */
  quote: string;
}

export interface Candidate {
  /** The entity id in the pack: kept from the extractor, made from the name for added ones. */
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  facts: CandidateFact[];
  keep: boolean;
  /** Listed under "More candidates", not kept unless the reviewer keeps it. */
  more?: boolean;
}

/**
 * New candidates kept by default. A typical news article names 15–50 things; the first 20 by
 * salience (the extractor's order) are its subjects, the rest mostly passing mentions.
 */
export const DEFAULT_KEPT = 20;

/** The draft's entities as candidates: the first `kept` kept, the rest under "More candidates". */
export function candidatesOf(pack: Pack, kept = DEFAULT_KEPT): Candidate[] {
  return pack.entities.map((entity, i) => ({
    id: entity.id,
    name: entity.name,
    type: entity.type,
    aliases: [...entity.aliases],
    facts: pack.facts.filter((f) => f.entityId === entity.id).map((f) => ({ text: f.text, quote: f.quote })),
    keep: i < kept,
    ...(i < kept ? {} : { more: true }),
  }));
}

/** `from` folded into `into`: its name and aliases become aliases, its facts join (no repeats). */
export function mergeCandidates(list: Candidate[], fromId: string, intoId: string): Candidate[] {
  const from = list.find((c) => c.id === fromId);
  if (!from || fromId === intoId) return list;
  return list
    .filter((c) => c.id !== fromId)
    .map((c) => {
      if (c.id !== intoId) return c;
      const aliases = unique([...c.aliases, from.name, ...from.aliases]).filter((a) => a !== c.name);
      const quotes = new Set(c.facts.map((f) => f.quote));
      return { ...c, aliases, facts: [...c.facts, ...from.facts.filter((f) => !quotes.has(f.quote))] };
    });
}

/** A new candidate whose facts are the article's sentences that contain its name. */
export function addCandidate(
  list: Candidate[],
  name: string,
  type: EntityType,
  articleText: string,
  locale = 'en',
): Candidate[] {
  const trimmed = name.trim();
  if (!trimmed) return list;
  const used = new Set(list.map((c) => c.id));
  let id = slug(trimmed);
  for (let n = 2; used.has(id); n++) id = `${slug(trimmed)}-${n}`;
  const facts = sentencesNaming(articleText, trimmed, locale).map((quote) => ({ text: quote, quote }));
  return [...list, { id, name: trimmed, type, aliases: [], facts, keep: true }];
}

/** Sentences of `text` that mention `name` as a word (case and accents aside). */
export function sentencesNaming(text: string, name: string, locale = 'en'): string[] {
  const wanted = fold(name);
  const out: string[] = [];
  for (const { segment } of segmenter(locale, 'sentence')?.segment(text) ?? [{ segment: text }]) {
    const sentence = segment.replace(/\s+/g, ' ').trim();
    const folded = fold(sentence);
    const at = folded.indexOf(wanted);
    if (at === -1) continue;
    const before = folded[at - 1] ?? ' ';
    const after = folded[at + wanted.length] ?? ' ';
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    if (!out.includes(sentence)) out.push(sentence);
  }
  return out;
}

/** The pack the kept candidates make, with the draft's pack metadata and sources. */
export function packFromCandidates(draft: Pack, list: Candidate[], title = draft.pack.title): Pack {
  const sourceId = draft.sources[0]?.id ?? 'article';
  const kept = list.filter((c) => c.keep);
  const entities: PackEntity[] = kept.map((c) => ({
    id: c.id,
    name: c.name.trim(),
    type: c.type,
    aliases: unique(c.aliases.map((a) => a.trim()).filter((a) => a && a !== c.name.trim())),
  }));
  const facts: PackFact[] = kept.flatMap((c) =>
    c.facts.map((f, i) => ({
      id: `${c.id}.${i + 1}`,
      entityId: c.id,
      sourceId,
      text: f.text,
      quote: f.quote,
    })),
  );
  return { ...draft, pack: { ...draft.pack, title: title.trim() }, entities, facts };
}

/** "Alias one, alias two" ⇄ ["Alias one", "alias two"]. */
export const parseAliases = (text: string) =>
  unique(
    text
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
  );

const unique = <T>(items: T[]) => [...new Set(items)];

function slug(text: string): string {
  return (
    fold(text)
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'entity'
  );
}
