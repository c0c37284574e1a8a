/**
 * Mention engine benchmark: `npm run bench:match`
 * (node --expose-gc --import tsx bench/match.bench.ts).
 *
 * Throughput is MB/s of UTF-16 text (length × 2 bytes, as JS holds it);
 * Mchar/s is the same figure in code units. Peers scan the same texts in the
 * same run; see docs/benchmarks.md.
 */
import { cpus } from 'node:os';
import { expandAliases } from '../src/core/lang/inflect';
import { createMatcher, type Matcher } from '../src/core/matcher';
import { aliasSet } from './lib/aliases';
import { loadTexts } from './lib/corpus';
import { type PeerResult, runPeer } from './lib/peers';

const SIZES = [100, 1_000, 10_000, 100_000];
const PEER_DEADLINE_MS = 10_000;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc (npm run bench:match)');

function memory(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const texts = loadTexts().map((t) => t.text);
const totalUnits = texts.reduce((n, t) => n + t.length, 0);

function scan(m: Matcher): { mbps: number; msPerPass: number; mentions: number } {
  let mentions = 0;
  for (const t of texts) mentions += m.findAll(t).length; // warm-up
  let passes = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    for (const t of texts) m.findAll(t);
    passes++;
    elapsed = performance.now() - t0;
  } while (elapsed < 500);
  const msPerPass = elapsed / passes;
  return { mbps: (totalUnits * 2) / 1e6 / (msPerPass / 1000), msPerPass, mentions };
}

function peerMbps(r: PeerResult): number | undefined {
  return r.units > 0 && r.scanMs > 0 ? (r.units * 2) / 1e6 / (r.scanMs / 1000) : undefined;
}

const fmt = (x: number, d = 1) => x.toFixed(d);

interface Row {
  size: number;
  states: number;
  buildMs: number;
  heapMb: number;
  mbps: number;
  msPerPass: number;
  mentions: number;
  regexp: PeerResult;
  mac: PeerResult;
}

console.log(`Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`);
console.log(
  `Texts: ${texts.length} (corpus pages + article), ${totalUnits} UTF-16 units = ${fmt((totalUnits * 2) / 1e6, 2)} MB\n`,
);

createMatcher(aliasSet(1_000)).findAll(texts[0] ?? ''); // warm up the JIT and fold tables
const rows: Row[] = [];
for (const size of SIZES) {
  const aliases = aliasSet(size);
  const before = memory();
  const t0 = performance.now();
  let m: Matcher | undefined = createMatcher(aliases);
  const buildMs = performance.now() - t0;
  const heapMb = (memory() - before) / 1e6;
  const s = scan(m);
  const states = m.stateCount;
  m = undefined;
  const names = aliases.map((a) => a.alias);
  const regexp = await runPeer('regexp', names, texts, PEER_DEADLINE_MS);
  const mac = await runPeer('modern-ahocorasick', names, texts, PEER_DEADLINE_MS);
  rows.push({ size, states, buildMs, heapMb, ...s, regexp, mac });
  console.log(`… ${size} aliases done`);
}

// Every language's inflection rules on (src/core/lang/inflect.ts): each Latin-script alias also
// compiled in its Polish, Czech, German and Hungarian forms, as the background builds it.
const RULES_SIZE = 10_000;
const rulesOn = (() => {
  const aliases = expandAliases(aliasSet(RULES_SIZE));
  const before = memory();
  const t0 = performance.now();
  const m = createMatcher(aliases);
  const buildMs = performance.now() - t0;
  const heapMb = (memory() - before) / 1e6;
  return { forms: aliases.length, states: m.stateCount, buildMs, heapMb, ...scan(m), ratio: interleaved(m) };
})();

/**
 * Scan time with the rules on over rules off, both at RULES_SIZE aliases: passes alternate between
 * the two matchers and the fastest of each counts, so a busy machine slows both alike.
 */
function interleaved(on: Matcher): number {
  const off = createMatcher(aliasSet(RULES_SIZE));
  const pass = (m: Matcher) => {
    const t0 = performance.now();
    for (const t of texts) m.findAll(t);
    return performance.now() - t0;
  };
  let bestOff = Number.POSITIVE_INFINITY;
  let bestOn = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 15; i++) {
    bestOff = Math.min(bestOff, pass(off));
    bestOn = Math.min(bestOn, pass(on));
  }
  return bestOn / bestOff;
}

function peerCell(ours: number, r: PeerResult): string {
  const p = peerMbps(r);
  if (p === undefined)
    return r.buildMs === undefined
      ? `no build in ${PEER_DEADLINE_MS / 1000} s`
      : `no text in ${PEER_DEADLINE_MS / 1000} s`;
  const note = r.timedOut
    ? ` (partial: ${fmt((r.units / totalUnits) * 100, 0)}% in ${PEER_DEADLINE_MS / 1000} s)`
    : '';
  return `${fmt(p, 2)} MB/s, ours ×${fmt(ours / p, 0)}${note}`;
}

console.log(
  '\n| aliases | states | build ms | matcher MB | scan MB/s (Mchar/s) | ms/pass | mentions/pass | RegExp peer | modern-ahocorasick peer |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.size.toLocaleString('en')} | ${r.states.toLocaleString('en')} | ${fmt(r.buildMs)} | ${fmt(r.heapMb)} | ${fmt(r.mbps)} (${fmt(r.mbps / 2)}) | ${fmt(r.msPerPass, 2)} | ${r.mentions} | ${peerCell(r.mbps, r.regexp)} | ${peerCell(r.mbps, r.mac)} |`,
  );
}
console.log(
  `| ${RULES_SIZE.toLocaleString('en')}, all languages' rules on (${rulesOn.forms.toLocaleString('en')} forms) | ${rulesOn.states.toLocaleString('en')} | ${fmt(rulesOn.buildMs)} | ${fmt(rulesOn.heapMb)} | ${fmt(rulesOn.mbps)} (${fmt(rulesOn.mbps / 2)}) | ${fmt(rulesOn.msPerPass, 2)} | ${rulesOn.mentions} | | |`,
);
const peerBuild = (r: PeerResult) => (r.buildMs === undefined ? 'n/a' : `${fmt(r.buildMs)} ms`);
console.log(
  '\nPeer build times: ' +
    rows
      .map((r) => `${r.size}: RegExp ${peerBuild(r.regexp)}, modern-ahocorasick ${peerBuild(r.mac)}`)
      .join('; '),
);

const at = (n: number) => rows.find((r) => r.size === n) as Row;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const r10k = at(10_000);
const r100 = at(100);
const r100k = at(100_000);
const fasterEverywhere = rows.every((r) =>
  [r.regexp, r.mac].every((p) => {
    const m = peerMbps(p);
    return m === undefined || r.mbps > m;
  }),
);
console.log('\nTargets:');
console.log(`  scan ≥ 100 MB/s at 10,000 aliases: ${fmt(r10k.mbps)} MB/s — ${verdict(r10k.mbps >= 100)}`);
console.log(
  `  scan time at 100,000 within 2× of 100: ${fmt(r100k.msPerPass / r100.msPerPass, 2)}× — ${verdict(r100k.msPerPass <= 2 * r100.msPerPass)}`,
);
console.log(`  build 100,000 aliases < 1 s: ${fmt(r100k.buildMs)} ms — ${verdict(r100k.buildMs < 1000)}`);
console.log(`  build 100,000 aliases < 50 MB: ${fmt(r100k.heapMb)} MB — ${verdict(r100k.heapMb < 50)}`);
const rulesRatio = rulesOn.ratio;
console.log(
  `  scan time at 10,000 with all languages' rules within 1.5× of rules off (alternating passes, fastest of 15 each): ${fmt(rulesRatio, 2)}× — ${verdict(rulesRatio <= 1.5)}`,
);
console.log(`  faster than every peer at every size: ${verdict(fasterEverywhere)}`);
