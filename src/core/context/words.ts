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
