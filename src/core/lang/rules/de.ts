import type { LanguageRules } from '../types';

// German names take one case ending, the genitive -s (Deutschlands, Stoltenbergs, Orbáns,
// Brüssels). After s, ß, x, z they take an apostrophe or nothing (Paris', Scholz'), and the
// matcher already ends a word at an apostrophe, so there is nothing to add.
export const de: LanguageRules = {
  lang: 'de',
  script: 'Latn',
  rules: [{ ending: '', notAfter: 'sßxz', forms: ['s'] }],
  stopWords:
    'der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an er hat aus bei sie nach wird am einen einer um über wie noch nur vor zum zur dass aber sind wurde russisch russische deutsch deutsche',
};
