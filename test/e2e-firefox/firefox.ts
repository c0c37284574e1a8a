// The Firefox harness: Gloss installed in Firefox ESR as a temporary add-on, driven over WebDriver
// BiDi, with the views of a page both browsers share (test/spec/views.ts). The popover's
// shadow root is closed; BiDi's own node serialization (`includeShadowTree: 'all'`) hands it to the
// test as a shared reference, which is how it is read here instead of Chromium's DevTools protocol.
// The card inside it (card.html) is a browsing context of its own that BiDi can run scripts in.
import type { Frame, Page } from 'puppeteer-core';
import { inject } from 'vitest';
import { type FirefoxGloss, launchFirefoxGloss } from '@/scripts/lib/firefox';
import type { ContentProtocol } from '@/src/messaging/content-protocol';
import type { GlossProtocol } from '@/src/messaging/protocol';
import * as extension from '../spec/extension';
import * as views from '../spec/views';

export const fixtureUrl = (name: string) => `${inject('baseUrl')}/fixtures/${name}`;
export { MENTION_HIGHLIGHTS } from '../spec/views';

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

/** A puppeteer page or frame as the shared views see it. */
export const surface = (frame: Frame | Page): views.PageSurface => ({
  // puppeteer's evaluate types its arguments by the function's; the shared views pass one.
  evaluate: (fn, arg) => frame.evaluate(fn as never, arg as never),
});

export const pointer = (page: Page): views.Pointer => ({
  move: (x, y, steps) => page.mouse.move(x, y, steps ? { steps } : undefined),
  click: (x, y) => page.mouse.click(x, y),
});

/** Calls the background from an extension page, in @webext-core/messaging's envelope. */
export const callBackground = <K extends keyof GlossProtocol>(
  extensionPage: Page,
  type: K,
  data: Parameters<GlossProtocol[K]>[0],
) => extension.callBackground(surface(extensionPage), type, data);

/** The browser's id of the tab showing `url`, asked from an extension page. */
export const tabIdOf = (extensionPage: Page, url: string) => extension.tabIdOf(surface(extensionPage), url);

/** Asks a tab's content script (frame 0), as the background and the popup do. */
export const askTab = <K extends keyof ContentProtocol>(
  extensionPage: Page,
  tabId: number,
  type: K,
  data: Parameters<ContentProtocol[K]>[0],
) => extension.askTab(surface(extensionPage), tabId, type, data);

/** Highlighted texts in document order: light DOM, then open shadow roots. */
export const highlighted = (frame: Frame | Page) => views.highlighted(surface(frame));

/** Waits until the page's highlights are exactly `expected` (document order). */
export const waitForMentions = (frame: Frame | Page, expected: string[], timeout = 10_000) =>
  views.waitForMentions(surface(frame), expected, timeout);

/** Centre of the first occurrence of `text` in the element matching `selector`, scrolled into view. */
export const textCenter = (page: Page, selector: string, text: string) =>
  views.textCenter(surface(page), selector, text);

export interface PopoverView {
  text: string;
  /** Buttons, links and text fields by their visible text, with their centres in the page. */
  controls: Map<string, views.Point>;
}

type CallResult = { result: { type: string; result?: { value?: unknown }; exceptionDetails?: unknown } };

/** The shown host's shadow root: where its frame sits in the page, or the text it shows instead. */
const READ_HOST = `(root) => {
  if (!root.host.matches(':popover-open')) return null;
  const frame = root.querySelector('iframe');
  const box = frame && frame.getBoundingClientRect();
  return JSON.stringify({
    frame: box && { left: box.left, top: box.top },
    text: frame ? '' : root.textContent.replace(/\\s+/g, ' ').trim(),
  });
}`;

/**
 * Runs `fn` (one of the views' in-frame functions) in a browsing context; null if it failed, or if
 * the context went away meanwhile (a card frame that closed is removed a moment later: the next
 * read finds the frame that replaced it).
 */
async function callIn(gloss: FirefoxGloss, context: string, fn: string, arg?: string): Promise<unknown> {
  let called: CallResult;
  try {
    called = (await gloss.send('script.callFunction', {
      functionDeclaration: fn,
      target: { context },
      awaitPromise: false,
      arguments: arg === undefined ? [] : [{ type: 'string', value: arg }],
    })) as CallResult;
  } catch (error) {
    if (/no such frame|DiscardedBrowsingContext/.test(String(error))) return null;
    throw error;
  }
  return called.result.type === 'success' ? called.result.result?.value : null;
}

/** The card frame's browsing context under the page, if one is loaded. */
async function cardContext(gloss: FirefoxGloss, page: Page): Promise<string | null> {
  const tree = (await gloss.send('browsingContext.getTree', { root: gloss.contextOf(page) })) as {
    result: { contexts: Array<{ children?: Array<{ context: string; url: string }> }> };
  };
  const cards = (tree.result.contexts[0]?.children ?? []).filter((c) =>
    /^moz-extension:.*\/card\.html/.test(c.url),
  );
  return cards.at(-1)?.context ?? null;
}

/** Reads the open popover (host and card frame), or null when none is shown. */
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
  const host = (await gloss.send('script.callFunction', {
    functionDeclaration: READ_HOST,
    target: { context },
    awaitPromise: false,
    arguments: [{ sharedId: shadowRoot.sharedId }],
  })) as CallResult;
  // The popover closed between the two calls: its nodes are gone.
  if (host.result.type !== 'success' || typeof host.result.result?.value !== 'string') return null;
  const { frame, text } = JSON.parse(host.result.result.value) as {
    frame: { left: number; top: number } | null;
    text: string;
  };
  if (!frame) return { text, controls: new Map() };
  const card = await cardContext(gloss, page);
  const read = card && (await callIn(gloss, card, `() => JSON.stringify((${views.readCard})())`));
  if (typeof read !== 'string') return { text: '', controls: new Map() };
  const view = JSON.parse(read) as ReturnType<typeof views.readCard>;
  const inPage = view.controls.map(
    ([label, at]) => [label, { x: at.x + frame.left, y: at.y + frame.top }] as const,
  );
  return { text: view.text, controls: new Map(inPage) };
}

export const waitForPopover = (
  gloss: FirefoxGloss,
  page: Page,
  until: (view: PopoverView | null) => boolean,
  timeout = 5000,
): Promise<PopoverView> => views.waitForPopover(() => readPopover(gloss, page), until, timeout);

/** Moves the pointer onto `text` and waits for the popover to show, its content loaded. */
export const hover = (gloss: FirefoxGloss, page: Page, selector: string, text: string) =>
  views.hover(surface(page), pointer(page), () => readPopover(gloss, page), selector, text);

/** Clicks a control of the popover by its text (or the start of it) with a real pointer click. */
export const clickInPopover = (gloss: FirefoxGloss, page: Page, label: string): Promise<void> =>
  views.clickInPopover(
    pointer(page),
    () => readPopover(gloss, page),
    async (_view, label) => {
      const card = await cardContext(gloss, page);
      if (card) await callIn(gloss, card, String(views.scrollToControl), label);
    },
    async (view, label) => view.controls.get(label) as views.Point,
    label,
  );

/**
 * Presses a browser shortcut (`Alt+Shift+G`) as a person does: as trusted key events in the
 * browser window, where Firefox matches extension shortcuts (its keyset, in the parent process).
 * BiDi's input actions cannot: they are dispatched inside the page's content process. This runs in
 * the window's chrome context, which `--remote-allow-system-access` opens to BiDi, through the
 * nsITextInputProcessor Firefox's own tests synthesize keys with.
 */
export async function pressBrowserShortcut(gloss: FirefoxGloss, keys: string): Promise<void> {
  const tree = (await gloss.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })) as {
    result: { contexts: Array<{ context: string; url: string }> };
  };
  const window = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('no browser window in the chrome scope');
  const names = keys.split('+');
  const key = names.pop() as string;
  const modifiers: Record<string, [code: string, keyCode: number]> = {
    Alt: ['AltLeft', 18],
    Shift: ['ShiftLeft', 16],
    Control: ['ControlLeft', 17],
  };
  const events = [
    ...names.map((name) => {
      const [code, keyCode] = modifiers[name] ?? [];
      if (!code) throw new Error(`unknown modifier ${name}`);
      return { key: name, code, keyCode };
    }),
    { key: key.toUpperCase(), code: `Key${key.toUpperCase()}`, keyCode: key.toUpperCase().charCodeAt(0) },
  ];
  const sent = (await gloss.send('script.callFunction', {
    functionDeclaration: `(events) => {
      const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      if (!tip.beginInputTransactionForTests(window)) return false;
      const list = JSON.parse(events);
      for (const e of list) tip.keydown(new KeyboardEvent('', e));
      for (const e of list.reverse()) tip.keyup(new KeyboardEvent('', e));
      return true;
    }`,
    target: { context: window.context },
    arguments: [{ type: 'string', value: JSON.stringify(events) }],
    awaitPromise: false,
  })) as { result: { type: string; result?: { value: boolean }; exceptionDetails?: { text: string } } };
  if (sent.result.type !== 'success' || sent.result.result?.value !== true) {
    throw new Error(
      `could not press ${keys}: ${sent.result.exceptionDetails?.text ?? 'no input transaction'}`,
    );
  }
}
