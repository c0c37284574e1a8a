import type { LanguageRules } from '../types';

const CONSONANTS = 'бвгґджзклмнпрстфхцчшщ';

// Ukrainian singular case endings (gen., dat., acc., instr., loc.) with the alternations of
// names: г → з, к → ц, х → с before -і; і → о/є in closed syllables (Львів → Львова, Київ → Києва).
export const uk: LanguageRules = {
  lang: 'uk',
  script: 'Cyrl',
  rules: [
    { ending: 'ія', forms: ['ії', 'ію', 'ією'] },
    { ending: 'я', forms: ['і', 'ю', 'ею', 'ї'] },
    { ending: 'ка', forms: ['ки', 'ці', 'ку', 'кою'] },
    { ending: 'га', forms: ['ги', 'зі', 'гу', 'гою'] },
    { ending: 'ха', forms: ['хи', 'сі', 'ху', 'хою'] },
    { ending: 'а', after: 'жшчщ', forms: ['і', 'у', 'ею'] },
    { ending: 'а', forms: ['и', 'і', 'у', 'ою'] },
    { ending: 'їв', forms: ['єва', 'єву', 'євом', 'єві'] },
    { ending: 'ів', forms: ['ова', 'ову', 'овом', 'ові'] },
    { ending: 'й', forms: ['я', 'ю', 'єм', 'ї'] },
    { ending: 'ь', forms: ['я', 'ю', 'ем', 'і'] },
    { ending: '', after: 'кгх', forms: ['а', 'у', 'ові', 'ом', 'у'] },
    { ending: '', after: CONSONANTS, forms: ['а', 'у', 'ові', 'ом', 'і', 'еві', 'ем'] },
  ],
  stopWords:
    'і й в у на з із зі що не до та як за по від для це його її їх але який яка які також після між був була було були щоб вже українці український російський',
};
