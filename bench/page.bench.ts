/**
 * Gloss on real pages in Debian's Chromium: `npm run bench:page` (tsx bench/page.bench.ts).
 *
 * Builds the extension into .output-bench, imports cities packs of 100 to 100,000 aliases through
 * the real import path, and loads corpus pages (the three with the most text, five typical ones)
 * with each knowledge base: time to all highlights, Gloss's longest task, the heap Gloss adds, hover
 * → popover, the matcher delivery, and mark.js on the same page with the same terms.
 * Flags: --no-build (reuse .output-bench), --loads N (default 3), --write-docs (docs/benchmarks.md);
 * for quick looks: --kb article+100,000 (labels as in KBS), --pages largest|typical, --no-mark;
 * --run-at document_end: the content script at document_end with the walk deferred to idle (a build
 * of its own, .output-bench-end), to compare with document_idle, which ships.
 * --context-cost (issue 15): what deciding mentions by context costs. Builds Gloss twice, as it ships
 * and with scoring off (WXT_GLOSS_CONTEXT=off, .output-bench-nocontext: every candidate marked, as
 * before), loads each page in both, alternating, and prints time to all highlights and the longest
 * task with and without, and their ratio. Takes --kb, --pages and --loads.
 * --cpu-profile: a DevTools CPU profile of every load (a build without minifying, .output-bench-prof,
 * so functions keep their names); prints where the time went per page, self time per function.
 */
import { execFileSync, execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumPath, type GlossBrowser, launchGloss } from '../scripts/lib/chromium';
import { ROOT, startStaticServer } from '../scripts/lib/static-server';
import { buildCitiesPack } from '../scripts/pack-cities';
import { SHARED } from './lib/corpus';
import { callBackground, heapUsed, PROBE, pageState, readProbe, visibleMention } from './lib/page-probe';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUN_AT = flag('--run-at') === 'document_end' ? 'document_end' : 'document_idle';
const PROFILE = args.includes('--cpu-profile');
const OUT_DIR = PROFILE
  ? '.output-bench-prof'
  : RUN_AT === 'document_end'
    ? '.output-bench-end'
    : '.output-bench';
const EXTENSION_DIR = resolve(ROOT, OUT_DIR, 'chrome-mv3');
const HOVER_DELAY_MS = 300;
const MARK_DEADLINE_MS = 60_000;
/** Requests that would leave the machine fail at once (as in test/e2e/gloss.ts). */
const OFF_MACHINE = /^(?!http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:|about:).*/;
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

const LOADS = Number(flag('--loads')) || 3;

interface Kb {
  label: string;
  /** Cities pack size; undefined: the bundled article pack alone. */
  cities?: number;
  /** Terms mark.js gets on the same pages (its own run, same terms as Gloss). */
  mark?: boolean;
  packId?: string;
  aliases?: number;
  terms?: string[];
}
const ALL_KBS: Kb[] = [
  { label: 'article' },
  { label: '100', cities: 100, mark: true },
  { label: '1,000', cities: 1_000, mark: true },
  { label: '10,000', cities: 10_000 },
  { label: '100,000', cities: 100_000 },
];
const KBS = ALL_KBS.filter((kb) => !flag('--kb') || flag('--kb')?.split('+').includes(kb.label)).map((kb) =>
  args.includes('--no-mark') ? { ...kb, mark: false } : kb,
);

interface Load {
  firstScanMs: number;
  longestTaskMs: number;
  pageLongTaskMs: number;
  matcherMs: number;
  matchedIn: string;
  mentions: number;
  busyMs: number;
  phases: Record<string, number>;
  /** All highlights, and the first one (visible text is marked first), ms after DOMContentLoaded began. */
  allFromDclMs: number;
  firstFromDclMs: number;
  heap: number;
  hoverMs: number | null;
}

const worst = (xs: number[]) => Math.max(...xs.filter((x) => Number.isFinite(x)));
const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : x.toFixed(0)) : '–');
const mb = (bytes: number) => (Number.isFinite(bytes) ? (bytes / 1024 / 1024).toFixed(1) : '–');
const sleep = (t: number) => new Promise((done) => setTimeout(done, t));

function corpusPages(): { largest: string[]; typical: string[]; chars: Map<string, number> } {
  const rows = readFileSync(resolve(SHARED, 'corpus/INDEX.tsv'), 'utf8').trim().split('\n').slice(1);
  const pages = rows
    .map((row) => row.split('\t'))
    .map(([name = '', , chars = '0']) => ({ name, chars: Number(chars) }))
    .sort((a, b) => b.chars - a.chars);
  const largest = pages.slice(0, 3);
  const mid = (pages[pages.length >> 1] as { chars: number }).chars;
  // Typical: the five closest to the median amount of text.
  const typical = pages
    .slice(3)
    .sort((a, b) => Math.abs(a.chars - mid) - Math.abs(b.chars - mid))
    .slice(0, 5)
    .sort((a, b) => b.chars - a.chars);
  return {
    largest: largest.map((p) => p.name),
    typical: typical.map((p) => p.name),
    chars: new Map(pages.map((p) => [p.name, p.chars])),
  };
}

async function settle(started: number, atLeastMs: number): Promise<void> {
  const left = atLeastMs - (performance.now() - started);
  if (left > 0) await sleep(left);
}

/** One load of a page with Gloss: waits for the first scan, then heap, then a hover. */
async function loadWithGloss(gloss: GlossBrowser, page: Page, url: string): Promise<Load> {
  const started = performance.now();
  const profiler = PROFILE ? await startProfile(page) : null;
  await page.goto(url, { waitUntil: 'load' });
  let state = await pageState(gloss, page);
  const deadline = Date.now() + 60_000;
  while (state?.stats.firstScanMs == null) {
    if (Date.now() > deadline) throw new Error(`no first scan on ${url}`);
    await sleep(25);
    state = await pageState(gloss, page);
  }
  if (profiler) addProfile(url, await profiler());
  await settle(started, 1500);
  const cdp = await page.context().newCDPSession(page);
  const heap = await heapUsed(cdp);
  await cdp.detach();
  const hoverMs = await hoverOnce(page);
  const probe = await readProbe(page);
  // The reader's clock: from when the page's DOM is there, not from when Gloss's script started.
  const dcl = await page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
        ?.domContentLoadedEventStart ?? Number.NaN,
  );
  const scriptAfterDcl = state.stats.startedAt - dcl;
  return {
    allFromDclMs: scriptAfterDcl + state.stats.firstScanMs,
    firstFromDclMs: scriptAfterDcl + (state.stats.phases.first ?? Number.NaN),
    firstScanMs: state.stats.firstScanMs,
    longestTaskMs: state.stats.longestTaskMs,
    pageLongTaskMs: Math.max(0, ...probe.longTasks),
    matcherMs: state.stats.matcherMs,
    matchedIn: state.stats.matchedIn ?? '?',
    mentions: state.stats.mentions,
    busyMs: state.stats.busyMs ?? Number.NaN,
    phases: state.stats.phases,
    heap,
    hoverMs,
  };
}

/** Self time per function (Gloss's by name, the page's scripts as one), ms summed over loads, per page URL. */
const profiles = new Map<string, { loads: number; self: Map<string, number> }>();

/** Starts the CPU profiler on `page`; the function returned stops it and hands back the profile. */
async function startProfile(page: Page): Promise<() => Promise<CpuProfile>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    return profile as CpuProfile;
  };
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string } }>;
  samples: number[];
  timeDeltas: number[];
}

function addProfile(url: string, profile: CpuProfile): void {
  const entry = profiles.get(url) ?? { loads: 0, self: new Map<string, number>() };
  profiles.set(url, entry);
  entry.loads++;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  profile.samples.forEach((id, i) => {
    const frame = frames.get(id);
    if (!frame) return;
    const gloss = frame.url.startsWith('chrome-extension:');
    const name = gloss
      ? frame.functionName || '(anonymous)'
      : frame.url
        ? "(page's scripts)"
        : frame.functionName;
    entry.self.set(name, (entry.self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
}

function printProfiles(): void {
  for (const [url, { loads, self }] of profiles) {
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log(`\nCPU profile, ${url.split('/').pop()}: self time, ms per load (${loads} loads)`);
    for (const [name, total] of top) console.log(`${ms(total / loads).padStart(7)}  ${name}`);
  }
}

/** Pointer onto a mention; how long after the hover delay the popover element appears. */
async function hoverOnce(page: Page): Promise<number | null> {
  const spot = await visibleMention(page);
  if (!spot) return null;
  await page.mouse.move(2, 2);
  await page.evaluate(() => {
    (window as unknown as { __glossProbe: { popoverAt: number } }).__glossProbe.popoverAt = 0;
  });
  // One move straight onto the mention: the hover delay starts at that very event.
  await page.mouse.move(spot.x, spot.y);
  for (let i = 0; i < 60; i++) {
    await sleep(50);
    const probe = await readProbe(page);
    if (probe.popoverAt) {
      await page.keyboard.press('Escape');
      return probe.popoverAt - probe.lastMoveAt - HOVER_DELAY_MS;
    }
  }
  return null;
}

async function plainHeap(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  await settle(started, 1500);
  const cdp = await context.newCDPSession(page);
  const heap = await heapUsed(cdp);
  await page.close();
  return heap;
}

// A string, not a function: tsx would wrap inner functions in its \`__name\` helper, unknown in the page.
const MARK = `new Promise((done) => {
  const started = performance.now();
  new Mark(document.body).mark(window.__markTerms, {
    accuracy: 'exactly',
    separateWordSearch: false,
    done: (marks) => done({ ms: performance.now() - started, marks }),
  });
})`;

interface MarkRun {
  ms: number;
  marks: number;
}

/** mark.js over the page's body with the same terms; null when it failed or ran past the deadline. */
async function markOnce(
  gloss: GlossBrowser,
  page: Page,
  url: string,
  terms: string[],
): Promise<{ page: Page; run: MarkRun | string }> {
  await page.goto(url, { waitUntil: 'load' });
  // Let Gloss finish first, so the two never share the main thread.
  for (let i = 0; i < 400 && (await pageState(gloss, page))?.stats.firstScanMs == null; i++) await sleep(25);
  await page.addScriptTag({ path: resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js') });
  await page.evaluate((terms) => {
    (window as unknown as { __markTerms: string[] }).__markTerms = terms;
  }, terms);
  const run = (page.evaluate(MARK) as Promise<MarkRun>).catch(
    (error: Error) => error.message.split('\n')[0] ?? 'failed',
  );
  const timeout = sleep(MARK_DEADLINE_MS).then(() => 'timeout' as const);
  const result = await Promise.race([run, timeout]);
  if (result === 'timeout') {
    // The renderer is still inside mark.js: drop the tab and carry on with a new one.
    await page.close({ runBeforeUnload: false }).catch(() => {});
    return { page: await gloss.context.newPage(), run: `no result in ${MARK_DEADLINE_MS / 1000} s` };
  }
  return { page, run: result };
}

function buildExtension(): void {
  console.log(`building the extension into ${OUT_DIR} (content script at ${RUN_AT}) …`);
  execSync('npx wxt build', {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      ...process.env,
      GLOSS_OUT_DIR: OUT_DIR,
      GLOSS_RUN_AT: RUN_AT,
      ...(PROFILE ? { GLOSS_NO_MINIFY: '1' } : {}),
    },
  });
}

function bundleSize(): { raw: number; gzip: number } {
  const code = readFileSync(resolve(EXTENSION_DIR, 'content-scripts/content.js'));
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

function chromiumVersion(): string {
  return execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim();
}

const markdown = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

async function main(): Promise<void> {
  if (args.includes('--context-cost')) return contextCost();
  const t0 = performance.now();
  if (!args.includes('--no-build')) buildExtension();
  const bundle = bundleSize();
  const { largest, typical, chars } = corpusPages();
  const only = flag('--pages');
  const pages = [...(only === 'typical' ? [] : largest), ...(only === 'largest' ? [] : typical)];
  const server = await startStaticServer();
  const urlOf = (name: string) => `${server.url}/corpus/${name}.html`;

  const gloss = await launchGloss({ extensionDir: EXTENSION_DIR });
  const plain: Browser = await chromium.launch({ executablePath: chromiumPath(), args: BROWSER_ARGS });
  const plainContext = await plain.newContext({ viewport: { width: 1280, height: 900 } });
  for (const context of [gloss.context, plainContext]) {
    await context.route(OFF_MACHINE, (route) => route.abort());
    await context.addInitScript(PROBE);
  }

  // Packs go in the way a user's file does: validated and imported by the background.
  const ext = await gloss.context.newPage();
  await ext.goto(`chrome-extension://${gloss.extensionId}/popup.html`);
  // The article pack is the bundled one the demo article comes from; other bundled packs (Countries
  // of the world) stay as they are installed: off.
  const bundled = (await callBackground(ext, 'listPacks', undefined)).find(
    (p) => p.id === 'nato-ukraine-2024',
  );
  const importMs = new Map<string, number>();
  for (const kb of KBS) {
    if (!kb.cities) {
      kb.packId = bundled?.id;
      continue;
    }
    const pack = buildCitiesPack({ limit: kb.cities });
    kb.terms = pack.entities.flatMap((e) => [e.name, ...e.aliases]);
    const started = performance.now();
    const result = await callBackground(ext, 'importPack', { json: JSON.stringify(pack) });
    if (!result.ok) throw new Error(`import of ${kb.label}: ${JSON.stringify(result.errors)}`);
    importMs.set(kb.label, performance.now() - started);
    kb.packId = result.packId;
    console.log(`imported ${kb.label} aliases in ${ms(performance.now() - started)} ms`);
  }

  const baseline = new Map<string, number>();
  for (const name of pages) {
    const heaps: number[] = [];
    for (let i = 0; i < LOADS; i++) heaps.push(await plainHeap(plainContext, urlOf(name)));
    baseline.set(name, median(heaps));
  }
  console.log(`plain-Chromium heaps measured (${ms((performance.now() - t0) / 1000)} s)`);

  const results = new Map<string, Map<string, Load[]>>();
  const buildMs = new Map<string, number>();
  const marks = new Map<string, Map<string, MarkRun[] | string>>();
  let page = await gloss.context.newPage();
  for (const kb of KBS) {
    for (const other of KBS) {
      if (other.packId)
        await callBackground(ext, 'setPackEnabled', { id: other.packId, enabled: other === kb });
    }
    // The first getMatcher after a change compiles (or, for the page, ships) the matcher.
    const started = performance.now();
    const delivery = await callBackground(ext, 'getMatcher', {});
    buildMs.set(kb.label, performance.now() - started);
    kb.aliases = delivery.size;
    const perPage = new Map<string, Load[]>();
    results.set(kb.label, perPage);
    for (const name of pages) {
      const loads: Load[] = [];
      for (let i = 0; i < LOADS; i++) loads.push(await loadWithGloss(gloss, page, urlOf(name)));
      perPage.set(name, loads);
    }
    console.log(
      `${kb.label}: ${delivery.size} aliases, ${delivery.mode} (${ms((performance.now() - t0) / 1000)} s)`,
    );
    if (!kb.mark || !kb.terms) continue;
    const perPageMark = new Map<string, MarkRun[] | string>();
    marks.set(kb.label, perPageMark);
    const previous =
      kb === KBS.find((k) => k.mark) ? undefined : marks.get(KBS[KBS.indexOf(kb) - 1]?.label ?? '');
    for (const name of pages) {
      const before = previous?.get(name);
      const tenfold =
        typeof before === 'string' ? Number.POSITIVE_INFINITY : median((before ?? []).map((r) => r.ms)) * 10;
      if (typeof before === 'string' || tenfold > MARK_DEADLINE_MS) {
        // Ten times the terms, at least ten times the work: it would not finish by the deadline.
        perPageMark.set(
          name,
          `skipped (×10 the terms of a ${typeof before === 'string' ? before : `${ms(tenfold / 10)} ms`} run)`,
        );
        continue;
      }
      const runs: MarkRun[] = [];
      for (let i = 0; i < LOADS; i++) {
        const done = await markOnce(gloss, page, urlOf(name), kb.terms);
        page = done.page;
        if (typeof done.run === 'string') {
          perPageMark.set(name, done.run);
          break;
        }
        runs.push(done.run);
        if (done.run.ms > 5_000) break; // One slow run says enough; keep the whole bench ~10 minutes.
      }
      if (!perPageMark.has(name)) perPageMark.set(name, runs);
    }
    console.log(`mark.js with ${kb.label} terms done (${ms((performance.now() - t0) / 1000)} s)`);
  }
  await gloss.close();
  await plain.close();
  await server.close();
  if (PROFILE) printProfiles();

  // Tables: one per measure, medians of LOADS loads per page and knowledge base.
  const sizes = KBS.map((kb) => kb.label);
  const head = ['page (text chars)', ...KBS.map((kb) => `${kb.label} (${kb.aliases})`)];
  const cell = (kb: string, name: string, pick: (l: Load) => number | null) =>
    median((results.get(kb)?.get(name) ?? []).map((l) => pick(l) ?? Number.NaN));
  const table = (pick: (l: Load) => number | null, format: (x: number) => string) =>
    markdown(
      head,
      pages.map((name) => [
        `${name} (${chars.get(name)?.toLocaleString('en')})`,
        ...sizes.map((kb) => format(cell(kb, name, pick))),
      ]),
    );
  const added = (l: Load, name: string) => l.heap - (baseline.get(name) ?? Number.NaN);

  const sections: string[] = [];
  const add = (title: string, body: string) => {
    sections.push(`**${title}**\n\n${body}`);
    console.log(`\n${title}\n${body}`);
  };
  add(
    'All highlights registered, ms after content-script start (median)',
    table((l) => l.firstScanMs, ms),
  );
  add(
    'As the reader sees it: first highlight (visible text is marked first) / all highlights, ms after DOMContentLoaded (median)',
    markdown(
      head,
      pages.map((name) => [
        `${name} (${chars.get(name)?.toLocaleString('en')})`,
        ...sizes.map(
          (kb) =>
            `${ms(cell(kb, name, (l) => l.firstFromDclMs))} / ${ms(cell(kb, name, (l) => l.allFromDclMs))}`,
        ),
      ]),
    ),
  );
  add(
    "Main-thread time of Gloss's first scan, all slices together, ms (median; the rest of the time above is waiting: for the background, or for the page's own tasks between slices)",
    table((l) => l.busyMs, ms),
  );
  const phase = (kb: string, name: string, step: string) =>
    cell(kb, name, (l) => (step === 'all' ? l.firstScanMs : (l.phases[step] ?? Number.NaN)));
  add(
    'Where the time goes: when each step ended, ms after content-script start (median): settings read · matcher received · page walked · visible text first · first mark · all marked',
    markdown(
      head,
      pages.map((name) => [
        `${name} (${chars.get(name)?.toLocaleString('en')})`,
        ...sizes.map((kb) =>
          ['settings', 'matcher', 'walk', 'order', 'first', 'all']
            .map((step) => ms(phase(kb, name, step)))
            .join(' · '),
        ),
      ]),
    ),
  );
  add(
    'Mentions marked',
    table(
      (l) => l.mentions,
      (x) => x.toLocaleString('en'),
    ),
  );
  add(
    "Longest task of Gloss's, ms (median)",
    table((l) => l.longestTaskMs, ms),
  );
  add(
    'Longest task in the page (PerformanceObserver longtask, page scripts included), ms (median)',
    table((l) => l.pageLongTaskMs, ms),
  );
  add(
    'JS heap Gloss adds to the page, MB (median; plain Chromium, same page, as baseline)',
    markdown(
      head,
      pages.map((name) => [
        `${name} (${chars.get(name)?.toLocaleString('en')})`,
        ...sizes.map((kb) => mb(median((results.get(kb)?.get(name) ?? []).map((l) => added(l, name))))),
      ]),
    ),
  );
  add(
    'Hover → popover element, ms after the 300 ms delay (median)',
    table((l) => l.hoverMs, ms),
  );

  const all = (kb: string) => [...(results.get(kb)?.values() ?? [])].flat();
  add(
    'Matcher delivery per knowledge base',
    markdown(
      [
        'aliases',
        'import ms',
        'mode',
        'background build + send, ms (first getMatcher)',
        'page: matcher read (published in storage) + revive, ms after content-script start (median of all loads)',
      ],
      KBS.map((kb) => [
        `${kb.label} (${kb.aliases})`,
        importMs.has(kb.label) ? ms(importMs.get(kb.label) as number) : 'bundled',
        all(kb.label)[0]?.matchedIn === 'page'
          ? 'compiled matcher published for pages'
          : 'page sends text to the background',
        ms(buildMs.get(kb.label) as number),
        ms(median(all(kb.label).map((l) => l.matcherMs))),
      ]),
    ),
  );

  const ratios: number[] = [];
  const workRatios: number[] = [];
  const markRows: string[][] = [];
  const times = (x: number) => `×${x.toFixed(1)}`;
  for (const [kb, perPage] of marks) {
    for (const name of pages) {
      const runs = perPage.get(name);
      const glossMs = cell(kb, name, (l) => l.firstScanMs);
      const workMs = cell(kb, name, (l) => l.busyMs);
      if (typeof runs === 'string' || !runs?.length) {
        markRows.push([
          name,
          kb,
          ms(glossMs),
          ms(workMs),
          typeof runs === 'string' ? runs : 'failed',
          '–',
          '–',
          '–',
        ]);
        continue;
      }
      const markMs = median(runs.map((r) => r.ms));
      if (kb === '100') {
        ratios.push(markMs / glossMs);
        workRatios.push(markMs / workMs);
      }
      markRows.push([
        name,
        kb,
        ms(glossMs),
        ms(workMs),
        `${ms(markMs)}${runs.length < LOADS ? ` (${runs.length} run)` : ''}`,
        String(runs[0]?.marks ?? ''),
        times(markMs / glossMs),
        times(markMs / workMs),
      ]);
    }
  }
  add(
    'Gloss vs. mark.js, same page and terms (median ms). mark.js runs in one go, so its time is all main-thread work; Gloss\'s "all highlights" also includes waiting for the background and for the page between slices',
    markdown(
      [
        'page',
        'terms',
        'Gloss all highlights',
        'Gloss main-thread work',
        'mark.js',
        'mark.js marks',
        'mark.js ÷ Gloss all highlights',
        'mark.js ÷ Gloss work',
      ],
      markRows,
    ),
  );
  add(
    'Content-script bundle',
    markdown(
      ['file', 'minified', 'gzip -9'],
      [
        [
          `${OUT_DIR}/chrome-mv3/content-scripts/content.js`,
          `${bundle.raw.toLocaleString('en')} B (${(bundle.raw / 1024).toFixed(1)} KiB)`,
          `${bundle.gzip.toLocaleString('en')} B (${(bundle.gzip / 1024).toFixed(1)} KiB)`,
        ],
      ],
    ),
  );

  // Targets.
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const typicalArticle = median(typical.map((name) => cell('article', name, (l) => l.firstScanMs)));
  const biggest = largest[0] as string;
  const largest100k = cell('100,000', biggest, (l) => l.firstScanMs);
  // From DOMContentLoaded, the worst typical page (the reader's targets).
  const typicalFirstDcl = worst(typical.map((name) => cell('article', name, (l) => l.firstFromDclMs)));
  const typicalAllDcl100k = worst(typical.map((name) => cell('100,000', name, (l) => l.allFromDclMs)));
  const largestAllDcl100k = cell('100,000', biggest, (l) => l.allFromDclMs);
  const longest = worst(sizes.flatMap((kb) => pages.map((name) => cell(kb, name, (l) => l.longestTaskMs))));
  const worstLoadTask = worst(sizes.flatMap((kb) => all(kb).map((l) => l.longestTaskMs)));
  const minRatio = Math.min(...ratios);
  const hover = worst(sizes.flatMap((kb) => pages.map((name) => cell(kb, name, (l) => l.hoverMs))));
  const heap100k = worst(
    pages.map((name) => median((results.get('100,000')?.get(name) ?? []).map((l) => added(l, name)))),
  );
  add(
    'Targets',
    markdown(
      ['target', 'measured', ''],
      [
        [
          'article pack, typical page: all highlights ≤ 20 ms',
          `${ms(typicalArticle)} ms (median of the 5 typical pages)`,
          verdict(typicalArticle <= 20),
        ],
        [
          `100,000 aliases, largest page (${biggest}): ≤ 300 ms`,
          `${ms(largest100k)} ms`,
          verdict(largest100k <= 300),
        ],
        [
          'first on-screen highlight ≤ 50 ms after DOMContentLoaded, typical pages (article pack)',
          `${ms(typicalFirstDcl)} ms (worst of the 5 typical pages)`,
          verdict(typicalFirstDcl <= 50),
        ],
        [
          'all highlights ≤ 100 ms after DOMContentLoaded, typical pages, 100,000 aliases',
          `${ms(typicalAllDcl100k)} ms (worst of the 5)`,
          verdict(typicalAllDcl100k <= 100),
        ],
        [
          `all highlights ≤ 300 ms after DOMContentLoaded, largest page (${biggest}), 100,000 aliases`,
          `${ms(largestAllDcl100k)} ms`,
          verdict(largestAllDcl100k <= 300),
        ],
        [
          "no task of Gloss's > 50 ms at any size",
          `${ms(longest)} ms (worst page median; worst single load ${ms(worstLoadTask)} ms)`,
          verdict(longest <= 50),
        ],
        [
          '≥ 100× faster than mark.js at 100 terms (time to all highlights)',
          `×${minRatio.toFixed(1)} on the worst page (×${median(ratios).toFixed(1)} median); main-thread work: ×${Math.min(...workRatios).toFixed(1)} worst, ×${median(workRatios).toFixed(1)} median`,
          verdict(minRatio >= 100),
        ],
        [
          'popover ≤ 50 ms after the hover delay',
          `${ms(hover)} ms (worst page median)`,
          verdict(hover <= 50),
        ],
        [
          'content script ≤ 60 KiB minified',
          `${(bundle.raw / 1024).toFixed(1)} KiB (gzip ${(bundle.gzip / 1024).toFixed(1)} KiB)`,
          verdict(bundle.raw <= 60 * 1024),
        ],
        [
          'heap Gloss adds ≤ 10 MB at 100,000 aliases',
          `${mb(heap100k)} MB (worst page median)`,
          verdict(heap100k <= 10 * 1024 * 1024),
        ],
      ],
    ),
  );

  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${chromiumVersion()}, headless, viewport 1280×900, Node ${process.version}`;
  const total = `${((performance.now() - t0) / 1000).toFixed(0)} s`;
  console.log(`\nmachine: ${machine}; ${LOADS} loads per cell; whole run ${total}`);
  if (args.includes('--write-docs'))
    writeDocs(
      `Machine: ${machine}. ${LOADS} loads per cell; the whole run took ${total}.\n\n${sections.join('\n\n')}`,
    );
}

/** Imports the KBs' packs into one browser; returns pack ids by KB label. */
async function importKbs(gloss: GlossBrowser): Promise<{ ext: Page; ids: Map<string, string | undefined> }> {
  const ext = await gloss.context.newPage();
  await ext.goto(`chrome-extension://${gloss.extensionId}/popup.html`);
  const ids = new Map<string, string | undefined>();
  for (const kb of KBS) {
    if (!kb.cities) {
      ids.set(kb.label, 'nato-ukraine-2024');
      continue;
    }
    const pack = buildCitiesPack({ limit: kb.cities });
    const result = await callBackground(ext, 'importPack', { json: JSON.stringify(pack) });
    if (!result.ok) throw new Error(`import of ${kb.label}: ${JSON.stringify(result.errors)}`);
    ids.set(kb.label, result.packId);
  }
  return { ext, ids };
}

/** --context-cost: the same loads with context scoring and without, in one run (see the header). */
async function contextCost(): Promise<void> {
  const t0 = performance.now();
  const variants = [
    { label: 'with context', dir: OUT_DIR, env: {} },
    { label: 'without (baseline)', dir: `${OUT_DIR}-nocontext`, env: { WXT_GLOSS_CONTEXT: 'off' } },
  ];
  if (!args.includes('--no-build')) {
    for (const v of variants) {
      console.log(`building ${v.label} into ${v.dir} …`);
      execSync('npx wxt build', {
        cwd: ROOT,
        stdio: 'ignore',
        env: { ...process.env, ...v.env, GLOSS_OUT_DIR: v.dir, GLOSS_RUN_AT: RUN_AT },
      });
    }
  }
  const { largest, typical } = corpusPages();
  const only = flag('--pages');
  const pages = [...(only === 'typical' ? [] : largest), ...(only === 'largest' ? [] : typical)];
  const server = await startStaticServer();
  const urlOf = (name: string) => `${server.url}/corpus/${name}.html`;
  const browsers = [];
  for (const v of variants) {
    const gloss = await launchGloss({ extensionDir: resolve(ROOT, v.dir, 'chrome-mv3') });
    await gloss.context.route(OFF_MACHINE, (route) => route.abort());
    await gloss.context.addInitScript(PROBE);
    browsers.push({ gloss, ...(await importKbs(gloss)), page: await gloss.context.newPage() });
  }
  const rows: string[][] = [];
  const ratios: number[] = [];
  let worstTask = [0, 0];
  for (const kb of KBS) {
    for (const b of browsers)
      for (const other of KBS) {
        const id = b.ids.get(other.label);
        if (id) await callBackground(b.ext, 'setPackEnabled', { id, enabled: other === kb });
      }
    for (const b of browsers) await callBackground(b.ext, 'getMatcher', {});
    for (const name of pages) {
      const loads: Load[][] = browsers.map(() => []);
      // Alternating, so a busy spell of the shared machine falls on both.
      for (let i = 0; i < LOADS; i++)
        for (const [j, b] of browsers.entries())
          loads[j]?.push(await loadWithGloss(b.gloss, b.page, urlOf(name)));
      const [withCtx, without] = loads.map((l) => ({
        all: median(l.map((x) => x.allFromDclMs)),
        task: median(l.map((x) => x.longestTaskMs)),
        mentions: median(l.map((x) => x.mentions)),
      })) as [
        { all: number; task: number; mentions: number },
        { all: number; task: number; mentions: number },
      ];
      ratios.push(withCtx.all / without.all);
      worstTask = [
        Math.max(worstTask[0] as number, withCtx.task),
        Math.max(worstTask[1] as number, without.task),
      ];
      rows.push([
        kb.label,
        name,
        `${without.mentions} → ${withCtx.mentions}`,
        ms(without.all),
        ms(withCtx.all),
        `×${(withCtx.all / without.all).toFixed(2)}`,
        ms(without.task),
        ms(withCtx.task),
      ]);
      console.log(rows.at(-1)?.join(' | '));
    }
  }
  for (const b of browsers) await b.gloss.close();
  await server.close();
  console.log(
    `\n${markdown(
      [
        'aliases',
        'page',
        'mentions (off → on)',
        'all highlights, off (ms)',
        'on (ms)',
        'ratio',
        'longest task, off (ms)',
        'on (ms)',
      ],
      rows,
    )}`,
  );
  console.log(
    `\nratio of time to all highlights (on / off): median ×${median(ratios).toFixed(2)}, worst ×${Math.max(...ratios).toFixed(2)}; longest task: ${ms(worstTask[0] as number)} ms on, ${ms(worstTask[1] as number)} ms off`,
  );
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${chromiumVersion()}, headless; ${LOADS} loads per cell, each variant; whole run ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
}

/** Replaces the generated block of docs/benchmarks.md (between the page-bench markers). */
function writeDocs(block: string): void {
  const path = resolve(ROOT, 'docs/benchmarks.md');
  const text = readFileSync(path, 'utf8');
  const start = '<!-- page-bench:start -->';
  const end = '<!-- page-bench:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`docs/benchmarks.md has no ${start} … ${end} block`);
  writeFileSync(path, `${text.slice(0, from + start.length)}\n${block}\n${text.slice(to)}`);
  console.log(`wrote ${path}`);
}

await main();
