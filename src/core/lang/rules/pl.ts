import type { LanguageRules } from '../types';

const CONSONANTS = 'bcćdfghjklłmnńprsśtwzźż';

// Singular case endings of Polish nouns (gen., dat., acc., instr., loc., voc.), with the stem
// alternations before -e (k → c, g → dz, r → rz, t → ci, d → dzi, ł → l, st → ści) that names take:
// Rosja → Rosji, Ameryka → Ameryce, Praga → Pradze, Stoltenberg → Stoltenberga.
export const pl: LanguageRules = {
  lang: 'pl',
  script: 'Latn',
  rules: [
    { ending: 'ja', forms: ['ji', 'ję', 'ją', 'jo'] },
    { ending: 'ia', forms: ['ii', 'ię', 'ią', 'io'] },
    { ending: 'ka', forms: ['ki', 'kę', 'ką', 'ce', 'ko'] },
    { ending: 'ga', forms: ['gi', 'gę', 'gą', 'dze', 'go'] },
    { ending: 'ra', forms: ['ry', 'rę', 'rą', 'rze', 'ro'] },
    { ending: 'sta', forms: ['sty', 'stę', 'stą', 'ście', 'sto'] },
    { ending: 'ta', forms: ['ty', 'tę', 'tą', 'cie', 'to'] },
    { ending: 'da', forms: ['dy', 'dę', 'dą', 'dzie', 'do'] },
    { ending: 'ła', forms: ['ły', 'łę', 'łą', 'le', 'ło'] },
    { ending: 'la', forms: ['li', 'lę', 'lą', 'lo'] },
    // After c and ż the ending is -y (Lewica → Lewicy), after the soft consonants -i (Rosja → Rosji).
    { ending: 'ca', forms: ['cy', 'cę', 'cą', 'co'] },
    { ending: 'ża', forms: ['ży', 'żę', 'żą', 'żo'] },
    { ending: 'a', after: 'jlńśź', forms: ['i', 'ę', 'ą', 'o'] },
    { ending: 'a', forms: ['y', 'ę', 'ą', 'ie', 'o'] },
    { ending: 'ów', forms: ['owa', 'owu', 'owowi', 'owem', 'owie'] },
    { ending: '', after: 'kg', forms: ['a', 'u', 'owi', 'iem'] },
    { ending: '', after: 'cjlńśźżz', forms: ['a', 'u', 'owi', 'em', 'u', 'e'] },
    { ending: 'r', forms: ['ra', 'ru', 'rowi', 'rem', 'rze'] },
    { ending: 't', forms: ['ta', 'tu', 'towi', 'tem', 'cie'] },
    { ending: 'd', forms: ['da', 'du', 'dowi', 'dem', 'dzie'] },
    { ending: 'ł', forms: ['ła', 'łu', 'łowi', 'łem', 'le'] },
    { ending: '', after: CONSONANTS, forms: ['a', 'u', 'owi', 'em', 'ie'] },
  ],
  stopWords:
    'i w z na do się nie że to jest od po o jak ale za co przez dla oraz jego ich już tak czy który która które także przed może tym być ze we tego tej ten ta są był była było jako pod ma mu go je ją nim niej kiedy gdy bardzo',
};
