import type { LanguageRules } from '../types';

const CONSONANTS = 'bcčdďfghjklmnňpqrřsštťvwxzž';

// Czech singular case endings with the stem alternations before -e/-ě (h → z, k → c, r → ř,
// ch → š): Praha → Prahy, Praze, Prahu, Prahou; Rusko → Ruska, Rusku, Ruskem.
export const cs: LanguageRules = {
  lang: 'cs',
  script: 'Latn',
  rules: [
    { ending: 'ie', forms: ['ii', 'ií'] },
    { ending: 'ha', forms: ['hy', 'ze', 'hu', 'hou'] },
    { ending: 'cha', forms: ['chy', 'še', 'chu', 'chou'] },
    { ending: 'ka', forms: ['ky', 'ce', 'ku', 'kou'] },
    { ending: 'ra', forms: ['ry', 'ře', 'ru', 'rou'] },
    { ending: 'a', after: 'cčjřšž', forms: ['e', 'i', 'ou'] },
    { ending: 'a', forms: ['y', 'ě', 'u', 'ou', 'o'] },
    { ending: 'ko', forms: ['ka', 'ku', 'kem'] },
    { ending: 'o', forms: ['a', 'u', 'em', 'ě'] },
    { ending: '', after: 'kgh', forms: ['a', 'u', 'ovi', 'em', 'e'] },
    { ending: 'r', forms: ['ra', 'ru', 'rovi', 'rem', 'ře'] },
    { ending: '', after: CONSONANTS, forms: ['a', 'u', 'ovi', 'em', 'e', 'ě'] },
  ],
  stopWords:
    'a v ve na se je že to s z ze do o k ke i jako by pro ale jeho její jsou byl byla bylo podle také který která které po od tak jak než při už jen mezi nebo aby co tom této tento ruský',
};
