// The popover in Firefox as a person sees it, now that the card runs in a frame of its own: the
// page holds a <gloss-popover> host whose closed shadow root BiDi serializes for us, and inside it
// Gloss's card page, a browsing context of its own that BiDi can run scripts in. Same names and
// shapes as the readers in firefox.ts, so tests only change where they import them from.
import type { Page } from 'puppeteer-core';
import type { FirefoxGloss } from '@/scripts/lib/firefox';
import { textCenter } from './firefox';

export const UNAVAILABLE = "Gloss can't show its card on this page.";

export interface PopoverView {
  text: string;
  /** Buttons, links and text fields by their visible text, with their centres in the page. */
  controls: Map<string, { x: number; y: number }>;
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

/** In the card frame: its text as a person reads it, and its controls with their centres. */
const READ_CARD = `() => {
  const root = document.getElementById('card');
  const textOf = (node) =>
    node.nodeType === 3 ? node.data
    : node.localName === 'style' || node.localName === 'script' ? ''
    : [...node.childNodes].map(textOf).join(node.localName === 'p' || node.localName === 'li' ? ' ' : '');
  const controls = [];
  for (const element of root.querySelectorAll('button, a, textarea, input')) {
    const label = textOf(element).replace(/\\s+/g, ' ').trim() || element.localName;
    const box = element.getBoundingClientRect();
    if (!controls.some(([known]) => known === label)) {
      controls.push([label, { x: box.left + box.width / 2, y: box.top + box.height / 2 }]);
    }
  }
  return JSON.stringify({ text: textOf(root).replace(/\\s+/g, ' ').trim(), controls });
}`;

/** In the card frame: scrolls the first control with this label into the card's view. */
const SCROLL_TO_CONTROL = `(label) => {
  for (const element of document.querySelectorAll('#card button, #card a, #card textarea, #card input')) {
    const text = element.textContent.replace(/\\s+/g, ' ').trim() || element.localName;
    if (text === label) return element.scrollIntoView({ block: 'nearest' });
  }
}`;

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
  if (!card) return { text: '', controls: new Map() };
  const read = (await gloss.send('script.callFunction', {
    functionDeclaration: READ_CARD,
    target: { context: card },
    awaitPromise: false,
  })) as CallResult;
  if (read.result.type !== 'success' || typeof read.result.result?.value !== 'string') {
    return { text: '', controls: new Map() };
  }
  const view = JSON.parse(read.result.result.value) as {
    text: string;
    controls: Array<[string, { x: number; y: number }]>;
  };
  const inPage = view.controls.map(
    ([label, at]) => [label, { x: at.x + frame.left, y: at.y + frame.top }] as const,
  );
  return { text: view.text, controls: new Map(inPage) };
}

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

/** Moves the pointer onto `text` and waits for the popover to show, its content loaded. */
export async function hover(gloss: FirefoxGloss, page: Page, selector: string, text: string) {
  for (let attempt = 1; ; attempt++) {
    const { x, y } = await textCenter(page, selector, text);
    await page.mouse.move(x - 30, y - 30);
    await page.mouse.move(x, y, { steps: 3 });
    try {
      return await waitForPopover(
        gloss,
        page,
        (view) => view !== null && view.text !== '' && !view.text.includes('Loading…'),
        3000,
      );
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
  // The card has a fixed size and scrolls inside: bring the control into its view first.
  const card = await cardContext(gloss, page);
  if (card) {
    await gloss.send('script.callFunction', {
      functionDeclaration: SCROLL_TO_CONTROL,
      target: { context: card },
      awaitPromise: false,
      arguments: [{ type: 'string', value: pick(view) as string }],
    });
  }
  // The popover may still be moving (it re-places itself as the page lays out): wait until it rests.
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
