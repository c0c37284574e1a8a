// The shape of one language's inflection rules: plain data, one file per language under rules/,
// the way Yomitan declares its language transforms (there: text → dictionary form; here the other
// way round, alias → the forms a text may write, because the matcher finds known strings).

/** One rule: an alias ending in `ending` (after one of `after`, if given) is also written with each of `forms` instead. */
export interface SuffixRule {
  /** Replaced at the alias's end; '' adds to the whole name. */
  ending: string;
  /** Letters the stem must end with just before `ending` (lower case), e.g. consonants. */
  after?: string;
  /** Letters the stem must not end with. */
  notAfter?: string;
  forms: readonly string[];
}

export interface LanguageRules {
  /** BCP 47 primary language subtag. */
  lang: string;
  /** The script its names are written in: plain names get the rules of every language of their script. */
  script: 'Latn' | 'Cyrl';
  /**
   * Tried in order; the first rule that fits the alias's last word applies, so specific endings
   * ("-ka", with its k → c alternation) come before general ones ("-a").
   */
  rules: readonly SuffixRule[];
  /** Common words of the language, space-separated: a generated form equal to one is dropped. */
  stopWords: string;
  /** Suffixes that follow vowel harmony, where the language has it. */
  harmony?: HarmonyRules;
}

/**
 * Suffixes chosen by vowel harmony (Hungarian). Each list is for names whose vowels are back
 * (Orbán, Moszkva), front (Berlin, Kijev) or front rounded (Görög). In a suffix, a leading "=" doubles the name's last consonant or, after a vowel, stands
 * for `assimilates` ("=al": Orbánnal, Moszkvával); a leading "+" is a linking vowel, dropped after a
 * vowel ("+on": Orbánon, Moszkván); "*" is one also dropped after one of `noLink` ("*ot": Kijevet
 * but Orbánt, Moszkvát). The last vowel other than i/í picks the list. A final a/e lengthens to á/é.
 */
export interface HarmonyRules {
  back: readonly string[];
  front: readonly string[];
  frontRounded: readonly string[];
  assimilates: string;
  noLink: string;
  vowels: { back: string; front: string; frontRounded: string };
  lengthen: Readonly<Record<string, string>>;
}
