// Looking at what Gloss did to a page, written once for both browsers: the highlighted ranges (the
// highlight registry is the document's), where a text is on screen, and the polling and pointer
// moves around the popover. Only reading the popover differs per browser: the page holds a host
// with a closed shadow root (DevTools protocol in Chromium, WebDriver BiDi in Firefox) and inside
// it the card's own frame (card.html, an extension page); each harness passes its reader in.

export const MENTION_HIGHLIGHTS = ['gloss-underline', 'gloss-tint', 'gloss-hover'];

/** In the card frame: its text as a person reads it, and its controls (by label) with their centres. */
export function readCard(): { text: string; controls: Array<[string, Point]> } {
  const textOf = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
    const name = (node as Element).localName;
    if (name === 'style' || name === 'script') return '';
    return [...node.childNodes].map(textOf).join(name === 'p' || name === 'li' ? ' ' : '');
  };
  const root = document.getElementById('card') as HTMLElement;
  const controls: Array<[string, Point]> = [];
  for (const element of root.querySelectorAll('button, a, textarea, input')) {
    // A checkbox or radio button goes by its label ("Always on this site").
    const labelled = /^(checkbox|radio)$/.test((element as HTMLInputElement).type ?? '')
      ? (element as HTMLInputElement).labels?.[0]
      : undefined;
    const label =
      textOf(labelled ?? element)
        .replace(/\s+/g, ' ')
        .trim() || element.localName;
    const box = element.getBoundingClientRect();
    if (!controls.some(([known]) => known === label)) {
      controls.push([label, { x: box.left + box.width / 2, y: box.top + box.height / 2 }]);
    }
  }
  return { text: textOf(root).replace(/\s+/g, ' ').trim(), controls };
}

/** In the card frame: scrolls the first control with this label into the card's (fixed-size) view. */
export function scrollToControl(label: string): void {
  for (const element of document.querySelectorAll('#card :is(button, a, textarea, input)')) {
    const text = element.textContent?.replace(/\s+/g, ' ').trim() || element.localName;
    if (text === label) {
      element.scrollIntoView({ block: 'nearest' });
      return;
    }
  }
}

/**
 * What these views need of a page or frame: running a function in it with one argument. Both
 * Playwright's and puppeteer's pages and frames have it; the function is serialized, so it may use
 * only its argument.
 */
export interface PageSurface {
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** A real pointer over the page's viewport. */
export interface Pointer {
  move(x: number, y: number, steps?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
}

export interface Point {
  x: number;
  y: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Highlighted texts in document order: light DOM, then open shadow roots. */
export function highlighted(surface: PageSurface): Promise<{ light: string[]; shadow: string[] }> {
  return surface.evaluate((names) => {
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

/** Waits until the page's highlights are exactly `expected` (document order); returns the last seen. */
export async function waitForMentions(
  surface: PageSurface,
  expected: string[],
  timeout = 10_000,
): Promise<string[]> {
  const deadline = Date.now() + timeout;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = (await highlighted(surface)).light;
    if (JSON.stringify(last) === JSON.stringify(expected)) return last;
    await sleep(100);
  }
  return last;
}

/**
 * Centre of the first occurrence of `text` in the element matching `selector`, scrolled into view;
 * with `select`, that occurrence also becomes the page's selection, as a person dragging over it makes it.
 */
export function textCenter(
  surface: PageSurface,
  selector: string,
  text: string,
  { select = false } = {},
): Promise<Point> {
  return surface.evaluate(
    ({ selector, text, select }) => {
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
        if (select) {
          getSelection()?.removeAllRanges();
          getSelection()?.addRange(range);
        }
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      throw new Error(`"${text}" not found in ${selector}`);
    },
    { selector, text, select },
  );
}

/** The popover as a person reads it; `controls` holds its buttons, links and text fields by label. */
export interface PopoverText {
  text: string;
  controls: Map<string, unknown>;
}

/** Reads the open popover, or null when none is open. */
export type ReadPopover<V extends PopoverText> = () => Promise<V | null>;

export async function waitForPopover<V extends PopoverText>(
  read: ReadPopover<V>,
  until: (view: V | null) => boolean,
  timeout = 5000,
): Promise<V> {
  const deadline = Date.now() + timeout;
  let view: V | null = null;
  while (Date.now() < deadline) {
    view = await read();
    if (until(view)) return view as V;
    await sleep(50);
  }
  throw new Error(`popover did not reach the expected state; last text: ${view?.text ?? '(closed)'}`);
}

/** Moves the pointer onto `text` and waits for the popover to show with its content loaded. */
export async function hover<V extends PopoverText>(
  surface: PageSurface,
  pointer: Pointer,
  read: ReadPopover<V>,
  selector: string,
  text: string,
): Promise<V> {
  // A page may still scroll itself (scroll restoration after a reload): measure again and retry.
  for (let attempt = 1; ; attempt++) {
    const { x, y } = await textCenter(surface, selector, text);
    await pointer.move(x - 30, y - 30);
    await pointer.move(x, y, 3);
    try {
      // Empty text: the host is shown but its card frame has not rendered yet.
      return await waitForPopover(
        read,
        (view) => view !== null && view.text !== '' && !view.text.includes('Loading…'),
        3000,
      );
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Clicks a control of the popover by its text (or the start of it) as a person would, with a real
 * pointer click; `reveal` scrolls the control into the card's view (the card has a fixed size and
 * scrolls inside), `centre` says where a control of a view is on screen.
 */
export async function clickInPopover<V extends PopoverText>(
  pointer: Pointer,
  read: ReadPopover<V>,
  reveal: (view: V, label: string) => Promise<void>,
  centre: (view: V, label: string) => Promise<Point>,
  label: string,
): Promise<void> {
  const pick = (v: V | null) =>
    v
      ? ([...v.controls.keys()].find((k) => k === label) ??
        [...v.controls.keys()].find((k) => k.startsWith(label)))
      : undefined;
  const find = async () => {
    const view = await waitForPopover(read, (v) => pick(v) !== undefined);
    return centre(view, pick(view) as string);
  };
  const shown = await waitForPopover(read, (v) => pick(v) !== undefined);
  await reveal(shown, pick(shown) as string);
  // The popover may still be moving (it re-places itself when its content grows): wait until it rests.
  let at = await find();
  for (let i = 0; i < 10; i++) {
    await sleep(50);
    const again = await find();
    if (again.x === at.x && again.y === at.y) break;
    at = again;
  }
  await pointer.move(at.x, at.y, 2);
  await pointer.click(at.x, at.y);
}
