// The page's reading text as one string (its segments, one per line), and the way between a
// point in the DOM and an offset in that string: a selection becomes a quote with context, and a
// quote found in the text becomes a Range again. The segments are the walk's, the same the
// scanner matches (open shadow roots too, after the tree that hosts them), with the text the reader
// cannot see left out; the walk runs in slices. Takes its root as a parameter.
import type { TimeSlicer } from './time-slicer';
import { pointAt, type ScanOptions, type Segment, segmentsUnder, textVisibility } from './walk';

export interface PageText {
  text: string;
  segments: Segment[];
  /** Offset of each segment's text in `text`. */
  bases: number[];
}

/** Walks `root` and the open shadow roots met on the way, pausing when the slicer says so. */
export async function pageText(root: Node, slicer: TimeSlicer, options: ScanOptions = {}): Promise<PageText> {
  const roots = [root];
  const walk: ScanOptions = {
    // Each is met once, where its host is walked: it is walked after this tree.
    onShadowRoot: (shadow) => {
      roots.push(shadow);
      options.onShadowRoot?.(shadow);
    },
  };
  const shown = textVisibility();
  const page: PageText = { text: '', segments: [], bases: [] };
  for (let i = 0; i < roots.length; i++) {
    for (const walked of segmentsUnder(roots[i] as Node, walk)) {
      // The walk pauses every few hundred nodes: the chance to end this slice.
      if (!walked) {
        await slicer.maybeYield();
        continue;
      }
      const segment = visiblePart(walked, shown);
      if (!segment) continue;
      if (page.segments.length) page.text += '\n';
      page.bases.push(page.text.length);
      page.segments.push(segment);
      page.text += segment.text;
    }
  }
  slicer.finish();
  return page;
}

/**
 * The segment without the text nodes the reader cannot see (the rule the scanner marks by), or
 * null if nothing readable is left.
 */
function visiblePart(segment: Segment, shown: (element: Element) => boolean): Segment | null {
  const visible = (node: Text) => node.parentElement !== null && shown(node.parentElement);
  if (segment.nodes.every(visible)) return segment;
  const part: Segment = { container: segment.container, nodes: [], starts: [], text: '' };
  for (const node of segment.nodes) {
    if (!visible(node)) continue;
    part.starts.push(part.text.length);
    part.nodes.push(node);
    part.text += node.data;
  }
  return /\S/.test(part.text) ? part : null;
}

/**
 * The offset in the page text of a DOM boundary point. A point between elements, or in text the
 * page text leaves out, moves to the nearest page text after it (a start) or before it (an end).
 */
export function offsetAt(page: PageText, node: Node, offset: number, isEnd: boolean): number | null {
  let nodes = textNodes(page);
  const exact = nodes.find((n) => n.text === node);
  if (exact) return exact.start + Math.min(offset, exact.text.data.length);
  const point = (node.ownerDocument ?? (node as Document)).createRange();
  point.setStart(node, offset);
  // A range compares only points in its own tree: text in another shadow tree is out of reach.
  const root = node.getRootNode();
  nodes = nodes.filter((n) => n.text.getRootNode() === root);
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
