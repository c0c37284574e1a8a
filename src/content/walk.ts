// Finds the reading text of a page: runs of text nodes inside one block, so a mention may cross
// inline elements ("Washington <b>Summit</b>") but never a block boundary. Takes its root as a
// parameter and keeps no state of its own.

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Gloss's own popover: its host element, outside the page's body, never scanned. */
export const OWN_UI_TAG = 'gloss-popover';

// The element lists are written as one string each: every page loads this script, and a string
// costs half the bytes of an array of names.

/** Elements whose text is not reading text, or not text at all (by localName: no case mapping per call). */
export const SKIPPED: ReadonlySet<string> = new Set(
  `${OWN_UI_TAG} script style noscript template textarea input select option optgroup
  datalist code kbd samp iframe object embed canvas video audio head title`.split(/\s+/),
);

/** Elements that flow inside a line: text on both sides of them belongs to one run. */
export const INLINE: ReadonlySet<string> = new Set(
  `a abbr b bdi bdo big cite data del dfn em font i ins label mark nobr output q ruby s small
  span strike strong sub sup time tt u var`.split(/\s+/),
);

/** A run of text nodes that reads as one piece of text. */
export interface Segment {
  /** The nearest block-level ancestor (or shadow root) the run lives in. */
  container: Element | ShadowRoot;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  text: string;
}

export interface ScanOptions {
  /** Called for every open shadow root met, so the caller can scan and observe it too. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/**
 * Whether an element's subtree is not reading text by what it is (scripts, form fields, code, SVG,
 * the `hidden` attribute, Gloss's own popover): answered from the element alone, without asking for style.
 */
export function skipsSubtree(element: Element): boolean {
  if (element.namespaceURI !== HTML_NS) return true; // SVG, MathML
  return SKIPPED.has(element.localName) || Boolean((element as HTMLElement).hidden);
}

/**
 * Whether text right inside `element` shows on screen as reading text: rendered, visible, not
 * editable. Asks for style, so the scanner calls it only for the elements mentions are found in.
 */
export function showsText(element: Element): boolean {
  const html = element as HTMLElement;
  if (html.isContentEditable) return false;
  // checkVisibility() is false for display:none, content-visibility:hidden and visibility:hidden,
  // here or in an ancestor; display:contents has no box of its own, but its children do.
  if (typeof html.checkVisibility !== 'function' || html.checkVisibility({ visibilityProperty: true }))
    return true;
  if (element.ownerDocument.defaultView?.getComputedStyle(element).display !== 'contents') return false;
  const parent = element.parentElement;
  return parent ? showsText(parent) : true;
}

/** Whether an element's subtree is left alone: not reading text, editable, hidden, or Gloss's own. */
export function isSkippedElement(element: Element): boolean {
  return skipsSubtree(element) || !showsText(element);
}

/** showsText, remembered per element for one scan (style does not change within a slice). */
export function textVisibility(): (element: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (element) => {
    let shown = known.get(element);
    if (shown === undefined) {
      shown = showsText(element);
      known.set(element, shown);
    }
    return shown;
  };
}

export function isInline(element: Element): boolean {
  return INLINE.has(element.localName);
}

/** The block a node's text flows in: nearest non-inline ancestor element, or its shadow root. */
export function blockOf(node: Node): Element | ShadowRoot | null {
  let current = node.parentNode;
  while (current) {
    if (current.nodeType === Node.ELEMENT_NODE) {
      if (!isInline(current as Element)) return current as Element;
    } else if (current.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      return (current as ShadowRoot).host ? (current as ShadowRoot) : null;
    } else {
      return null;
    }
    current = current.parentNode;
  }
  return null;
}

/** Whether any ancestor of `node` (up to its root) is skipped. */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/** How many nodes the walk visits between chances for the caller to pause. */
const TICK_NODES = 256;

/**
 * Yields the segments under `root` in document order — and `null` every few hundred nodes, so
 * the caller can pause even inside one huge run of text to keep each task short. Text nodes that
 * are only white space still join runs ("Jens <b></b> Stoltenberg") but never start one.
 * A plain walk over firstChild/nextSibling: no TreeWalker filter calling back into script per node.
 */
export function* segmentsUnder(
  root: Node,
  options: ScanOptions = {},
): Generator<Segment | null, void, undefined> {
  // A root that hosts a shadow root (a rescanned block can be one) has it walked too.
  if (root.nodeType === 1 && (root as Element).shadowRoot) {
    options.onShadowRoot?.((root as Element).shadowRoot as ShadowRoot);
  }
  const blocks = new Map<Node, Element | ShadowRoot | null>();
  let current: Segment | null = null;
  let visited = 0;
  let node: Node | null = root.firstChild;
  // Node types as literals and the checks inlined: this loop visits every node of the page, and on
  // a page just loaded it runs before the engine has optimised anything.
  while (node) {
    if (++visited % TICK_NODES === 0) yield null;
    let descend = false;
    const type = node.nodeType;
    if (type === 1) {
      const element = node as Element;
      const name = element.localName;
      // A skipped element ends the run, even in the middle of a line ("Jens <input> Stoltenberg"),
      // and so does a line break or a nested block; inline elements don't.
      // skipsSubtree is the one rule for what is not reading text (blocksOnScreen and rescans ask it
      // too); a call per element is cheap next to the Set lookups it makes.
      const skipped = skipsSubtree(element);
      if ((skipped || !INLINE.has(name)) && current) {
        if (/\S/.test(current.text)) yield current;
        current = null;
      }
      if (!skipped) {
        const shadow = element.shadowRoot;
        if (shadow) options.onShadowRoot?.(shadow);
        descend = true;
      }
    } else if (type === 3) {
      const text = node as Text;
      const data = text.data;
      const parent = text.parentNode;
      if (data && parent) {
        let container = blocks.get(parent);
        if (container === undefined) {
          container = blockOf(text);
          blocks.set(parent, container);
        }
        if (container) {
          if (current && current.container !== container) {
            if (/\S/.test(current.text)) yield current;
            current = null;
          }
          if (!current) current = { container, nodes: [text], starts: [0], text: data };
          else {
            current.starts.push(current.text.length);
            current.nodes.push(text);
            current.text += data;
          }
        }
      }
    }
    // On to the next node in document order, staying under root.
    const child = descend ? node.firstChild : null;
    if (child) {
      node = child;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  if (current && /\S/.test(current.text)) yield current;
}

/** Maps an offset in a segment's text to the text node and offset inside it. */
export function pointAt(segment: Segment, offset: number, preferEnd = false): { node: Text; offset: number } {
  const { starts, nodes } = segment;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid] ?? 0;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo] as Text;
  return { node, offset: Math.min(offset - (starts[lo] ?? 0), node.data.length) };
}
