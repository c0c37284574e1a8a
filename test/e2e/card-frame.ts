// The popover as a person sees it, now that the card runs in a frame of its own: the page holds
// only a <gloss-popover> host with a closed shadow root (read through the DevTools protocol), and
// inside it Gloss's card page (an extension frame Playwright can read directly). Same names as the
// page-helpers' popover readers, so tests only change where they import them from.
import type { CDPSession, Frame, Page } from 'playwright-core';
import { textCenter } from './page-helpers';

export const UNAVAILABLE = "Gloss can't show its card on this page.";

export interface PopoverView {
  text: string;
  /** Buttons, links and text fields by their visible text (a text field as "textarea"/"input"). */
  controls: Map<string, number>;
  /** The card's frame, or null when the card could not load there. */
  frame: Frame | null;
}

interface DomNode {
  backendNodeId: number;
  nodeType: number;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

async function session(page: Page): Promise<CDPSession> {
  const cached = (page as Page & { __cardCdp?: CDPSession }).__cardCdp;
  if (cached) return cached;
  const created = await page.context().newCDPSession(page);
  (page as Page & { __cardCdp?: CDPSession }).__cardCdp = created;
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
export function cardFrame(page: Page): Frame | null {
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
    const { text, labels } = await frame.evaluate(() => {
      const textOf = (node: Node): string => {
        if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
        const name = (node as Element).localName;
        if (name === 'style' || name === 'script') return '';
        return [...node.childNodes].map(textOf).join(name === 'p' || name === 'li' ? ' ' : '');
      };
      const root = document.getElementById('card') as HTMLElement;
      const controls = [...root.querySelectorAll('button, a, textarea, input')];
      return {
        text: textOf(root),
        labels: controls.map((c) => textOf(c).replace(/\s+/g, ' ').trim() || c.localName),
      };
    });
    const controls = new Map<string, number>();
    labels.forEach((label, index) => {
      if (!controls.has(label)) controls.set(label, index);
    });
    return { text: text.replace(/\s+/g, ' ').trim(), controls, frame };
  } catch {
    return { text: '', controls: new Map(), frame }; // The frame is being replaced.
  }
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

/** Moves the pointer onto `text` and waits for the popover to show, its content loaded. */
export async function hover(page: Page, selector: string, text: string): Promise<PopoverView> {
  // A page may still scroll itself (scroll restoration after a reload): measure again and retry.
  for (let attempt = 1; ; attempt++) {
    const { x, y } = await textCenter(page, selector, text);
    await page.mouse.move(x - 30, y - 30);
    await page.mouse.move(x, y, { steps: 3 });
    try {
      return await waitForPopover(
        page,
        (view) => view !== null && view.text !== '' && !view.text.includes('Loading…'),
        2000,
      );
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Clicks a control of the card by its text (or the start of it), as a person would: a real pointer click. */
export async function clickInPopover(page: Page, label: string): Promise<void> {
  const pick = (v: PopoverView | null) =>
    v
      ? ([...v.controls.keys()].find((k) => k === label) ??
        [...v.controls.keys()].find((k) => k.startsWith(label)))
      : undefined;
  const view = await waitForPopover(page, (v) => pick(v) !== undefined);
  const index = view.controls.get(pick(view) as string) as number;
  const frame = view.frame as Frame;
  const control = frame.locator('#card').locator('button, a, textarea, input').nth(index);
  await control.scrollIntoViewIfNeeded();
  // The popover may still be moving (it re-places itself as the page lays out): wait until it rests.
  let box = await control.boundingBox();
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const again = await control.boundingBox();
    if (JSON.stringify(again) === JSON.stringify(box)) break;
    box = again;
  }
  if (!box) throw new Error(`"${label}" has no box`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The page's active element's name: the host while focus is in the card. */
export function activeElementName(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.localName);
}

function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.localName === 'style' || node.localName === 'script') return '';
  return [...(node.children ?? [])].map(textOf).join(' ');
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
