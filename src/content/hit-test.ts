// Which mention is under the pointer. highlightsFromPoint answers directly where the browser has
// it; elsewhere the caret position at the point is matched against the mentions of that text node
// and confirmed against the range's boxes (a caret also lands beside text, past a line's end).
import type { Highlighter } from './highlighter';
import type { MentionRecord, MentionStore } from './mentions';

type CaretDocument = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => CaretPosition | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function mentionAt(
  doc: Document,
  x: number,
  y: number,
  highlighter: Highlighter,
  store: MentionStore,
  shadowRoots: ShadowRoot[] = [],
): MentionRecord | null {
  const ranges = highlighter.hitTest(x, y, shadowRoots);
  if (ranges) {
    for (const range of ranges) {
      const record = store.fromRange(range);
      if (record) return record;
    }
    if (shadowRoots.length === 0) return null;
  }
  return caretHit(doc as CaretDocument, x, y, store, shadowRoots);
}

function caretHit(doc: CaretDocument, x: number, y: number, store: MentionStore, shadowRoots: ShadowRoot[]) {
  let node: Node | null = null;
  let offset = 0;
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y, shadowRoots.length ? { shadowRoots } : undefined);
    node = position?.offsetNode ?? null;
    offset = position?.offset ?? 0;
  } else if (doc.caretRangeFromPoint) {
    const range = doc.caretRangeFromPoint(x, y);
    node = range?.startContainer ?? null;
    offset = range?.startOffset ?? 0;
  }
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  for (const record of store.inNode(node as Text)) {
    const { range } = record;
    const inside =
      range.comparePoint(node, offset) === 0 ||
      (range.endContainer === node && range.endOffset === offset && offset > 0);
    if (inside && containsPoint(range, x, y)) return record;
  }
  return null;
}

function containsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
