// A reader's corrections, as the scorer applies them: the one that fits a mention best wins.
import type { Correction, MentionContext } from './types';
import { fold, STOP, wordsOf } from './words';

/** How many of its cue words a 'context' correction needs around a mention (fewer if it has fewer). */
const SHARED_CUES = 2;

/** The correction that applies to this mention: 'context' before 'site' before 'everywhere', newest first. */
export function correctionFor(
  corrections: readonly Correction[],
  mention: MentionContext,
): Correction | undefined {
  if (corrections.length === 0) return undefined;
  const alias = fold(mention.text);
  let best: Correction | undefined;
  let bestRank = -1;
  let near: Set<string> | undefined;
  for (const c of corrections) {
    if (c.deletedAt || c.alias !== alias) continue;
    let rank = 0;
    if (c.scope === 'site') {
      if (c.site !== mention.site) continue;
      rank = 1;
    } else if (c.scope === 'context') {
      near ??= new Set([...wordsOf(mention.before), ...wordsOf(mention.after)]);
      const cues = c.cues ?? [];
      const shared = cues.filter((cue) => near?.has(cue)).length;
      if (shared < Math.min(SHARED_CUES, cues.length)) continue;
      rank = 2;
    }
    if (rank > bestRank || (rank === bestRank && best && c.updatedAt > best.updatedAt)) {
      best = c;
      bestRank = rank;
    }
  }
  return best;
}

/** The cue words a correction keeps of a mention's surroundings (for scope 'context'). */
export function cuesAround(before: string, after: string, own: string): string[] {
  const skip = new Set(wordsOf(own));
  const words = [...wordsOf(before).slice(-6), ...wordsOf(after).slice(0, 6)];
  return [...new Set(words.filter((w) => w.length > 2 && w !== '#num' && !STOP.has(w) && !skip.has(w)))];
}
