// Finds the reading text of a page: runs of text nodes inside one block, so a mention may cross
// inline elements ("Washington <b>Summit</b>") but never a block boundary. Takes its root as a
// parameter and keeps no state of its own.

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Elements whose text is not reading text, or not text at all. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'DATALIST',
  'CODE',
  'KBD',
  'SAMP',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
]);

/** Elements that flow inside a line: text on both sides of them belongs to one run. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'MARK',
  'NOBR',
  'OUTPUT',
  'Q',
  'RUBY',
  'S',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
]);

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
  /** Gloss's own UI, never scanned. */
  isOwnUi?: (element: Element) => boolean;
  /** Called for every open shadow root met, so the caller can scan and observe it too. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/** Whether an element's subtree is left alone: not reading text, editable, hidden, or Gloss's own. */
export function isSkippedElement(element: Element, options: ScanOptions = {}): boolean {
  if (element.namespaceURI !== HTML_NS) return true; // SVG, MathML
  if (SKIPPED.has(element.tagName)) return true;
  if (options.isOwnUi?.(element)) return true;
  const html = element as HTMLElement;
  if (html.isContentEditable) return true;
  if (html.hidden) return true;
  // checkVisibility() is false for display:none, content-visibility:hidden and visibility:hidden;
  // display:contents has no box of its own but its children do.
  if (typeof html.checkVisibility === 'function' && !html.checkVisibility({ visibilityProperty: true })) {
    return element.ownerDocument.defaultView?.getComputedStyle(element).display !== 'contents';
  }
  return false;
}

export function isInline(element: Element): boolean {
  return INLINE.has(element.tagName);
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
export function isInsideSkipped(node: Node, options: ScanOptions = {}): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el, options)) return true;
  }
  return false;
}

/** How many nodes the walk visits between chances for the caller to pause. */
const TICK_NODES = 256;

/**
 * Yields the segments under `root` in document order — and `null` every few hundred nodes, so
 * the caller can pause even inside one huge run of text to keep each task short. Text nodes that
 * are only white space still join runs ("Jens <b></b> Stoltenberg") but never start one.
 */
export function* segmentsUnder(
  root: Node,
  options: ScanOptions = {},
): Generator<Segment | null, void, undefined> {
  const doc = root.ownerDocument ?? (root as Document);
  // Declared before the walker's filter closes over it.
  let skippedSince = false;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType !== Node.ELEMENT_NODE) return NodeFilter.FILTER_ACCEPT;
      if (!isSkippedElement(node as Element, options)) return NodeFilter.FILTER_ACCEPT;
      skippedSince = true;
      return NodeFilter.FILTER_REJECT;
    },
  });
  const blocks = new Map<Node, Element | ShadowRoot | null>();
  let current: Segment | null = null;

  const finish = () => {
    const done = current;
    current = null;
    return done && /\S/.test(done.text) ? done : null;
  };

  let visited = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++visited % TICK_NODES === 0) yield null;
    if (skippedSince) {
      // A skipped element in the middle of a line ("Jens <input> Stoltenberg") also ends the run.
      skippedSince = false;
      const done = finish();
      if (done) yield done;
    }
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      if (element.shadowRoot) options.onShadowRoot?.(element.shadowRoot);
      // A line break or a nested block ends the run; inline elements don't.
      if (!isInline(element)) {
        const done = finish();
        if (done) yield done;
      }
      continue;
    }
    const text = node as Text;
    if (!text.data) continue;
    const parent = text.parentNode;
    let container = parent ? blocks.get(parent) : null;
    if (container === undefined && parent) {
      container = blockOf(text);
      blocks.set(parent, container);
    }
    if (!container) continue;
    if (current && current.container !== container) {
      const done = finish();
      if (done) yield done;
    }
    if (!current) current = { container, nodes: [], starts: [], text: '' };
    current.starts.push(current.text.length);
    current.nodes.push(text);
    current.text += text.data;
  }
  const done = finish();
  if (done) yield done;
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
