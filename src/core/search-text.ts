// Folding for knowledge search (not for page matching, which has its own rules in matcher.ts):
// case- and diacritic-insensitive, split into words.

export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
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
