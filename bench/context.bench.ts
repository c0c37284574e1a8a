/**
 * Context scorer benchmark (issue 15): `node --import tsx bench/context.bench.ts`.
 *
 * On the ambiguity set (test/fixtures/context), in the same run: matching alone (the baseline: what
 * the page did before), and matching plus the page's context pipeline (split into sure and pending
 * mentions, then decideMentions). Prints mentions decided per second, the ratio of the two, and the
 * time one batch of the worst page takes to decide (the NBA trades list, repeated to 100,000
 * characters: a background-matched batch), which runs in one task on the page.
 */
import { cpus } from 'node:os';
import { correctedAliases, firstDecision } from '../src/core/context/needs';
import { isOrdinary } from '../src/core/context/own-words';
import { decideMentions, type Pending } from '../src/core/context/page';
import { loadKnowledge, loadPages, type SetPage } from '../test/unit/context-fixture';

const knowledge = loadKnowledge();
const pages = loadPages();
const corrected = correctedAliases([]);
const ctxKnowledge = { ordinary: isOrdinary, corrections: [] };

function matchOnly(page: SetPage): number {
  let n = 0;
  for (const block of page.blocks) n += knowledge.matcher.findAll(block.text).length;
  return n;
}

async function matchAndDecide(page: SetPage): Promise<number> {
  const sure: Record<string, number> = {};
  const pending: Pending[] = [];
  for (const block of page.blocks) {
    const inBlock: Record<string, number> = {};
    for (const m of knowledge.matcher.findAll(block.text)) {
      const need = firstDecision(
        block.text,
        m.start,
        m.end,
        m.entityIds,
        corrected,
        page.lang,
        (id) => !!sure[id],
      );
      if (need === 'none') continue;
      if (need === 'context') {
        pending.push({
          blockText: block.text,
          start: m.start,
          end: m.end,
          candidates: m.entityIds,
          block: inBlock,
          lang: page.lang,
        });
      } else {
        const id = m.entityIds[0] as string;
        sure[id] = (sure[id] ?? 0) + 1;
        inBlock[id] = (inBlock[id] ?? 0) + 1;
      }
    }
  }
  return (await decideMentions(pending, sure, page.site, knowledge.profiles, ctxKnowledge)).length;
}

/** Runs `fn` over every page for at least `ms`; returns ms per pass and its count. */
async function time(
  fn: (page: SetPage) => number | Promise<number>,
  ms = 1500,
): Promise<{ msPerPass: number; count: number }> {
  let count = 0;
  for (const page of pages) count += await fn(page); // warm-up
  let passes = 0;
  const t0 = performance.now();
  do {
    for (const page of pages) await fn(page);
    passes++;
  } while (performance.now() - t0 < ms);
  return { msPerPass: (performance.now() - t0) / passes, count };
}

const base = await time(matchOnly);
const scored = await time(matchAndDecide);
const mentions = base.count;
const decided = scored.count;

// The worst batch: the trades list repeated to 100,000 characters, decided at once.
const trades = pages.find((p) => p.name === 'trades-list') as SetPage;
const big: SetPage = { ...trades, blocks: [] };
for (let chars = 0; chars < 100_000; ) {
  for (const block of trades.blocks) {
    big.blocks.push(block);
    chars += block.text.length;
  }
}
const bigRuns: number[] = [];
let bigDecided = 0;
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  bigDecided = await matchAndDecide(big);
  bigRuns.push(performance.now() - t0);
}
bigRuns.sort((a, b) => a - b);

console.log(`Context scorer on the ambiguity set — ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
console.log(`pages ${pages.length}, mentions ${mentions}, decided by context ${decided}`);
console.log(`match only (baseline):   ${base.msPerPass.toFixed(3)} ms per pass`);
console.log(`match + context:         ${scored.msPerPass.toFixed(3)} ms per pass`);
console.log(`ratio:                   ${(scored.msPerPass / base.msPerPass).toFixed(2)}×`);
console.log(
  `decisions per second:    ${Math.round((decided / (scored.msPerPass - base.msPerPass)) * 1000).toLocaleString('en')}`,
);
console.log(
  `worst batch (trades list ×${Math.round(big.blocks.length / trades.blocks.length)}, 100,000 chars, ${bigDecided} decided): median ${bigRuns[10]?.toFixed(2)} ms, max ${bigRuns.at(-1)?.toFixed(2)} ms`,
);
