// Gloss on real pages saved by others (../shared/corpus): it marks what it should, leaves the
// DOM exactly as a browser without Gloss has it, logs no errors and never holds the page for long.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  askPage,
  baseUrl,
  DETERMINISTIC_PAGE,
  launchPlainChromium,
  OFF_MACHINE,
  openGloss,
  type TestBrowser,
} from './gloss';
import { highlighted } from './page-helpers';

const corpusDir = resolve(import.meta.dirname, '../../../shared/corpus');
const pages = readFileSync(resolve(corpusDir, 'INDEX.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[0] as string);
const expectations: Record<string, { atLeast?: Record<string, number>; never?: string[]; atMost?: number }> =
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/corpus.expected.json'), 'utf8')).pages;

let gloss: TestBrowser;
let plain: Browser;
let plainContext: BrowserContext;
let plainNoScripts: BrowserContext;
let glossNoScripts: TestBrowser | undefined;
/** Pages compared with their scripts off, reported at the end. */
const timingDependent: string[] = [];

async function glossWithoutScripts(): Promise<BrowserContext> {
  glossNoScripts ??= await openGloss({ javaScriptEnabled: false });
  await glossNoScripts.context.route(OFF_MACHINE, (route) => route.abort());
  return glossNoScripts.context;
}

/** The DOM once the page's own scripts have stopped changing it (ad code appends late). */
async function serialize(page: Page): Promise<string> {
  let html = await page.evaluate(() => document.documentElement.outerHTML);
  for (let i = 0; i < 8; i++) {
    await page.waitForTimeout(400);
    const again = await page.evaluate(() => document.documentElement.outerHTML);
    if (again === html) return html;
    html = again;
  }
  return html;
}

async function loadAndSerialize(context: BrowserContext, url: string): Promise<string> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const html = await serialize(page);
  await page.close();
  return html;
}

beforeAll(async () => {
  gloss = await openGloss();
  await gloss.context.route(OFF_MACHINE, (route) => route.abort());
  await gloss.context.addInitScript(DETERMINISTIC_PAGE);
  plain = await launchPlainChromium();
  plainContext = await plain.newContext({ viewport: { width: 1280, height: 900 } });
  await plainContext.route(OFF_MACHINE, (route) => route.abort());
  await plainContext.addInitScript(DETERMINISTIC_PAGE);
  plainNoScripts = await plain.newContext({
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: false,
  });
  await plainNoScripts.route(OFF_MACHINE, (route) => route.abort());
});
afterAll(async () => {
  await gloss?.close();
  await glossNoScripts?.close();
  await plain?.close();
});

describe('Gloss on the corpus of real pages', () => {
  // After each page: no error of Gloss's and no request off the machine. The pages' own errors
  // (blocked ads, missing scripts) are theirs; Gloss's would come from its scripts. The pages' own
  // requests to their sites are theirs (and refused); Gloss adds none.
  afterEach(() => {
    const ours = gloss.errors.splice(0).filter((e) => e.includes('chrome-extension://') || /gloss/i.test(e));
    expect(ours).toEqual([]);
    expect(gloss.offMachine.splice(0)).toEqual([]);
  });
  // Most pages compare equal with their scripts running; the few that don't are listed, and counted
  // once all have run.
  afterAll(() => {
    expect(timingDependent.length).toBeLessThanOrEqual(3);
  });

  it.each(pages)('%s: marks what it should, changes nothing, no long task', async (name) => {
    const url = `${baseUrl()}/corpus/${name}.html`;
    const page = await gloss.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await expect
      .poll(async () => (await askPage(gloss, page, 'pageState', undefined)).stats.firstScanMs, {
        timeout: 15_000,
      })
      .not.toBeNull();
    const state = await askPage(gloss, page, 'pageState', undefined);
    expect(state.stats.longestTaskMs).toBeLessThan(50);

    const marked = (await highlighted(page)).light;
    const want = expectations[name];
    for (const [text, count] of Object.entries(want?.atLeast ?? {})) {
      expect(marked.filter((m) => m === text).length, text).toBeGreaterThanOrEqual(count);
    }
    for (const text of want?.never ?? []) expect(marked).not.toContain(text);
    if (want?.atMost !== undefined) expect(marked.length).toBeLessThanOrEqual(want.atMost);

    const withGloss = await serialize(page);
    const without = await loadAndSerialize(plainContext, url);
    if (withGloss !== without) {
      // A few pages' own scripts build a different DOM depending on timing (ad code racing its
      // timers; Gloss's work at load shifts that timing). Gloss changes the DOM the same way with
      // page scripts on or off — its content script runs either way — so compare with them off.
      const [a, b] = await Promise.all([
        loadAndSerialize(await glossWithoutScripts(), url),
        loadAndSerialize(plainNoScripts, url),
      ]);
      expect(a === b, 'DOM serialisation differs from a browser without Gloss (page scripts off)').toBe(true);
      timingDependent.push(name);
    }
    await page.close();
  });
});
