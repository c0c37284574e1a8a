/**
 * The content script's cost per page against the number of packs (issue 13):
 * `npx tsx bench/pack-count.bench.ts` (about 5 minutes; `--no-build` reuses .output-bench-kg,
 * `--extension DIR` uses a build made elsewhere, `--rounds N` default 3, `--aliases N` default 1,000).
 *
 * The same aliases (the N most populous cities, as `npm run pack:cities -- --limit N` makes them)
 * split over 1, 10 and 50 packs, entities dealt round-robin, all enabled; nothing else enabled.
 * All 61 packs are imported once; each round enables one split at a time (1, 10, 50, the next
 * round 50, 10, 1) and loads each page once with it, so the three see the same load on the machine. Pages: a typical corpus
 * page and the corpus page with the most text that has mentions, as bench:page loads them. Figures
 * (the content script's own, `pageState().stats`): time to all highlights (content-script start →
 * last mark) and main-thread work (the first scan's slices), median of the rounds, and the ratio to
 * the 1-pack baseline of the same run.
 */
import { cpus } from 'node:os';
import type { Page } from 'playwright-core';
import { callBackground } from '../scripts/lib/calls';
import { startStaticServer } from '../scripts/lib/static-server';
import { buildCitiesPack } from '../scripts/pack-cities';
import type { Pack } from '../src/core/pack';
import { buildExtension, markdown, median, ms, openBench } from './lib/extension';
import { pageState } from './lib/page-probe';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const ROUNDS = Number(flag('--rounds')) || 3;
const ALIASES = Number(flag('--aliases')) || 1_000;
const SPLITS = [1, 10, 50];
const PAGES = ['wikipedia-2', 'bbc-1'];

/** The cities pack dealt over `count` packs. */
function split(whole: Pack, count: number): Pack[] {
  return Array.from({ length: count }, (_, i) => {
    const entities = whole.entities.filter((_, at) => at % count === i);
    const ids = new Set(entities.map((e) => e.id));
    return {
      ...whole,
      pack: { ...whole.pack, id: `split-${count}-${i}`, title: `Cities ${i + 1} of ${count}` },
      entities,
      facts: whole.facts.filter((f) => ids.has(f.entityId)),
    };
  });
}

const sleep = (t: number) => new Promise((done) => setTimeout(done, t));

interface Load {
  allMs: number;
  busyMs: number;
  mentions: number;
}

async function loadOnce(gloss: Parameters<typeof pageState>[0], page: Page, url: string): Promise<Load> {
  await page.goto(url, { waitUntil: 'load' });
  const deadline = Date.now() + 60_000;
  let state = await pageState(gloss, page);
  while (state?.stats.firstScanMs == null) {
    if (Date.now() > deadline) throw new Error(`no first scan on ${url}`);
    await sleep(25);
    state = await pageState(gloss, page);
  }
  return {
    allMs: state.stats.firstScanMs,
    busyMs: state.stats.busyMs ?? Number.NaN,
    mentions: state.stats.mentions,
  };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const dir = flag('--extension') ?? buildExtension('.output-bench-kg', args.includes('--no-build'));
  const { gloss, ext } = await openBench(dir);
  const server = await startStaticServer();
  const whole = buildCitiesPack({ limit: ALIASES });
  for (const pack of await callBackground(ext, 'listPacks', undefined))
    await callBackground(ext, 'setPackEnabled', { id: pack.id, enabled: false });
  const ids = new Map<number, string[]>();
  for (const count of SPLITS) {
    const packs = split(whole, count);
    ids.set(
      count,
      packs.map((p) => p.pack.id),
    );
    for (const pack of packs) {
      const result = await callBackground(ext, 'importPack', { json: JSON.stringify(pack) });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      await callBackground(ext, 'setPackEnabled', { id: pack.pack.id, enabled: false });
    }
  }
  const page = await gloss.context.newPage();
  const loads = new Map<string, Load[]>();
  const key = (count: number, name: string) => `${count}\u0000${name}`;
  let aliases = 0;
  let enabled: number | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    // Every other round in reverse, so no split always comes first after the others.
    for (const count of round % 2 ? [...SPLITS].reverse() : SPLITS) {
      // No page open while packs switch: each switch would have it fetch the matcher and rescan.
      await page.goto('about:blank');
      for (const id of enabled === undefined || enabled === count ? [] : (ids.get(enabled) ?? []))
        await callBackground(ext, 'setPackEnabled', { id, enabled: false });
      for (const id of enabled === count ? [] : (ids.get(count) ?? []))
        await callBackground(ext, 'setPackEnabled', { id, enabled: true });
      enabled = count;
      aliases = (await callBackground(ext, 'getMatcher', {})).size;
      for (const name of PAGES) {
        const load = await loadOnce(gloss, page, `${server.url}/corpus/${name}.html`);
        const list = loads.get(key(count, name)) ?? [];
        list.push(load);
        loads.set(key(count, name), list);
        console.log(
          `round ${round + 1}, ${count} packs, ${name}: ${ms(load.allMs)} ms, work ${ms(load.busyMs)} ms, ${load.mentions} mentions`,
        );
      }
    }
  }
  await gloss.close();
  await server.close();

  const rows: string[][] = [];
  for (const name of PAGES) {
    const base = loads.get(key(1, name)) ?? [];
    const baseAll = median(base.map((l) => l.allMs));
    const baseBusy = median(base.map((l) => l.busyMs));
    for (const count of SPLITS) {
      const list = loads.get(key(count, name)) ?? [];
      const all = median(list.map((l) => l.allMs));
      const busy = median(list.map((l) => l.busyMs));
      rows.push([
        name,
        String(count),
        ms(all),
        `×${(all / baseAll).toFixed(2)}`,
        ms(busy),
        `×${(busy / baseBusy).toFixed(2)}`,
        String(median(list.map((l) => l.mentions))),
      ]);
    }
  }
  console.log(
    `\nChromium, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}; ${aliases} aliases in the matcher; ${ROUNDS} loads per cell (median)`,
  );
  console.log(
    markdown(
      ['page', 'packs', 'all highlights, ms', 'vs. 1 pack', 'main-thread work, ms', 'vs. 1 pack', 'mentions'],
      rows,
    ),
  );
  console.log(`whole run ${ms((performance.now() - t0) / 1000)} s`);
}

await main();
