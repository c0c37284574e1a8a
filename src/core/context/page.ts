// Which mentions of a page need context, and what context the scorer gets: the page (content
// script) and the unit tests over the ambiguity set share these, so the set checks what ships.
import { type ContextKnowledge, decide, joinedNames } from './decide';
import type { ContextProfile, Correction, Decision, MentionContext } from './types';
import { fold, isOrdinary } from './words';

/** Characters of the block's text kept on each side of a mention. */
export const AROUND_CHARS = 80;

/**
 * Whether a mention is decided by context rather than marked at once: its alias names several
 * identities, is an ordinary word, runs into an unknown capitalised word, or a correction is about it.
 */
export function needsContext(
  blockText: string,
  start: number,
  end: number,
  candidates: readonly string[],
  lang: () => string,
  corrected: ReadonlySet<string>,
): boolean {
  if (candidates.length > 1) return true;
  const text = blockText.slice(start, end);
  if (corrected.size && corrected.has(fold(text))) return true;
  if (
    joinedNames(text, blockText.slice(Math.max(0, start - 40), start), blockText.slice(end, end + 40)).length
  )
    return true;
  // A one-word name in lower case is usually just a word ("paris buns"); in English at least.
  if (!text.includes(' ') && /\p{Ll}/u.test(text) && !/\p{Lu}/u.test(text)) {
    const l = lang();
    if (!l || l === 'en') return true;
  }
  return isOrdinary(text, lang());
}

/** The aliases some live correction is about (folded), for needsContext. */
export function correctedAliases(corrections: readonly Correction[]): Set<string> {
  return new Set(corrections.filter((c) => !c.deletedAt).map((c) => c.alias));
}

/** The scorer's view of one mention in its block. */
export function mentionContext(
  blockText: string,
  start: number,
  end: number,
  candidates: string[],
  where: { block: Record<string, number>; page: Record<string, number>; site: string; lang: string },
): MentionContext {
  return {
    text: blockText.slice(start, end),
    before: blockText.slice(Math.max(0, start - AROUND_CHARS), start),
    after: blockText.slice(end, end + AROUND_CHARS),
    candidates,
    ...where,
  };
}

/** The language's primary subtag ("en-US" → "en"), '' when unknown. */
export function primaryLang(tag: string | null | undefined): string {
  return (tag ?? '').split('-')[0]?.toLowerCase() ?? '';
}

/** A first-round mark this likely counts for the second round. */
const SURE_ENOUGH = 0.6;

/** A mention waiting for its decision: where it is, and the sure identities of its block. */
export interface Pending {
  blockText: string;
  start: number;
  end: number;
  candidates: string[];
  block: Record<string, number>;
  lang: string;
}

/**
 * Decides the mentions of a batch in two rounds: the second counts the first round's marks as
 * "on this page" (one sense per page: a page about the state says "Washington" for the state).
 * `pause` is awaited between mentions when it returns a promise (the page's time slicing).
 */
export async function decideMentions(
  pending: readonly Pending[],
  page: Readonly<Record<string, number>>,
  site: string,
  profiles: ReadonlyMap<string, ContextProfile>,
  knowledge: ContextKnowledge,
  pause: () => Promise<void> | undefined = () => undefined,
): Promise<Decision[]> {
  const contextOf = (p: Pending, counts: Readonly<Record<string, number>>) =>
    mentionContext(p.blockText, p.start, p.end, p.candidates, {
      block: p.block,
      page: counts as Record<string, number>,
      site,
      lang: p.lang,
    });
  const first: Decision[] = [];
  for (const p of pending) {
    first.push(decide(profiles, contextOf(p, page), knowledge));
    await pause();
  }
  const marked = firstRoundMarks(first, page);
  if (!marked) return first;
  const second: Decision[] = [];
  for (const [i, p] of pending.entries()) {
    const own = first[i]?.kind === 'mark' ? first[i]?.ranked[0]?.id : undefined;
    // A mention is no evidence for itself.
    const counts = own && marked[own] ? { ...marked, [own]: (marked[own] as number) - 1 } : marked;
    second.push(decide(profiles, contextOf(p, counts), knowledge));
    await pause();
  }
  return second;
}

/** The page's sure identities plus the first round's likely marks; null when there are none. */
function firstRoundMarks(
  first: readonly Decision[],
  page: Readonly<Record<string, number>>,
): Record<string, number> | null {
  const marked: Record<string, number> = { ...page };
  let added = false;
  for (const d of first) {
    const top = d.ranked[0];
    if (d.kind !== 'mark' || !top || top.score < SURE_ENOUGH) continue;
    if (d.reasons.some((r) => r.kind === 'correction')) continue;
    marked[top.id] = (marked[top.id] ?? 0) + 1;
    added = true;
  }
  return added ? marked : null;
}
