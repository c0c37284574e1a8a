// The page's reading text as one string (its segments, one per line), and the way between a
// point in the DOM and an offset in that string: a selection becomes a quote with context, and a
// quote found in the text becomes a Range again. Takes its root as a parameter.
import { pointAt, type ScanOptions, type Segment, segmentsUnder } from './walk';

export interface PageText {
  text: string;
  segments: Segment[];
  /** Offset of each segment's text in `text`. */
  bases: number[];
}

export function pageText(root: Node, options: ScanOptions = {}): PageText {
  const segments: Segment[] = [];
  const bases: number[] = [];
  let text = '';
  for (const segment of segmentsUnder(root, { ...options, visibleOnly: true })) {
    if (!segment) continue;
    if (segments.length) text += '\n';
    bases.push(text.length);
    segments.push(segment);
    text += segment.text;
  }
  return { text, segments, bases };
}

/**
 * The offset in the page text of a DOM boundary point. A point between elements, or in text the
 * page text leaves out, moves to the nearest page text after it (a start) or before it (an end).
 */
export function offsetAt(page: PageText, node: Node, offset: number, isEnd: boolean): number | null {
  const nodes = textNodes(page);
  const exact = nodes.find((n) => n.text === node);
  if (exact) return exact.start + Math.min(offset, exact.text.data.length);
  const point = (node.ownerDocument ?? (node as Document)).createRange();
  point.setStart(node, offset);
  if (!isEnd) {
    const after = nodes.find((n) => point.comparePoint(n.text, 0) >= 0);
    return after ? after.start : null;
  }
  const before = nodes.findLast((n) => point.comparePoint(n.text, n.text.data.length) <= 0);
  return before ? before.start + before.text.data.length : null;
}

function textNodes(page: PageText): Array<{ text: Text; start: number }> {
  return page.segments.flatMap((segment, s) =>
    segment.nodes.map((text, i) => ({ text, start: (page.bases[s] ?? 0) + (segment.starts[i] ?? 0) })),
  );
}

/** A DOM range for [start, end) of the page text, or null if it falls outside every segment. */
export function rangeAt(page: PageText, start: number, end: number): Range | null {
  const from = locate(page, start, false);
  const to = locate(page, end, true);
  if (!from || !to) return null;
  const a = pointAt(from.segment, from.offset);
  const b = pointAt(to.segment, to.offset, true);
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

function locate(page: PageText, at: number, isEnd: boolean): { segment: Segment; offset: number } | null {
  for (let s = page.segments.length - 1; s >= 0; s--) {
    const base = page.bases[s] ?? 0;
    const segment = page.segments[s] as Segment;
    // An end at a segment's start belongs to the segment before (the "\n" between them).
    if (at > base || (!isEnd && at === base)) {
      return { segment, offset: Math.min(at - base, segment.text.length) };
    }
  }
  return null;
}
