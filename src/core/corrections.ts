// A reader's corrections ("Not this — it's …") and where each one applies: pure rules shared by the
// background (which stores them), the page (which honours them) and the card (which makes them).
// No DOM, browser or Dexie. The shape itself is in ./context/types.ts, shared with the scorer.
import type { Correction } from './context/types';
import { foldForSearch } from './search-text';

/** Most cue words kept with a correction: enough to recognise the passage, not the page's text. */
export const MAX_CUES = 12;

/**
 * Short words that say nothing about which thing a name means, in the languages Gloss reads most:
 * two passages sharing "the" and "of" are not similar.
 */
const FILLER = new Set(
  (
    'a an and are as at be but by for from has have he her his in is it its of on or our she that the ' +
    'their they this to was were which will with der die das und den dem des ein eine le la les de des du ' +
    'et un une el los las y en'
  ).split(' '),
);

/**
 * The folded words around a mention in its sentence, nearest first (alternating before and after),
 * without the mention's own words and filler, at most MAX_CUES: what a 'context' correction keeps
 * to recognise a similar passage.
 */
export function cueWords(sentence: string, mentionText = ''): string[] {
  const at = mentionText ? sentence.toLowerCase().indexOf(mentionText.toLowerCase()) : -1;
  const before = at < 0 ? [] : words(sentence.slice(0, at)).reverse();
  const after = at < 0 ? words(sentence) : words(sentence.slice(at + mentionText.length));
  const own = new Set(words(mentionText));
  const cues: string[] = [];
  for (let i = 0; i < Math.max(before.length, after.length) && cues.length < MAX_CUES; i++) {
    for (const word of [before[i], after[i]]) {
      if (!word || word.length < 3 || FILLER.has(word) || own.has(word) || cues.includes(word)) continue;
      if (cues.length < MAX_CUES) cues.push(word);
    }
  }
  return cues;
}

const words = (text: string) =>
  foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** How much of the block on either side of a mention counts as its passage for 'context' corrections. */
export const PASSAGE = 200;

/** The text around a mention that a 'context' correction compares its cues with. */
export function passageAround(blockText: string, start: number, end: number): string {
  return `${blockText.slice(Math.max(0, start - PASSAGE), start)} ${blockText.slice(end, end + PASSAGE)}`;
}

/** A passage is similar enough when it shares this many of the correction's cues (or all of fewer). */
const SHARED_CUES = 2;

/** One mention, as a correction is checked against it. */
export interface CorrectedMention {
  /** The mention's text, folded (foldForSearch). */
  alias: string;
  /** The page's host name. */
  site: string;
  /** The identities the page found for it. */
  candidates: readonly string[];
  /** Folded words of the passage around it (any order; see cueWords). */
  words: ReadonlySet<string>;
}

/** Whether a correction concerns this mention: same alias, a candidate it was about, its scope. */
export function correctionApplies(correction: Correction, mention: CorrectedMention): boolean {
  if (correction.deletedAt || correction.alias !== mention.alias) return false;
  // "Not Washington the city": only where the city was a candidate (another alias set is another matter).
  if (correction.wrong && !mention.candidates.includes(correction.wrong)) return false;
  if (correction.scope === 'everywhere') return true;
  if (correction.scope === 'site') return correction.site === mention.site;
  // 'context': wherever the passage is like the corrected one, on any site.
  const cues = correction.cues ?? [];
  const shared = cues.filter((cue) => mention.words.has(cue)).length;
  return shared >= Math.min(SHARED_CUES, cues.length);
}

const NARROWNESS: Record<Correction['scope'], number> = { context: 0, site: 1, everywhere: 2 };

/** The correction that decides a mention: the narrowest that applies, then the newest; undefined if none. */
export function correctionFor(
  corrections: readonly Correction[],
  mention: CorrectedMention,
): Correction | undefined {
  let best: Correction | undefined;
  for (const correction of corrections) {
    if (!correctionApplies(correction, mention)) continue;
    if (
      !best ||
      NARROWNESS[correction.scope] < NARROWNESS[best.scope] ||
      (NARROWNESS[correction.scope] === NARROWNESS[best.scope] && correction.updatedAt > best.updatedAt)
    )
      best = correction;
  }
  return best;
}

/** The words a mention's passage has, as correctionApplies reads them. */
export function passageWords(passage: string): Set<string> {
  return new Set(words(passage));
}

/** Whether two corrections are the same decision (so a new one replaces the old instead of piling up). */
export function sameCorrection(
  a: Omit<Correction, 'id' | 'createdAt' | 'updatedAt'>,
  b: Correction,
): boolean {
  return (
    !b.deletedAt &&
    a.alias === b.alias &&
    a.scope === b.scope &&
    (a.scope !== 'site' || a.site === b.site) &&
    (a.wrong ?? null) === (b.wrong ?? null) &&
    (a.scope !== 'context' || (a.cues ?? []).join(' ') === (b.cues ?? []).join(' '))
  );
}
