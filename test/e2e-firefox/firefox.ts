// The Firefox harness: Gloss installed in Firefox ESR as a temporary add-on, driven over WebDriver
// BiDi, with the same views of a page as test/e2e/page-helpers.ts gives in Chromium. The popover's
// shadow root is closed; BiDi's own node serialization (`includeShadowTree: 'all'`) hands it to the
// test as a shared reference, which is how it is read here instead of Chromium's DevTools protocol.
import type { Frame, Page } from 'puppeteer-core';
import { inject } from 'vitest';
import { type FirefoxGloss, launchFirefoxGloss } from '@/scripts/lib/firefox';
import type { ContentProtocol } from '@/src/messaging/content-protocol';
import type { GlossProtocol } from '@/src/messaging/protocol';

export const fixtureUrl = (name: string) => `${inject('baseUrl')}/fixtures/${name}`;
export const MENTION_HIGHLIGHTS = ['gloss-underline', 'gloss-tint', 'gloss-hover'];

export interface FirefoxTestBrowser extends FirefoxGloss {
  /** Console errors and uncaught exceptions from every page the test opened. */
  errors: string[];
  newPage(): Promise<Page>;
}

export async function openFirefoxGloss(): Promise<FirefoxTestBrowser> {
  const gloss = await launchFirefoxGloss();
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${(error as Error).message}`));
    return page;
  };
  return {
    ...gloss,
    errors,
    newPage: async () => watch(await gloss.browser.newPage()),
    extensionPage: async (path) => watch(await gloss.extensionPage(path)),
  };
}

type Reply = { res?: unknown; err?: { message: string } } | undefined;

/** Calls the background from an extension page, in @webext-core/messaging's envelope. */
export async function callBackground<K extends keyof GlossProtocol>(
  extensionPage: Page,
  type: K,
  data: Parameters<GlossProtocol[K]>[0],
): Promise<ReturnType<GlossProtocol[K]>> {
  const reply = (await extensionPage.evaluate(
    (type, data) =>
      new Promise((done) =>
        chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() }, done),
      ),
    type,
    data as never,
  )) as Reply;
  if (reply?.err) throw new Error(reply.err.message);
  return reply?.res as ReturnType<GlossProtocol[K]>;
}

/** The browser's id of the tab showing `url`, asked from an extension page. */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  return extensionPage.evaluate(
    (url) =>
      // Not `query({ url })`: a match pattern cannot name the server's port.
      new Promise<number>((done) =>
        chrome.tabs.query({}, (tabs) => done(tabs.find((t) => t.url === url)?.id ?? -1)),
      ),
    url,
  );
}

/** Asks a tab's content script (frame 0), as the background and the popup do. */
export async function askTab<K extends keyof ContentProtocol>(
  extensionPage: Page,
  tabId: number,
  type: K,
  data: Parameters<ContentProtocol[K]>[0],
): Promise<ReturnType<ContentProtocol[K]>> {
  const reply = (await extensionPage.evaluate(
    (tabId, type, data) =>
      new Promise((done) =>
        chrome.tabs.sendMessage(
          tabId,
          { id: Date.now(), type, data, timestamp: Date.now() },
          { frameId: 0 },
          done,
        ),
      ),
    tabId,
    type,
    data as never,
  )) as Reply;
  if (reply?.err) throw new Error(reply.err.message);
  return reply?.res as ReturnType<ContentProtocol[K]>;
}

/** Highlighted texts in document order: light DOM, then open shadow roots. */
export async function highlighted(frame: Frame | Page): Promise<{ light: string[]; shadow: string[] }> {
  return frame.evaluate((names) => {
    const highlight = names.map((n) => CSS.highlights.get(n)).find(Boolean);
    const ranges = highlight ? ([...highlight] as Range[]) : [];
    const inDoc = ranges.filter((r) => r.startContainer.getRootNode() === document);
    const inShadow = ranges.filter((r) => r.startContainer.getRootNode() !== document);
    const order = (a: Range, b: Range) => a.compareBoundaryPoints(Range.START_TO_START, b);
    return {
      light: inDoc.sort(order).map((r) => r.toString()),
      shadow: inShadow.map((r) => r.toString()),
    };
  }, MENTION_HIGHLIGHTS);
}

/** Waits until the page's highlights are exactly `expected` (document order). */
export async function waitForMentions(frame: Frame | Page, expected: string[], timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = (await highlighted(frame)).light;
    if (JSON.stringify(last) === JSON.stringify(expected)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

/** Centre of the first occurrence of `text` in the element matching `selector`, scrolled into view. */
export async function textCenter(page: Page, selector: string, text: string) {
  return page.evaluate(
    (selector, text) => {
      const root = document.querySelector(selector);
      if (!root) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(text);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        let box = range.getBoundingClientRect();
        if (box.top < 0 || box.bottom > innerHeight) {
          node.parentElement?.scrollIntoView({ block: 'center' });
          box = range.getBoundingClientRect();
        }
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      throw new Error(`"${text}" not found in ${selector}`);
    },
    selector,
    text,
  );
}

export interface PopoverView {
  text: string;
  /** Buttons, links and text fields by their visible text, with their centres. */
  controls: Map<string, { x: number; y: number }>;
}

/** Reads the closed shadow root of the open popover through BiDi, or null when none is open. */
export async function readPopover(gloss: FirefoxGloss, page: Page): Promise<PopoverView | null> {
  const context = gloss.contextOf(page);
  const found = (await gloss.send('script.callFunction', {
    functionDeclaration: '() => document.querySelector("gloss-popover")',
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  })) as { result: { result: { value?: { shadowRoot?: { sharedId: string } | null } } } };
  const shadowRoot = found.result.result.value?.shadowRoot;
  if (!shadowRoot) return null;
  const read = (await gloss.send('script.callFunction', {
    functionDeclaration: READ_SHADOW_ROOT,
    target: { context },
    awaitPromise: false,
    arguments: [{ sharedId: shadowRoot.sharedId }],
  })) as { result: { type: string; result?: { value: string }; exceptionDetails?: { text: string } } };
  // The popover closed between the two calls: its nodes are gone.
  if (read.result.type !== 'success' || !read.result.result) return null;
  const view = JSON.parse(read.result.result.value) as {
    text: string;
    controls: Array<[string, { x: number; y: number }]>;
  };
  return { text: view.text, controls: new Map(view.controls) };
}

/** In the page: the shadow root's text as a person reads it, and its controls with their centres. */
const READ_SHADOW_ROOT = `(root) => {
  const textOf = (node) =>
    node.nodeType === 3 ? node.data
    : node.localName === 'style' || node.localName === 'script' ? ''
    : [...node.childNodes].map(textOf).join(node.localName === 'p' || node.localName === 'li' ? ' ' : '');
  const controls = [];
  for (const element of root.querySelectorAll('button, a, textarea')) {
    const label = textOf(element).replace(/\\s+/g, ' ').trim() || element.localName;
    const box = element.getBoundingClientRect();
    if (!controls.some(([known]) => known === label)) {
      controls.push([label, { x: box.left + box.width / 2, y: box.top + box.height / 2 }]);
    }
  }
  return JSON.stringify({ text: textOf(root).replace(/\\s+/g, ' ').trim(), controls });
}`;

export async function waitForPopover(
  gloss: FirefoxGloss,
  page: Page,
  until: (view: PopoverView | null) => boolean,
  timeout = 5000,
): Promise<PopoverView> {
  const deadline = Date.now() + timeout;
  let view: PopoverView | null = null;
  while (Date.now() < deadline) {
    view = await readPopover(gloss, page);
    if (until(view)) return view as PopoverView;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`popover did not reach the expected state; last text: ${view?.text ?? '(closed)'}`);
}

/** Moves the pointer onto `text` and waits for the popover to show. */
export async function hover(gloss: FirefoxGloss, page: Page, selector: string, text: string) {
  for (let attempt = 1; ; attempt++) {
    const { x, y } = await textCenter(page, selector, text);
    await page.mouse.move(x - 30, y - 30);
    await page.mouse.move(x, y, { steps: 3 });
    try {
      return await waitForPopover(gloss, page, (view) => view !== null, 3000);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Clicks a control of the popover by its text (or the start of it) with a real pointer click. */
export async function clickInPopover(gloss: FirefoxGloss, page: Page, label: string): Promise<void> {
  const pick = (v: PopoverView | null) =>
    v
      ? ([...v.controls.keys()].find((k) => k === label) ??
        [...v.controls.keys()].find((k) => k.startsWith(label)))
      : undefined;
  let view = await waitForPopover(gloss, page, (v) => pick(v) !== undefined);
  // The popover may still be moving (it re-places itself when its content grows): wait until it rests.
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const again = await waitForPopover(gloss, page, (v) => pick(v) !== undefined);
    const [before, after] = [view, again].map((v) => JSON.stringify(v.controls.get(pick(v) as string)));
    view = again;
    if (before === after) break;
  }
  const { x, y } = view.controls.get(pick(view) as string) as { x: number; y: number };
  await page.mouse.move(x, y, { steps: 2 });
  await page.mouse.click(x, y);
}
