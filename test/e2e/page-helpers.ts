// Looking at what Gloss did to a page in Chromium, over the views both browsers share
// (test/spec/views.ts). The popover's host lives in a closed shadow root that page scripts cannot
// open, so it is read here through the DevTools protocol; the card inside it is an extension frame
// (card.html) Playwright can run scripts in directly.
import type { CDPSession, Frame, Page, Worker } from 'playwright-core';
import * as views from '../spec/views';

export { MENTION_HIGHLIGHTS } from '../spec/views';

/** A Playwright page, frame or worker as the shared views see it. */
export const surface = (frame: Frame | Page | Worker): views.PageSurface => ({
  // Playwright types the argument by the function's, and its three evaluates apart although they
  // take the same: the shared views always pass one function and one argument.
  evaluate: (fn, arg) => (frame as Page).evaluate(fn as never, arg as never),
});

export const pointer = (page: Page): views.Pointer => ({
  move: (x, y, steps) => page.mouse.move(x, y, steps ? { steps } : undefined),
  click: (x, y) => page.mouse.click(x, y),
});

/** Highlighted texts in document order: light DOM, then open shadow roots. */
export const highlighted = (frame: Frame | Page) => views.highlighted(surface(frame));

/** Waits until the page's highlights are exactly `expected` (document order). */
export const waitForMentions = (frame: Frame | Page, expected: string[], timeout = 5000) =>
  views.waitForMentions(surface(frame), expected, timeout);

/** Centre of the first occurrence of `text` in the element matching `selector`. */
export const textCenter = (page: Page, selector: string, text: string) =>
  views.textCenter(surface(page), selector, text);

/** Moves the pointer onto `text` and waits for the popover to show. */
export const hover = (page: Page, selector: string, text: string): Promise<PopoverView> =>
  views.hover(surface(page), pointer(page), () => readPopover(page), selector, text);

interface DomNode {
  backendNodeId: number;
  nodeType: number;
  localName: string;
  nodeValue: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export interface PopoverView {
  text: string;
  /** Buttons, links and text fields by their visible text (a text field as "textarea"/"input"), with their centres in the card frame. */
  controls: Map<string, views.Point>;
  /** The card's frame, or null when the card could not load there. */
  frame: Frame | null;
}

async function session(page: Page): Promise<CDPSession> {
  const cached = (page as Page & { __cdp?: CDPSession }).__cdp;
  if (cached) return cached;
  const created = await page.context().newCDPSession(page);
  (page as Page & { __cdp?: CDPSession }).__cdp = created;
  return created;
}

/** The popover's host element in the page, through the closed shadow root; null when none is shown. */
export async function readHost(page: Page): Promise<{ shadowText: string; hasFrame: boolean } | null> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const host = find(root, (n) => n.localName === 'gloss-popover');
  const shadow = host?.shadowRoots?.[0];
  if (!host || !shadow) return null;
  // A host prepared on hover intent is in the page but not shown yet.
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: host.backendNodeId })) as {
    object: { objectId: string };
  };
  const { result } = (await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: 'function () { return this.matches(":popover-open"); }',
    returnByValue: true,
  })) as { result: { value: boolean } };
  await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
  if (!result.value) return null;
  return {
    shadowText: textOf(shadow).replace(/\s+/g, ' ').trim(),
    hasFrame: find(shadow, (n) => n.localName === 'iframe') !== undefined,
  };
}

/** The card's frame in this page (an extension page named card.html). */
function cardFrame(page: Page): Frame | null {
  return page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/card\.html/.test(f.url())) ?? null;
}

/** The open popover's text and controls, or null when none is open. */
export async function readPopover(page: Page): Promise<PopoverView | null> {
  const host = await readHost(page);
  if (!host) return null;
  if (!host.hasFrame) return { text: host.shadowText, controls: new Map(), frame: null };
  const frame = cardFrame(page);
  if (!frame) return { text: '', controls: new Map(), frame: null };
  try {
    const { text, controls } = await frame.evaluate(views.readCard);
    return { text, controls: new Map(controls), frame };
  } catch {
    return { text: '', controls: new Map(), frame }; // The frame is being replaced.
  }
}

export const waitForPopover = (
  page: Page,
  until: (view: PopoverView | null) => boolean,
  timeout = 5000,
): Promise<PopoverView> => views.waitForPopover(() => readPopover(page), until, timeout);

/** Clicks a control of the card by its text (or the start of it), as a person would: a real pointer click. */
export const clickInPopover = (page: Page, label: string): Promise<void> =>
  views.clickInPopover(
    pointer(page),
    () => readPopover(page),
    async (view, label) => void (await view.frame?.evaluate(views.scrollToControl, label)),
    async (view, label) => {
      // Playwright's mouse is in the page's coordinates; the card reports its frame's.
      const box = await (await view.frame?.frameElement())?.boundingBox();
      const at = view.controls.get(label) as views.Point;
      return { x: at.x + (box?.x ?? 0), y: at.y + (box?.y ?? 0) };
    },
    label,
  );

function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.localName === 'style' || node.localName === 'script') return '';
  return [...(node.children ?? [])]
    .map(textOf)
    .join(node.localName === 'p' || node.localName === 'li' ? ' ' : '');
}

function visit(node: DomNode, fn: (n: DomNode) => void): void {
  fn(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) visit(child, fn);
}

function find(node: DomNode, predicate: (n: DomNode) => boolean): DomNode | undefined {
  let found: DomNode | undefined;
  visit(node, (n) => {
    if (!found && predicate(n)) found = n;
  });
  return found;
}

/**
 * Moves the pointer onto `word` within the first `context` on the page, and waits for the card to
 * finish loading (`hover` aims at the centre of its text, which for "Russia" in "Russia’s" is off).
 */
export async function hoverWord(page: Page, context: string, word: string) {
  const { x, y } = await page.evaluate(
    ([context, word]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(context as string);
        if (at === -1) continue;
        const start = at + node.data.slice(at).indexOf(word as string);
        node.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + (word as string).length);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      throw new Error(`"${context}" not found`);
    },
    [context, word],
  );
  await page.mouse.move(x - 30, y - 30);
  await page.mouse.move(x, y, { steps: 3 });
  return waitForPopover(page, (view) => view !== null && !view.text.includes('Loading…'));
}
