// Helpers shared by the e2e tests: a browser with Gloss, the errors it logged, and a way to ask
// the background what it holds, the way Gloss's own pages do.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { chromiumPath, type GlossBrowser, type LaunchOptions, launchGloss } from '@/scripts/lib/chromium';
import type { ContentProtocol } from '@/src/messaging/content-protocol';
import type { GlossProtocol } from '@/src/messaging/protocol';
import * as extension from '../spec/extension';
import { surface } from './page-helpers';

export const baseUrl = () => inject('baseUrl');
export const fixtureUrl = (name: string) => `${baseUrl()}/fixtures/${name}`;

export interface TestBrowser extends GlossBrowser {
  /** Console errors and uncaught exceptions from any page, frame or the service worker. */
  errors: string[];
  /**
   * Requests that would leave the machine, made by anything but a corpus page's own HTML (those
   * pages reference their sites' ads and scripts). Gloss must never add one: it stays empty.
   */
  offMachine: string[];
  extensionPage(path: string): Promise<Page>;
}

export async function openGloss(options: LaunchOptions = {}): Promise<TestBrowser> {
  const gloss = await launchGloss(options);
  const errors: string[] = [];
  const offMachine: string[] = [];
  gloss.context.on('request', (request) => {
    const url = request.url();
    // The browser's own pages (chrome://version) load from the browser itself.
    if (/^(http:\/\/127\.0\.0\.1[:/]|chrome-extension:|chrome:|data:|blob:|about:)/.test(url)) return;
    let origin = 'service worker';
    let page = '';
    try {
      origin = request.frame().url();
      page = request.frame().page().url();
    } catch {}
    if (/\/corpus\//.test(page) || /\/corpus\//.test(origin)) return;
    offMachine.push(`${request.method()} ${url} (from ${origin})`);
  });
  gloss.context.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.location().url}: ${message.text()}`);
  });
  gloss.context.on('weberror', (error) => errors.push(`uncaught: ${error.error().message}`));
  gloss.serviceWorker.on('console', (message) => {
    if (message.type() === 'error') errors.push(`service worker: ${message.text()}`);
  });
  return {
    ...gloss,
    errors,
    offMachine,
    async extensionPage(path: string) {
      const page = await gloss.context.newPage();
      await page.goto(`chrome-extension://${gloss.extensionId}/${path}`);
      return page;
    },
  };
}

/** Polls `read` until the assertion that follows holds (15 s: the background may still be starting). */
export const eventually = <T>(read: () => Promise<T>, timeout = 15_000) =>
  expect.poll(read, { timeout, interval: 100 });

/** Opens the manager at `path` once the background has installed the bundled pack (on first run). */
export async function openManager(gloss: TestBrowser, path = 'options.html#notes'): Promise<Page> {
  const manager = await gloss.extensionPage(path);
  for (let tries = 0; (await callBackground(manager, 'listPacks', undefined)).length < 1; tries++) {
    if (tries > 100) throw new Error('the bundled pack was not installed');
    await manager.waitForTimeout(100);
  }
  return manager;
}

/** The tab Gloss opened whose address matches (e.g. the manager's review after a capture). */
export async function pageWithUrl(gloss: TestBrowser, pattern: RegExp): Promise<Page> {
  let found: Page | undefined;
  await eventually(async () => {
    found = gloss.context.pages().find((p) => pattern.test(p.url()));
    return Boolean(found);
  }).toBe(true);
  return found as Page;
}

/**
 * "Add this article to Gloss" from the popup on the article's tab, as a reader does: returns the
 * popup, the review that opens (once its candidates are listed) and the candidates' names. `beforeClick` runs
 * with the popup open, just before the click.
 */
export async function openReview(
  gloss: TestBrowser,
  article: Page,
  beforeClick: () => Promise<void> = async () => {},
): Promise<{ popup: Page; review: Page; names: string[] }> {
  const tabId = await clickToolbarButton(gloss, article);
  const popup = await gloss.extensionPage(`popup.html?tabId=${tabId}`);
  await beforeClick();
  await popup.getByTestId('capture-article').click();
  const review = await pageWithUrl(gloss, /options\.html#review\//);
  await review.locator('[data-candidate-id]').first().waitFor();
  const names = await review
    .locator('[data-candidate-id] input:not([type])')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  return { popup, review, names };
}

/** Clicks Gloss's toolbar button on the page's tab (granting activeTab, as a real click does), and returns the tab's id. */
export async function clickToolbarButton(gloss: TestBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const cdp = await (gloss.context.browser() as Browser).newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
    targetInfos: Array<{ targetId: string; url: string }>;
  };
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await cdp.send('Extensions.triggerAction', { id: gloss.extensionId, targetId: tab.targetId });
  await cdp.detach();
  return gloss.serviceWorker.evaluate(async () => {
    const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return active?.id ?? -1;
  });
}

/** One browser with Gloss and one tab in it for the whole test file, closed after it. */
export function glossWithPage(): { readonly gloss: TestBrowser; readonly page: Page } {
  const held = {} as { gloss: TestBrowser; page: Page };
  beforeAll(async () => {
    held.gloss = await openGloss();
    held.page = await held.gloss.context.newPage();
  });
  afterAll(async () => {
    await held.gloss?.close();
  });
  return held;
}

/** Calls the background from an extension page, as Gloss's own pages do. */
export const callBackground = <K extends keyof GlossProtocol>(
  page: Page,
  type: K,
  data: Parameters<GlossProtocol[K]>[0],
) => extension.callBackground(surface(page), type, data);

export function bundledPackFile() {
  return JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../assets/packs/nato-ukraine-2024.json'), 'utf8'),
  );
}

/**
 * Asks the content script of `page` (frame 0) through chrome.tabs, as the background and the popup
 * do. The page is brought to the front first: the tab is found as the active one.
 */
export async function askPage<K extends keyof ContentProtocol>(
  browser: TestBrowser,
  page: Page,
  type: K,
  data: Parameters<ContentProtocol[K]>[0],
): Promise<ReturnType<ContentProtocol[K]>> {
  await page.bringToFront();
  const background = surface(browser.serviceWorker);
  return extension.askTab(background, await extension.activeTabId(background), type, data);
}

/** Requests that would leave the machine are refused, as they would be here anyway, but at once. */
export const OFF_MACHINE = /^(?!http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:|about:).*/;

/** Makes a page's own scripts deterministic (their random ids and timestamps), so two loads compare equal. */
export const DETERMINISTIC_PAGE = `(() => {
  let seed = 42;
  Math.random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const fixed = 1718323200000;
  Date.now = () => fixed;
  performance.now = () => 1000;
  crypto.getRandomValues = (array) => { for (let i = 0; i < array.length; i++) array[i] = (i * 7919) % 256; return array; };
  const RealDate = Date;
  globalThis.Date = class extends RealDate { constructor(...a) { super(...(a.length ? a : [fixed])); } static now() { return fixed; } };
})();`;

/** The same Chromium without Gloss: what pages look like when no extension touched them. */
export function launchPlainChromium() {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A tab of its own for every test (handed to `use`), and after it: no error of Gloss's and no
 * request off the machine. The pages' own errors (the built-ins they break, the CSP they set) are theirs.
 */
export function tabPerTest(browser: () => TestBrowser, use: (page: Page) => void): void {
  let page: Page | undefined;
  beforeEach(async () => {
    page = await browser().context.newPage();
    use(page);
  });
  afterEach(async () => {
    await page?.close();
    const gloss = browser();
    expect(
      gloss.errors.splice(0).filter((e) => e.includes('chrome-extension://') || /gloss/i.test(e)),
    ).toEqual([]);
    expect(gloss.offMachine.splice(0)).toEqual([]);
  });
}
