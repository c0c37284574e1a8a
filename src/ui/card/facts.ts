// Ordering an identity's facts for the card and the entity page. Pure: the view's facts in, rows out.
import type { SourceRecord } from '@/src/core/records';
import type { EntityView } from '@/src/messaging/protocol';
import type { Settings } from '@/src/settings/settings';

export type CardFact = EntityView['facts'][number];
export type FactOrder = Settings['factOrder'];

/** The first rows a card renders before "Show all": enough to read, few enough to open at once. */
export const FIRST_FACTS = 50;

/** A source's date as a number to sort by, or null when it has none (or none that parses). */
export function sourceTime(source: Pick<SourceRecord, 'publishedAt'> | null | undefined): number | null {
  if (!source?.publishedAt) return null;
  const time = Date.parse(source.publishedAt);
  return Number.isNaN(time) ? null : time;
}

/** Every source that states the fact, its own first, each once. */
export function sourcesOf(fact: CardFact): SourceRecord[] {
  const seen = new Set<string>();
  const out: SourceRecord[] = [];
  for (const source of [fact.source, ...(fact.alsoIn ?? [])]) {
    if (source && !seen.has(source.key)) {
      seen.add(source.key);
      out.push(source);
    }
  }
  return out;
}

/**
 * The date a fact is filed under: its own source's, or (a source without a date) the first dated
 * source that also states it.
 */
export function factTime(fact: CardFact): number | null {
  return sourceTime(datedSource(fact));
}

/** The source whose date a fact is filed under (see factTime), or null when none has a date. */
export function datedSource(fact: CardFact): SourceRecord | null {
  return sourcesOf(fact).find((source) => sourceTime(source) !== null) ?? null;
}

/** Ordered facts in runs of the same source date, for a timeline; undated ones last, date null. */
export function timeline<T extends CardFact>(
  facts: readonly T[],
  order: FactOrder,
): Array<{ date: string | null; facts: T[] }> {
  const runs: Array<{ date: string | null; facts: T[] }> = [];
  for (const fact of orderFacts(facts, order)) {
    const date = datedSource(fact)?.publishedAt ?? null;
    const last = runs.at(-1);
    if (last && last.date === date) last.facts.push(fact);
    else runs.push({ date, facts: [fact] });
  }
  return runs;
}

/**
 * Facts by their source's date, newest or oldest first. Undated facts come last either way — a
 * reader asking for "oldest first" still wants the dated story first — and equal dates keep the
 * view's order (the pack's own order).
 */
export function orderFacts<T extends CardFact>(facts: readonly T[], order: FactOrder): T[] {
  const sign = order === 'oldest' ? 1 : -1;
  return facts
    .map((fact, index) => ({ fact, index, time: factTime(fact) }))
    .sort((a, b) => {
      if (a.time === null || b.time === null) {
        if (a.time !== b.time) return a.time === null ? 1 : -1;
        return a.index - b.index;
      }
      return sign * (a.time - b.time) || a.index - b.index;
    })
    .map((row) => row.fact);
}

/** Distinct sources over the facts (for views that carry no count of their own). */
export function countSources(facts: readonly CardFact[]): number {
  const keys = new Set<string>();
  for (const fact of facts) for (const source of sourcesOf(fact)) keys.add(source.key);
  return keys.size;
}

export const sourcesLabel = (n: number) => `From ${n} ${n === 1 ? 'source' : 'sources'}`;
