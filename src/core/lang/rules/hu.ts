import type { LanguageRules } from '../types';

// Hungarian case suffixes (inessive, illative, elative, dative, allative, ablative, adessive,
// causal, sublative, delative, superessive, accusative, instrumental) in their back, front and
// front-rounded forms: Orbánban, Berlinben, Moszkvában, Orbánnal, Orbánt, Kijevet.
export const hu: LanguageRules = {
  lang: 'hu',
  script: 'Latn',
  rules: [],
  harmony: {
    back: ['ban', 'ba', 'ból', 'nak', 'hoz', 'tól', 'nál', 'ért', 'ra', 'ról', '+on', '*ot', '*at', '=al'],
    front: ['ben', 'be', 'ből', 'nek', 'hez', 'től', 'nél', 'ért', 're', 'ről', '+en', '*et', '=el'],
    frontRounded: ['ben', 'be', 'ből', 'nek', 'höz', 'től', 'nél', 'ért', 're', 'ről', '+ön', '*öt', '=el'],
    assimilates: 'v',
    noLink: 'jlnrsyz',
    vowels: { back: 'aáoóuú', front: 'eéií', frontRounded: 'öőüű' },
    lengthen: { a: 'á', e: 'é' },
  },
  stopWords:
    'a az és hogy nem is egy meg de van volt ki el be fel már csak még mint ez azt ezt szerint után között pedig vagy ha amely aki lesz orosz magyar ukrán német',
};
