// Looking at what Gloss did to a page the way a person would see it: the highlighted ranges
// (the highlight registry is the document's), and the popover, which lives in a closed shadow
// root that page scripts cannot open — so the tests read it through the DevTools protocol.
import type { CDPSession, Frame, Page } from 'playwright-core';

export const MENTION_HIGHLIGHTS = ['gloss-underline', 'gloss-tint', 'gloss-hover'];

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
export async function waitForMentions(
  frame: Frame | Page,
  expected: string[],
  timeout = 5000,
): Promise<string[]> {
  const deadline = Date.now() + timeout;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = (await highlighted(frame)).light;
    if (JSON.stringify(last) === JSON.stringify(expected)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

/** Centre of the first occurrence of `text` in the element matching `selector`. */
export async function textCenter(
  page: Page,
  selector: string,
  text: string,
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([selector, text]) => {
      const root = document.querySelector(selector as string);
      if (!root) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(text as string);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + (text as string).length);
        let box = range.getBoundingClientRect();
        if (box.top < 0 || box.bottom > innerHeight) {
          node.parentElement?.scrollIntoView({ block: 'center' });
          box = range.getBoundingClientRect();
        }
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      throw new Error(`"${text}" not found in ${selector}`);
    },
    [selector, text],
  );
}

/** Moves the pointer onto `text` and waits for the popover to show. */
export async function hover(page: Page, selector: string, text: string): Promise<PopoverView> {
  // A page may still scroll itself (scroll restoration after a reload): measure again and retry.
  for (let attempt = 1; ; attempt++) {
    const { x, y } = await textCenter(page, selector, text);
    await page.mouse.move(x - 30, y - 30);
    await page.mouse.move(x, y, { steps: 3 });
    try {
      // Shown, and its content loaded.
      return await waitForPopover(page, (view) => view !== null && !view.text.includes('Loading…'), 2000);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

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

export async function waitForPopover(
  page: Page,
  until: (view: PopoverView | null) => boolean,
  timeout = 5000,
): Promise<PopoverView> {
  const deadline = Date.now() + timeout;
  let view: PopoverView | null = null;
  while (Date.now() < deadline) {
    view = await readPopover(page);
    if (until(view)) return view as PopoverView;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`popover did not reach the expected state; last text: ${view?.text ?? '(closed)'}`);
}

/** Clicks a button of the popover by its text (or the start of it), as a person would: a real pointer click. */
export async function clickInPopover(page: Page, label: string): Promise<void> {
  const pick = (v: PopoverView | null) =>
    v
      ? ([...v.controls.keys()].find((k) => k === label) ??
        [...v.controls.keys()].find((k) => k.startsWith(label)))
      : undefined;
  const view = await waitForPopover(page, (v) => pick(v) !== undefined);
  const backendNodeId = view.controls.get(pick(view) as string) as number;
  const box = async () =>
    ((await view.session.send('DOM.getBoxModel', { backendNodeId })) as { model: { content: number[] } })
      .model.content;
  // The popover may still be moving (it re-places itself when its content grows): wait until it rests.
  let content = await box();
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const again = await box();
    if (again.join() === content.join()) break;
    content = again;
  }
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = content;
  await page.mouse.move((x1 + x3) / 2, (y1 + y3) / 2, { steps: 2 });
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
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
