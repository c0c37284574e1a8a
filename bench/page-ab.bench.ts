/**
 * Two or more builds of Gloss side by side on the same corpus pages, loads alternating between
 * them, so a busy machine slows both alike: `npx tsx bench/page-ab.bench.ts --loads 5
 * --pages wikipedia-en-asha-bhosle-songs,bbc-1 <build dir> <build dir> …` (each a WXT output
 * directory holding chrome-mv3; e.g. a checkout of an earlier stop built with GLOSS_OUT_DIR).
 * The article pack alone, as in bench:page's first column. Prints, per page and build, the median
 * of: all highlights, main-thread work, Gloss's longest task, and when each step of the first scan
 * ended (docs/benchmarks.md, bench:page, says what each one is).
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { type GlossBrowser, launchGloss } from '../scripts/lib/chromium';
import { startStaticServer } from '../scripts/lib/static-server';
import { callBackground, PROBE, pageState } from './lib/page-probe';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const LOADS = Number(flag('--loads')) || 5;
const PAGES = (flag('--pages') ?? 'wikipedia-en-asha-bhosle-songs').split(',');
const BUILDS = args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
const OFF_MACHINE = /^(?!http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:|about:).*/;
const MEASURES = ['all', 'busy', 'longest', 'settings', 'matcher', 'walk', 'order', 'first'] as const;

interface Build {
  dir: string;
  gloss: GlossBrowser;
  page: Page;
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? (s[s.length >> 1] as number) : Number.NaN;
};

/** Gloss with only the bundled article pack enabled, its matcher built and published. */
async function open(dir: string): Promise<Build> {
  const gloss = await launchGloss({ extensionDir: resolve(dir, 'chrome-mv3') });
  await gloss.context.route(OFF_MACHINE, (route) => route.abort());
  await gloss.context.addInitScript(PROBE);
  const ext = await gloss.context.newPage();
  await ext.goto(`chrome-extension://${gloss.extensionId}/popup.html`);
  for (const pack of await callBackground(ext, 'listPacks', undefined))
    if (pack.id !== 'nato-ukraine-2024')
      await callBackground(ext, 'setPackEnabled', { id: pack.id, enabled: false });
  await callBackground(ext, 'getMatcher', {});
  return { dir, gloss, page: await gloss.context.newPage() };
}

async function load(build: Build, url: string): Promise<Record<string, number>> {
  await build.page.bringToFront();
  await build.page.goto(url, { waitUntil: 'load' });
  const deadline = Date.now() + 60_000;
  let state = await pageState(build.gloss, build.page);
  while (state?.stats.firstScanMs == null) {
    if (Date.now() > deadline) throw new Error(`no first scan on ${url}`);
    await new Promise((done) => setTimeout(done, 25));
    state = await pageState(build.gloss, build.page);
  }
  const { stats } = state;
  return {
    all: stats.firstScanMs ?? Number.NaN,
    busy: stats.busyMs ?? Number.NaN,
    longest: stats.longestTaskMs,
    ...stats.phases,
  };
}

async function main(): Promise<void> {
  if (BUILDS.length === 0) throw new Error('name at least one build directory (holding chrome-mv3)');
  const server = await startStaticServer();
  const builds: Build[] = [];
  for (const dir of BUILDS) builds.push(await open(dir));
  console.log(`median of ${LOADS} loads, alternating; ms: ${MEASURES.join(' · ')}`);
  for (const name of PAGES) {
    const rows = new Map<Build, Array<Record<string, number>>>(builds.map((b) => [b, []]));
    for (let i = 0; i < LOADS; i++) {
      for (const build of builds)
        rows.get(build)?.push(await load(build, `${server.url}/corpus/${name}.html`));
    }
    for (const build of builds) {
      const cells = MEASURES.map((m) => median((rows.get(build) ?? []).map((r) => r[m] ?? Number.NaN)));
      console.log(
        `| ${name} | ${build.dir} | ${cells.map((x) => (Number.isFinite(x) ? x.toFixed(0) : '–')).join(' · ')} |`,
      );
    }
  }
  for (const build of builds) await build.gloss.close();
  await server.close();
}

await main();
