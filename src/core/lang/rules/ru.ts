import type { LanguageRules } from '../types';

const CONSONANTS = 'бвгджзклмнпрстфхцчшщ';

// Russian singular case endings (gen., dat., acc., instr., prep.) with the spelling rules
// after к г х ж ш ч щ ц: Россия → России, Россию, Россией; Москва → Москвы, Москве, Москвой.
export const ru: LanguageRules = {
  lang: 'ru',
  script: 'Cyrl',
  rules: [
    { ending: 'ия', forms: ['ии', 'ию', 'ией', 'иею'] },
    { ending: 'ея', forms: ['еи', 'ею', 'еей'] },
    { ending: 'я', forms: ['и', 'е', 'ю', 'ей', 'ею'] },
    { ending: 'а', after: 'кгх', forms: ['и', 'е', 'у', 'ой', 'ою'] },
    { ending: 'а', after: 'жшчщ', forms: ['и', 'е', 'у', 'ей', 'ою'] },
    { ending: 'а', forms: ['ы', 'е', 'у', 'ой', 'ою'] },
    { ending: 'й', forms: ['я', 'ю', 'ем', 'е'] },
    { ending: 'ь', forms: ['я', 'ю', 'ем', 'е', 'и', 'ью'] },
    { ending: '', after: 'жшчщц', forms: ['а', 'у', 'ем', 'е'] },
    { ending: '', after: CONSONANTS, forms: ['а', 'у', 'ом', 'е'] },
  ],
  stopWords:
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по от из о об для это при также который которые была было были был после между где уже чтобы их ее её российский россияне русский',
};
