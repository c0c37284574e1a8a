import type { LanguageRules } from '../types';

// French names do not decline. Their one change is elision: l'OTAN, d'Ukraine, L’Ukraine. The
// matcher ends a word at an apostrophe (' and ’ alike), so "OTAN" already matches in "l'OTAN"
// and no form needs generating; the list is here for detection and for the tests that hold it.
export const ELISION_PREFIXES = ["l'", "d'", "L'", "D'", 'l’', 'd’', 'L’', 'D’'] as const;

export const fr: LanguageRules = {
  lang: 'fr',
  script: 'Latn',
  rules: [],
  stopWords:
    'le la les de des du et en un une est que qui dans pour pas sur au aux avec il elle ce cette par plus son sa ses ont été selon mais ou où leur leurs sont ne se lors',
};
