// What a name's own words say, before anything else on the page is known: whether it is also an
// ordinary word ("Alliance members agreed"), written in lower case ("sales rose"), or part of a longer
// capitalised name ("Star Alliance"). The script every page runs decides names of one entity with
// these alone (needs.ts), so only names several entities share, and the few whose answer depends on
// the rest of the page, load the scorer's module. The scorer (decide.ts) adds the same figures to
// its score for "nothing" and marks a plain name as the page does, so a name of one entity gets the
// same answer from both (test/unit/context-decide.test.ts checks it). Short lists of our own: the
// capture lexicon (compromise) is far too big for every page's script.
import { foldForSearch as fold } from '@/src/core/search-text';

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/**
 * Weights, in log-odds, of what the words alone say (the scorer's W holds them too). A candidate
 * with no profile scores `base`, plus `self` when the page already marks it; "nothing" scores the rest.
 */
export const WORD_WEIGHTS = {
  base: 1,
  self: 1,
  ordinary: 1.2,
  ordinaryInitial: 2.6,
  ordinaryLower: 9,
  longerName: 6,
  lower: 3,
};

const CAPITALISED = /^\p{Lu}[\p{L}'’-]*/u;

/** Words too common to tell one identity from another (never cues). */
export const STOP = set(
  'a an the and or but of in on at to for from by with without as is are was were be been being it its ' +
    'this that these those he she his her him they them their we our you your i me my not no than then ' +
    'there here also more most very can could will would may might must shall should has have had do does ' +
    'did so such which who whom what when where why how all any some each other into over under about ' +
    'after before between during since until up down out off new one two first last s',
);

/**
 * Capitalised words that may follow a name without making it part of a longer one
 * ("NATO Secretary General", "Ukraine President …", "Paris On Monday").
 */
export const TITLES = set(
  'secretary general president prime minister chancellor governor mayor senator foreign defence defense ' +
    'on in at and but or the a an for to of by with from as is was said says told has had will would ' +
    'republicans democrats republican democrat officials police voters lawmakers ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december',
);

/**
 * Names that are also ordinary English words: capitalised at a sentence start, or written in lower
 * case, they are usually just the word ("Alliance members agreed", "sales rose").
 */
export const ORDINARY = set(
  'alliance sales bar post mobile reading bath nice turkey chance hope faith grace joy victory liberty ' +
    'union unity freedom independence justice future progress reform renewal solidarity together forward ' +
    'change action labour labor green greens left right centre center national general public people ' +
    'state states nation nations republic kingdom empire crown court council congress parliament senate ' +
    'house assembly party front movement league club team group company corporation bank trust fund ' +
    'foundation institute university college school academy hospital church temple times mail mirror ' +
    'guardian independent observer express herald tribune journal sun star globe post examiner chronicle ' +
    'record daily weekly monthly news today first apple amazon target gap shell total orange vodafone ' +
    'visa delta united frontier spirit alaska american continental southwest summit meeting conference ' +
    'office agency bureau service services army navy air force guard police federal central capital ' +
    'city town village county province region district east west north south mid midwest west coast ' +
    'river lake mountain island bay beach valley park square street avenue bridge tower castle palace ' +
    'harbor harbour port station airport market mall plaza garden gardens hall museum library gallery ' +
    'theatre theater opera cinema studio records music sound vision media network channel one two three ' +
    'may june april august march will mark bill rose jack frank grant ford chase sterling',
);

/** Ordinary words only count as such in English text (or text of no known language). */
export function isOrdinary(text: string, lang: string): boolean {
  if (lang && lang !== 'en') return false;
  const folded = fold(text.trim());
  return !folded.includes(' ') && ORDINARY.has(folded);
}

/** Whether a mention right after `before` starts a sentence (or its block). */
export function startsSentence(before: string): boolean {
  return /(?:^|[.!?:;•|]\s*["'“‘(]?)\s*$/u.test(before);
}

/**
 * The capitalised words a one-word name runs into or on from ("Washington Wizards", "Star
 * Alliance"): it may be part of a longer name Gloss does not know. Not for acronyms ("AP Photo").
 */
export function joinedNames(text: string, before: string, after: string, lang = ''): string[] {
  if (text.includes(' ') || !/\p{Ll}/u.test(text)) return [];
  // English rules: German writes every noun capitalised ("Ungarns Regierung"), and TITLES and STOP
  // know English words only. Text of no known language counts as English when it is Latin script.
  if (lang ? lang !== 'en' && lang !== 'fr' : !/^[\p{Script=Latin}'’.-]+$/u.test(text)) return [];
  const joined: string[] = [];
  const next = /^ (\S+)/u.exec(after)?.[1];
  const nextName = next && !/^\p{Lu}\.\p{Lu}/u.test(next) ? CAPITALISED.exec(next)?.[0] : undefined;
  if (nextName) joined.push(fold(nextName));
  const prev = /(?:^|\s)(\S+) $/u.exec(before);
  // Outside English (whose common words TITLES and STOP know), a capitalised word that starts its
  // sentence is no part of a name: "Selon Stoltenberg".
  const prevStarts =
    prev?.[1] && lang && lang !== 'en' && startsSentence(before.slice(0, before.length - prev[1].length - 1));
  if (prev?.[1] && !prevStarts && CAPITALISED.test(prev[1]) && !/[.!?:;,)"”’]$/u.test(prev[1]))
    joined.push(fold(prev[1]));
  return joined.filter((w) => w && !TITLES.has(w) && !STOP.has(w));
}

/**
 * How likely the name's own words make "it means nothing Gloss knows", longer names aside (the
 * scorer lets a candidate's cue word excuse those): an ordinary word counts most in lower case,
 * then at a sentence start; a name in lower case is a word, in English ("paris buns").
 */
export function wordLogit(text: string, before: string, lang: string, ordinary = isOrdinary): number {
  if (ordinary(text, lang))
    return !/\p{Lu}/u.test(text)
      ? WORD_WEIGHTS.ordinaryLower
      : startsSentence(before)
        ? WORD_WEIGHTS.ordinaryInitial
        : WORD_WEIGHTS.ordinary;
  return (!lang || lang === 'en') && !/\p{Lu}/u.test(text) && !text.includes(' ') ? WORD_WEIGHTS.lower : 0;
}
