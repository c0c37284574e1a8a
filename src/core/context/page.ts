// What context the scorer gets, and the decisions of a batch of mentions: the page (through the
// popover module) and the unit tests over the ambiguity set share these, so the set checks what ships.
import { passageAround } from '@/src/core/corrections';
import { type Around, type ContextKnowledge, decide, readAround } from './decide';
import { AROUND_CHARS } from './needs';
import type { ContextProfile, Decision, MentionContext } from './types';

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
    passage: passageAround(blockText, start, end),
    candidates,
    ...where,
  };
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
  const arounds: Around[] = [];
  for (const p of pending) {
    const context = contextOf(p, page);
    const around = readAround(context);
    arounds.push(around);
    first.push(decide(profiles, context, knowledge, around));
    const paused = pause();
    if (paused) await paused;
  }
  const marked = firstRoundMarks(first, page);
  if (!marked) return first;
  const second: Decision[] = [];
  for (const [i, p] of pending.entries()) {
    const own = first[i]?.kind === 'mark' ? first[i]?.ranked[0]?.id : undefined;
    // A mention is no evidence for itself.
    const counts = own && marked[own] ? { ...marked, [own]: (marked[own] as number) - 1 } : marked;
    second.push(decide(profiles, contextOf(p, counts), knowledge, arounds[i]));
    const paused = pause();
    if (paused) await paused;
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
