// Gives the bundled NATO pack (assets/packs/nato-ukraine-2024.json) its names in twelve languages
// (issue 14). Countries take theirs from i18n-iso-countries, with `sameAs: ["iso3166:XX"]`; the rest
// (NATO, the summit, the people, the cities, the press) come from HAND_LABELS below.
// Usage: npm run pack:labels   (rewrites the pack in place; run it after editing HAND_LABELS)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { type Pack, validatePack } from '../src/core/pack';

/** The languages every entity of a bundled pack is named in. */
export const LABEL_LANGUAGES = [
  'de',
  'fr',
  'es',
  'it',
  'pl',
  'uk',
  'ru',
  'hu',
  'nl',
  'cs',
  'ro',
  'pt',
] as const;
export type LabelLanguage = (typeof LABEL_LANGUAGES)[number];
export type Labels = Record<LabelLanguage, string[]>;

// Two-letter labels ("US" in English lists) match too much by chance, as in scripts/pack-cities.ts.
const MIN_LABEL_LENGTH = 3;

const require = createRequire(import.meta.url);
type CountryNames = { countries: Record<string, string | string[]> };
const countryNames = new Map<string, CountryNames>(
  LABEL_LANGUAGES.map((lang) => [lang, require(`i18n-iso-countries/langs/${lang}.json`) as CountryNames]),
);

/** A country's names in every label language from i18n-iso-countries, the common name first. */
export function countryLabels(cca2: string): Labels {
  const labels = {} as Labels;
  for (const lang of LABEL_LANGUAGES) {
    const entry = countryNames.get(lang)?.countries[cca2];
    const names = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
    // The package lists the official name first ("Russische Föderation", "Russland"); a reader
    // meets the short one more often, and the first label is the one shown.
    labels[lang] = [...new Set(names.slice().reverse())].filter((n) => n.length >= MIN_LABEL_LENGTH);
  }
  return labels;
}

const same = (...names: string[]): Labels =>
  Object.fromEntries(LABEL_LANGUAGES.map((lang) => [lang, names])) as unknown as Labels;

// Written by hand, each in the form the language's press and Wikipedia use for the thing (for
// people, cities and NATO: the title of the Wikipedia article in that language, with its usual
// short form; for the summit, the meeting and the plan, a descriptive phrase in the wording of that
// language's news reports, which have no fixed name). Written from knowledge of those sources, not
// copied from them in this repository: a correction goes here, then `npm run pack:labels`. Names that
// are the same in every Latin-script language are given once with `same` and overridden for ru and uk.
export const HAND_LABELS: Record<string, Labels> = {
  nato: {
    ...same('NATO'),
    de: ['NATO', 'Organisation des Nordatlantikvertrags'],
    fr: ['OTAN', "Organisation du traité de l'Atlantique nord"],
    es: ['OTAN', 'Organización del Tratado del Atlántico Norte'],
    it: ['NATO', "Organizzazione del Trattato dell'Atlantico del Nord"],
    pl: ['NATO', 'Organizacja Traktatu Północnoatlantyckiego', 'Sojusz Północnoatlantycki'],
    uk: ['НАТО', 'Організація Північноатлантичного договору', 'Північноатлантичний альянс'],
    ru: ['НАТО', 'Организация Североатлантического договора', 'Североатлантический альянс'],
    hu: ['NATO', 'Észak-atlanti Szerződés Szervezete'],
    nl: ['NAVO', 'NATO', 'Noord-Atlantische Verdragsorganisatie'],
    cs: ['NATO', 'Severoatlantická aliance'],
    ro: ['NATO', 'Organizația Tratatului Atlanticului de Nord'],
    pt: ['OTAN', 'NATO', 'Organização do Tratado do Atlântico Norte'],
  },
  'jens-stoltenberg': {
    ...same('Jens Stoltenberg', 'Stoltenberg'),
    uk: ['Єнс Столтенберг', 'Столтенберг'],
    ru: ['Йенс Столтенберг', 'Столтенберг'],
  },
  'viktor-orban': {
    ...same('Viktor Orbán', 'Orbán'),
    uk: ['Віктор Орбан', 'Орбан'],
    ru: ['Виктор Орбан', 'Орбан'],
  },
  kyiv: {
    de: ['Kiew', 'Kyjiw'],
    fr: ['Kiev', 'Kyiv'],
    es: ['Kiev'],
    it: ['Kiev'],
    pl: ['Kijów'],
    uk: ['Київ'],
    ru: ['Киев'],
    hu: ['Kijev'],
    nl: ['Kiev', 'Kyiv'],
    cs: ['Kyjev'],
    ro: ['Kiev'],
    pt: ['Kiev', 'Quieve'],
  },
  brussels: {
    de: ['Brüssel'],
    fr: ['Bruxelles'],
    es: ['Bruselas'],
    it: ['Bruxelles'],
    pl: ['Bruksela'],
    uk: ['Брюссель'],
    ru: ['Брюссель'],
    hu: ['Brüsszel'],
    nl: ['Brussel'],
    cs: ['Brusel'],
    ro: ['Bruxelles'],
    pt: ['Bruxelas'],
  },
  wiesbaden: { ...same('Wiesbaden'), uk: ['Вісбаден'], ru: ['Висбаден'] },
  'ukrainian-armed-forces': {
    de: ['Streitkräfte der Ukraine', 'ukrainische Streitkräfte'],
    fr: ["Forces armées de l'Ukraine", 'forces armées ukrainiennes'],
    es: ['Fuerzas Armadas de Ucrania'],
    it: ["Forze armate dell'Ucraina", 'forze armate ucraine'],
    pl: ['Siły Zbrojne Ukrainy'],
    uk: ['Збройні сили України', 'ЗСУ'],
    ru: ['Вооружённые силы Украины', 'Вооруженные силы Украины', 'ВСУ'],
    hu: ['Ukrán Fegyveres Erők'],
    nl: ['Oekraïense strijdkrachten'],
    cs: ['Ozbrojené síly Ukrajiny'],
    ro: ['Forțele Armate ale Ucrainei'],
    pt: ['Forças Armadas da Ucrânia'],
  },
  'washington-summit': {
    de: ['NATO-Gipfel in Washington', 'Washingtoner Gipfel'],
    fr: ["sommet de l'OTAN à Washington", 'sommet de Washington'],
    es: ['cumbre de la OTAN en Washington', 'cumbre de Washington'],
    it: ['vertice NATO di Washington', 'vertice di Washington'],
    pl: ['szczyt NATO w Waszyngtonie', 'szczyt w Waszyngtonie'],
    uk: ['саміт НАТО у Вашингтоні', 'Вашингтонський саміт'],
    ru: ['саммит НАТО в Вашингтоне', 'Вашингтонский саммит'],
    hu: ['washingtoni NATO-csúcs', 'washingtoni csúcstalálkozó'],
    nl: ['NAVO-top in Washington'],
    cs: ['summit NATO ve Washingtonu', 'washingtonský summit'],
    ro: ['summitul NATO de la Washington'],
    pt: ['cimeira da NATO em Washington', 'cúpula da OTAN em Washington'],
  },
  'nato-defence-ministers-meeting-2024-06': {
    de: ['Treffen der NATO-Verteidigungsminister'],
    fr: ["réunion des ministres de la Défense de l'OTAN"],
    es: ['reunión de ministros de Defensa de la OTAN'],
    it: ['riunione dei ministri della Difesa della NATO'],
    pl: ['spotkanie ministrów obrony NATO'],
    uk: ['зустріч міністрів оборони НАТО'],
    ru: ['встреча министров обороны НАТО'],
    hu: ['NATO-védelmi miniszteri találkozó'],
    nl: ['bijeenkomst van NAVO-ministers van Defensie'],
    cs: ['setkání ministrů obrany NATO'],
    ro: ['reuniunea miniștrilor apărării din NATO'],
    pt: ['reunião dos ministros da Defesa da NATO'],
  },
  'operational-plan-enhanced-support-ukraine': {
    de: ['Operationsplan zur verstärkten Unterstützung der Ukraine'],
    fr: ["plan opérationnel de soutien renforcé à l'Ukraine"],
    es: ['plan operativo de apoyo reforzado a Ucrania'],
    it: ["piano operativo per un sostegno rafforzato all'Ucraina"],
    pl: ['plan operacyjny wzmocnionego wsparcia dla Ukrainy'],
    uk: ['операційний план посиленої підтримки України'],
    ru: ['оперативный план усиленной поддержки Украины'],
    hu: ['Ukrajna megerősített támogatásának műveleti terve'],
    nl: ['operationeel plan voor versterkte steun aan Oekraïne'],
    cs: ['operační plán posílené podpory Ukrajiny'],
    ro: ['planul operațional de sprijin consolidat pentru Ucraina'],
    pt: ['plano operacional de apoio reforçado à Ucrânia'],
  },
  // News organisations keep their own name in every language; ru and uk spell some out too. Not
  // "Рейтер" for Reuters: its transliteration "Reiter" is a German word (a rider).
  reuters: same('Reuters'),
  'associated-press': {
    ...same('Associated Press'),
    uk: ['Associated Press', 'Асошіейтед Прес'],
    ru: ['Associated Press', 'Ассошиэйтед Пресс'],
  },
  'foreign-policy': same('Foreign Policy'),
};

/** The bundled pack's countries, by entity id: their labels come from the data package. */
export const PACK_COUNTRIES: Record<string, string> = {
  ukraine: 'UA',
  germany: 'DE',
  'united-states': 'US',
  hungary: 'HU',
  russia: 'RU',
};

export const NATO_PACK_PATH = resolve(import.meta.dirname, '../assets/packs/nato-ukraine-2024.json');
/** The pack's revision with labels: installed copies of revision 1 upgrade to it. */
const LABELLED_REVISION = 2;

/** The pack with every entity's labels (and countries' ISO codes) written in. */
export function labelPack(pack: Pack): Pack {
  const entities = pack.entities.map((entity) => {
    const code = PACK_COUNTRIES[entity.id];
    const labels = code ? countryLabels(code) : HAND_LABELS[entity.id];
    if (!labels) throw new Error(`No labels for entity "${entity.id}": add them to HAND_LABELS`);
    const sameAs = code ? [...new Set([...(entity.sameAs ?? []), `iso3166:${code}`])] : entity.sameAs;
    return { ...entity, labels, ...(sameAs ? { sameAs } : {}) };
  });
  return {
    ...pack,
    version: 2,
    pack: { ...pack.pack, version: Math.max(pack.pack.version ?? 1, LABELLED_REVISION) },
    entities,
  };
}

/** Pack JSON with one source, entity or fact per line: readable in a diff, and not 30,000 lines. */
export function formatPack(pack: Pack): string {
  const list = (items: readonly unknown[]) =>
    items.length ? `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]` : '[]';
  return [
    '{',
    `  "format": ${JSON.stringify(pack.format)},`,
    `  "version": ${pack.version},`,
    `  "pack": ${JSON.stringify(pack.pack, null, 2).replace(/\n/g, '\n  ')},`,
    `  "sources": ${list(pack.sources)},`,
    `  "entities": ${list(pack.entities)},`,
    `  "facts": ${list(pack.facts)}`,
    '}',
    '',
  ].join('\n');
}

function main(): void {
  const result = validatePack(labelPack(JSON.parse(readFileSync(NATO_PACK_PATH, 'utf8'))));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  writeFileSync(NATO_PACK_PATH, formatPack(result.pack));
  console.log(`Labelled ${result.pack.entities.length} entities in ${NATO_PACK_PATH}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) main();
