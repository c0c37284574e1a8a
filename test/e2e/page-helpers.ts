// Looking at what Gloss did to a page in Chromium, over the views both browsers share
// (test/spec/views.ts). The popover lives in a closed shadow root that page scripts cannot open, so
// it is read here through the DevTools protocol.
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
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

export interface PopoverView {
  text: string;
  /** Element buttons (and links) by their visible text. */
  controls: Map<string, number>;
  session: CDPSession;
}

async function session(page: Page): Promise<CDPSession> {
  const cached = (page as Page & { __cdp?: CDPSession }).__cdp;
  if (cached) return cached;
  const created = await page.context().newCDPSession(page);
  (page as Page & { __cdp?: CDPSession }).__cdp = created;
  return created;
}

/** The open popover's text and controls, or null when none is open. */
export async function readPopover(page: Page): Promise<PopoverView | null> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const host = find(root, (n) => n.localName === 'gloss-popover');
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return null;
  const controls = new Map<string, number>();
  visit(shadow, (n) => {
    if (n.localName === 'button' || n.localName === 'a' || n.localName === 'textarea') {
      const label = textOf(n).replace(/\s+/g, ' ').trim() || n.localName;
      if (!controls.has(label)) controls.set(label, n.backendNodeId);
    }
  });
  return { text: textOf(shadow).replace(/\s+/g, ' ').trim(), controls, session: cdp };
}

export const waitForPopover = (
  page: Page,
  until: (view: PopoverView | null) => boolean,
  timeout = 5000,
): Promise<PopoverView> => views.waitForPopover(() => readPopover(page), until, timeout);

/** Clicks a button of the popover by its text (or the start of it), as a person would: a real pointer click. */
export const clickInPopover = (page: Page, label: string): Promise<void> =>
  views.clickInPopover(pointer(page), () => readPopover(page), centre, label);

async function centre(view: PopoverView, label: string): Promise<views.Point> {
  const backendNodeId = view.controls.get(label) as number;
  const { model } = (await view.session.send('DOM.getBoxModel', { backendNodeId })) as {
    model: { content: number[] };
  };
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
  return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
}

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
