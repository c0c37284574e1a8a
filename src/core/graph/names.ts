// The key two names are compared by when linking entities into identities. Pure.
import { foldText } from '../normalize';

/**
 * Case, accents and punctuation aside, and a leading "the" dropped: "The U.S." and "us" share a key,
 * "Orbán" and "Orban" too. Dots inside abbreviations go ("U.S." → "us") so that abbreviations
 * written with and without them meet; other punctuation separates words ("Guinea-Bissau").
 */
export function nameKey(name: string): string {
  return foldText(name, true)
    .replace(/(?<=\p{L})\.(?=\p{L}|$|\s)/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Words in a name key. */
export const wordCount = (key: string) => (key ? key.split(' ').length : 0);

/** A person's surname key: the last word of a name of two words or more. */
export function surnameKey(key: string): string | undefined {
  const words = key.split(' ');
  return words.length >= 2 ? words[words.length - 1] : undefined;
}
