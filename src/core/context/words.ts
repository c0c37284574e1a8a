// The words the scorer reads around a mention, and what it knows of words in general: which ones
// say "a person", "a place", "a team", and which names are also ordinary English words. Short
// lists of our own: the capture lexicon (compromise) is far too big for every page's script.
import type { EntityType } from '@/src/core/vocabulary';
import { fold } from './needs';

export { fold };

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

const NOT_WORD = /[^\p{L}\p{N}]+/u;
const NUMBER = /^\p{N}+$/u;

/** Folded words of a text, in order; numbers become "#num" (scores, years). */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const word of fold(text).split(NOT_WORD)) if (word) out.push(NUMBER.test(word) ? '#num' : word);
  return out;
}

/** Words too common to tell one identity from another (never cues). */
export const STOP = set(
  'a an the and or but of in on at to for from by with without as is are was were be been being it its ' +
    'this that these those he she his her him they them their we our you your i me my not no than then ' +
    'there here also more most very can could will would may might must shall should has have had do does ' +
    'did so such which who whom what when where why how all any some each other into over under about ' +
    'after before between during since until up down out off new one two first last s',
);

/**
 * Words near a mention that speak for a type of identity, wherever they are in the window. "in" and
 * "at" count only right before the mention ("in Washington"), see BEFORE_ONLY.
 */
export const TYPE_WORDS: Record<EntityType, Set<string>> = {
  person: set(
    'said says told tells mr mrs ms dr he she his her himself herself born died wife husband son ' +
      'daughter married actor actress singer socialite heiress star president general governor senator ' +
      'former late who biography interview',
  ),
  place: set(
    'in at near from to city town capital state country visit visited visiting trip travel traveled ' +
      'travelled streets downtown based border airport located region county province residents ' +
      'live lives lived moved north south east west weather',
  ),
  organization: set(
    'team club franchise roster league members member party airline airlines coalition company ' +
      'headquarters alliance agency',
  ),
  event: set('summit meeting conference held during ahead talks attended gathering agenda declaration'),
  other: set(''),
};

/** Sport: a team or a player, never a place ("Washington 112, Boston 104"; "Jordan scored 63 points"). */
export const SPORT_WORDS = set(
  'beat beats won lost defeated game games season coach traded trade draft pick picks guard forward ' +
    'center fans playoff playoffs nba nfl nhl mlb vs versus match points scored score home away waived ' +
    'quarterback pitcher innings overtime finals championship championships',
);

/** Type words that count only right before the mention ("in Paris", not "Paris in spring"). */
export const BEFORE_ONLY = set('in at near from to');

/** Right before a name, these say "a place" (a government or a person is rarely "in" anything). */
export const PLACE_BEFORE = set('in at near from to across throughout');

/** A number right after a name ("Washington 112, Boston 104") is a score: a team. */
export const SCORE = '#num';

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
