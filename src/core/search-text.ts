// Folding for knowledge search (not for page matching, which has its own rules in matcher.ts):
// case- and diacritic-insensitive, split into words.

/** Lower case without accents ("Orbán" → "orban"); ASCII text (most names) skips the normalising. */
export function foldForSearch(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII test
  return /^[\x00-\x7f]*$/.test(text)
    ? text.toLowerCase()
    : text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchTerms(...texts: string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const word of foldForSearch(text).split(/[^\p{L}\p{N}]+/u)) {
      if (word) terms.add(word);
    }
  }
  return [...terms];
}
