// Builds the bundled "Countries of the world" pack (assets/packs/countries-of-the-world.json, off by
// default): every country and territory in world-countries with its capital and region, named in
// the twelve label languages by i18n-iso-countries, linked by `sameAs: ["iso3166:XX"]` (issue 14).
// Its facts cite the dataset, not an article: the quote is the dataset's row (docs/pack-format.md).
// Usage: npm run pack:countries   (the output is committed, so a build needs no script run)
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Pack, PackEntity, PackFact } from '../src/core/pack';
import { countryLabels, formatPack } from './pack-labels';

interface Country {
  name: { common: string; official: string };
  cca2: string;
  independent: boolean | null;
  capital: string[];
  region: string;
  subregion?: string;
}

const require = createRequire(import.meta.url);
const countries = require('world-countries') as Country[];
const DATASET_VERSION = (require('world-countries/package.json') as { version: string }).version;
const NAMES_VERSION = (require('i18n-iso-countries/package.json') as { version: string }).version;
const english = (
  require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> }
).countries;

export const COUNTRIES_PACK_ID = 'countries-of-the-world';
export const COUNTRIES_PACK_PATH = resolve(
  import.meta.dirname,
  '../assets/packs/countries-of-the-world.json',
);
const SOURCE_ID = `world-countries-${DATASET_VERSION}`;
// Fixed, so the committed file is exactly what the script writes; moved on with the data packages.
const CREATED_AT = '2026-11-30T00:00:00.000Z';
/** Grows with every change of the data or the script, so installed copies upgrade. */
const REVISION = 1;

const englishNames = (c: Country) => {
  const entry = english[c.cca2] ?? [];
  return (Array.isArray(entry) ? entry : [entry]).filter((name) => name.length >= 3);
};

function entity(c: Country): PackEntity {
  const aliases = [...new Set([c.name.official, ...englishNames(c)])].filter((n) => n !== c.name.common);
  const where = c.subregion || c.region;
  return {
    id: c.cca2.toLowerCase(),
    name: c.name.common,
    type: 'place',
    aliases,
    labels: countryLabels(c.cca2),
    sameAs: [`iso3166:${c.cca2}`],
    description: `${c.independent ? 'Country' : 'Territory'} in ${where}.`,
    // Names of countries are always capitalised; lower case they are words ("turkey", "chad").
    caseSensitive: true,
  };
}

// The dataset row the facts rest on: the fields they state, as world-countries has them.
const row = (c: Country) =>
  JSON.stringify({
    cca2: c.cca2,
    name: c.name.common,
    capital: c.capital,
    region: c.region,
    subregion: c.subregion,
  });

function facts(c: Country): PackFact[] {
  const id = c.cca2.toLowerCase();
  const fact = (kind: string, text: string): PackFact => ({
    id: `${id}-${kind}`,
    entityId: id,
    sourceId: SOURCE_ID,
    text,
    quote: row(c),
  });
  const where = c.subregion ? `${c.subregion} (${c.region})` : c.region;
  return [
    ...(c.capital.length ? [fact('capital', `Capital: ${c.capital.join(', ')}.`)] : []),
    fact('region', `Region: ${where}.`),
  ];
}

export function buildCountriesPack(): Pack {
  const sorted = countries.slice().sort((a, b) => a.name.common.localeCompare(b.name.common, 'en'));
  return {
    format: 'gloss-pack',
    version: 2,
    pack: {
      id: COUNTRIES_PACK_ID,
      version: REVISION,
      title: 'Countries of the world',
      description: `Every country and territory with its capital and region (world-countries ${DATASET_VERSION}), named in English, German, French, Spanish, Italian, Polish, Ukrainian, Russian, Hungarian, Dutch, Czech, Romanian and Portuguese (i18n-iso-countries ${NAMES_VERSION}).`,
      language: 'en',
      createdAt: CREATED_AT,
    },
    sources: [
      {
        id: SOURCE_ID,
        title: `world-countries ${DATASET_VERSION} (dataset)`,
        url: 'https://github.com/mledoze/countries',
        publisher: 'mledoze/countries',
      },
    ],
    entities: sorted.map(entity),
    facts: sorted.flatMap(facts),
  };
}

function main(): void {
  const pack = buildCountriesPack();
  writeFileSync(COUNTRIES_PACK_PATH, formatPack(pack));
  console.log(
    `Wrote ${pack.entities.length} countries, ${pack.facts.length} facts to ${COUNTRIES_PACK_PATH}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) main();
