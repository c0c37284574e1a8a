// Turns walked page text into highlighted mentions, a slice at a time (see time-slicer.ts): a first
// scan marks what is on screen first; a rescan swaps one block's marks at once.
import type { AliasMatch } from '@/src/core/matcher';
import type { PageContext } from './context';
import { inSegmentLanguage, type PageMatcher } from './matching';
import type { MentionRecord, MentionStore } from './mentions';
import { type TaskStats, TimeSlicer } from './time-slicer';
import {
  isInline,
  isInsideSkipped,
  isSkippedElement,
  pointAt,
  type ScanOptions,
  type Segment,
  segmentsUnder,
  skipsSubtree,
  textVisibility,
} from './walk';
import { outermost } from './watch';

export interface ScanJob {
  roots: Node[];
  /** May still be on its way: the page is walked meanwhile, and marking starts once it is here. */
  matcher: PageMatcher | Promise<PageMatcher>;
  store: MentionStore;
  win: Window;
  signal: AbortSignal;
  scan: ScanOptions;
  /** "add": first scan, marks appear as they are found, visible text first. "replace": rescan, swapped in at once. */
  mode: 'add' | 'replace';
  stats?: TaskStats;
  /** Decides the mentions that need context (issue 15); without it every candidate is marked. */
  context?: PageContext;
}

export async function runScan(job: ScanJob): Promise<void> {
  const slicer = new TimeSlicer(job.win, job.signal, job.stats);
  const adding = job.mode === 'add';
  // A first scan (or a full one after the knowledge changed) starts from an empty page.
  if (adding) job.context?.reset();
  const roots = [...job.roots];
  const scan: ScanOptions = {
    ...job.scan,
    onShadowRoot: (root) => {
      roots.push(root);
      job.scan.onShadowRoot?.(root);
    },
  };
  // The matcher may arrive while the page is walked: from then on, text for the background goes
  // out batch by batch as it is walked, so the background matches while the page walks on.
  let matcher: PageMatcher | null = null;
  const ready = Promise.resolve(job.matcher);
  ready.then(
    (arrived) => {
      matcher = arrived;
    },
    () => {},
  );
  // Until it is here, some pauses let the replies in (the walk would otherwise keep them out).
  slicer.waiting = () => matcher === null;
  // Which root each segment was walked under, for a rescan to swap each root's marks at once.
  const rootOf = new Map<Segment, Node>();
  // Counted across roots: a rescan of 100,000 blocks may walk one segment in each.
  let count = 0;
  const walk = async (root: Node, queue: MatchQueue) => {
    for (const segment of segmentsUnder(root, scan)) {
      if (segment) {
        queue.add(segment);
        if (!adding) rootOf.set(segment, root);
        // The clock is read every few hundred nodes (the walk's null ticks) and every 64 segments.
        if (++count % 64 !== 0) continue;
      }
      if (slicer.due()) {
        await slicer.yield();
        if (matcher?.where === 'background') queue.dispatch(matcher, false);
      }
    }
  };

  const onScreen = adding && roots[0] === job.win.document.body ? blocksOnScreenSoon(job) : () => [];
  // The whole text is matched as one queue (a rescan of 100,000 blocks is not 100,000 calls).
  const whole = new MatchQueue();
  for (const root of roots) {
    // A rescan's roots are checked here, between slices: asking 100,000 blocks (and their
    // ancestors) about their style at once was a long task of its own.
    const skipped =
      !adding && ((root.nodeType === 1 && isSkippedElement(root as Element)) || isInsideSkipped(root));
    if (!skipped) await walk(root, whole);
    await slicer.maybeYield();
  }
  job.stats?.phase('walk');
  const arrived = await slicer.wait(ready);
  job.signal.throwIfAborted();
  // What was not sent to the background yet is matched visible text first.
  // A page too big to probe (null): its walked blocks are measured instead. A frame has passed, so
  // layout was fresh then. Waiting for another frame here marked Firefox's article twice.
  const first = onScreen() ?? whole.onScreen(job.win);
  if (first?.length) whole.putFirst(first);
  // The walk left style alone; the elements mentions are found in are checked here, once each.
  const found = matchAll(whole, arrived, slicer, textVisibility(), job.context);
  if (adding) await addMarks(job, found);
  else await swapMarks(job, roots, rootOf, found, slicer);
  slicer.finish();
}

/** A first scan's marks, added as they are found: visible text first. */
async function addMarks(job: ScanJob, found: AsyncIterable<MentionRecord[]>): Promise<void> {
  for await (const records of found) {
    // Marks only from a scan still current: one replaced by a newer scan adds nothing more.
    job.signal.throwIfAborted();
    job.store.add(records);
    // Visible text is matched first, so the first marks are the ones on screen (page benchmark).
    if (records.length) job.stats?.phase('first');
  }
}

/** A rescan's marks: each root's swapped at once, a slice of roots at a time. */
async function swapMarks(
  job: ScanJob,
  roots: Node[],
  rootOf: Map<Segment, Node>,
  found: AsyncIterable<MentionRecord[]>,
  slicer: TimeSlicer,
): Promise<void> {
  const fresh = new Map<Node, MentionRecord[]>(roots.map((root) => [root, []]));
  for await (const records of found)
    for (const r of records) fresh.get(rootOf.get(r.segment) as Node)?.push(r);
  const old = job.store.under(roots);
  for (const [root, records] of fresh) {
    job.store.replace(old.get(root) ?? [], records);
    await slicer.maybeYield();
  }
}

/**
 * The blocks on screen, for a first scan to mark first. Which blocks those are is asked right after
 * the next frame, when layout is fresh: asked now, it could force a layout of the whole page inside
 * Gloss's slice. Until then (and for good in a hidden tab, which has no frames) the answer is none.
 */
function blocksOnScreenSoon(job: ScanJob): () => Element[] | null {
  let onScreen: Element[] | null = [];
  afterNextFrame(job.win, job.signal).then(
    () => {
      const started = performance.now();
      // Each probe's hit test goes through every box beside the path (100,000 paragraphs: 12–56 ms a probe).
      onScreen =
        job.win.document.getElementsByTagName('*').length > PROBED_UP_TO ? null : blocksOnScreen(job.win);
      job.stats?.record(performance.now() - started);
      job.stats?.phase('order');
    },
    () => {},
  );
  return () => onScreen;
}

/**
 * Walked text waiting to be matched, cut into batches. Batches for the background go out as soon as
 * they are full (or all at once at the end): it answers them in order while the page walks on or
 * marks the ones already back. A local matcher takes each batch when its turn comes: that work is
 * done here, and a batch must fit in a slice.
 */
class MatchQueue {
  #pending: Segment[] = [];
  #pendingChars = 0;
  readonly batches: Array<{ segments: Segment[]; found: Promise<AliasMatch[][]> | null }> = [];

  add(segment: Segment): void {
    this.#pending.push(segment);
    this.#pendingChars += segment.text.length;
  }

  /** Moves the waiting segments inside these blocks to the front (segments are in document order). */
  putFirst(blocks: Element[]): void {
    const first = new Set<Segment>();
    for (const block of blocks) {
      const from = firstIndex(this.#pending, (node) => follows(block, node));
      const to = firstIndex(this.#pending, (node) => follows(block, node) && !block.contains(node));
      for (let i = from; i < to; i++) first.add(this.#pending[i] as Segment);
    }
    if (first.size === 0) return;
    this.#pending = [...first, ...this.#pending.filter((segment) => !first.has(segment))];
  }

  /**
   * The blocks of waiting segments on screen, found by measuring a few dozen of them: segments are in
   * document order, which is the order on screen for most of a long page; layout must be fresh.
   */
  onScreen(win: Window): Element[] {
    const pending = this.#pending;
    const box = (i: number) => blockBox(pending[i] as Segment);
    let lo = 0;
    let hi = pending.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (box(mid).bottom > 0) hi = mid;
      else lo = mid + 1;
    }
    const found = new Set<Element>();
    for (let i = lo; i < pending.length && found.size < MEASURED_UP_TO; i++) {
      const rect = box(i);
      if (rect.top >= win.innerHeight) break;
      const block = (pending[i] as Segment).container;
      if (rect.bottom > 0 && block.nodeType === 1) found.add(block as Element);
    }
    return [...found];
  }

  /** Cuts full batches (all that is left, if final); sends them off when matching is remote. */
  dispatch(matcher: PageMatcher, final: boolean): void {
    while (this.#pending.length && (final || this.#pendingChars >= matcher.batchChars)) {
      let end = 0;
      let chars = 0;
      while (end < this.#pending.length && (end === 0 || chars < matcher.batchChars)) {
        chars += (this.#pending[end] as Segment).text.length;
        end++;
      }
      const segments = this.#pending.splice(0, end);
      this.#pendingChars -= chars;
      const found = matcher.where === 'background' ? matcher.find(segments.map((s) => s.text)) : null;
      found?.catch(() => {}); // The one awaited reports the failure.
      this.batches.push({ segments, found });
    }
  }
}

/**
 * Matches every batch of the queue in order and turns the results into ranges, slice by slice. With
 * a context, the sure mentions go out at once and the others after one round trip per batch.
 */
async function* matchAll(
  queue: MatchQueue,
  matcher: PageMatcher,
  slicer: TimeSlicer,
  shown: (element: Element) => boolean,
  context?: PageContext,
): AsyncGenerator<MentionRecord[]> {
  queue.dispatch(matcher, true);
  for (const batch of queue.batches) {
    const found = await slicer.wait(batch.found ?? matcher.find(batch.segments.map((s) => s.text)));
    let records: MentionRecord[] = [];
    const held: MentionRecord[] = [];
    const sure = (all: MentionRecord[]) => {
      if (!context) return all;
      const split = context.split(all);
      held.push(...split.unsure);
      return split.sure;
    };
    for (const [i, segment] of batch.segments.entries()) {
      let matches = found[i] ?? [];
      // Judging a form may load the detector: a wait, not part of this slice.
      if (matches.some((match) => match.langs))
        matches = await slicer.wait(inSegmentLanguage(segment, matches));
      for (const record of mentionsFrom(segment, matches)) {
        // Text the reader cannot see or is editing is never marked.
        if (record.nodes.every((node) => node.parentElement && shown(node.parentElement)))
          records.push(record);
      }
      if (slicer.due()) {
        yield sure(records);
        records = [];
        await slicer.yield();
      }
    }
    yield sure(records);
    // Decided after one round trip for the batch's profiles, a slice at a time (a list of NBA
    // trades holds a thousand "Washington"s).
    if (context && held.length) {
      await slicer.wait(context.fetchProfiles(held));
      yield await context.decide(held, () => (slicer.due() ? slicer.yield() : undefined));
    }
    await slicer.maybeYield();
  }
}

/** Mentions found in one run of text, as ranges over the page's text nodes. */
export function mentionsFrom(segment: Segment, found: AliasMatch[]): MentionRecord[] {
  if (found.length === 0) return [];
  const doc = segment.nodes[0]?.ownerDocument;
  if (!doc) return [];
  const records: MentionRecord[] = [];
  for (const mention of found) {
    const from = pointAt(segment, mention.start);
    const to = pointAt(segment, mention.end, true);
    try {
      const range = doc.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      const first = segment.nodes.indexOf(from.node);
      const last = segment.nodes.indexOf(to.node, first);
      records.push({
        range,
        entityIds: mention.entityIds,
        segment,
        start: mention.start,
        end: mention.end,
        nodes: segment.nodes.slice(first, last + 1),
      });
    } catch {
      // The text changed since it was read; the mutation observer rescans it.
    }
  }
  return records;
}

/** Resolves in a task right after the next frame is rendered (never, in a tab that is hidden). */
function afterNextFrame(win: Window, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    win.requestAnimationFrame(() => {
      if (signal.aborted) reject(signal.reason);
      else win.setTimeout(resolve, 0);
    });
  });
}

/** Whether `node` comes after `reference` in document order (inside it counts as after). */
function follows(reference: Node, node: Node): boolean {
  return (reference.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** The first index whose segment's first node passes `test` (false … false, true … true), or length. */
function firstIndex(segments: Segment[], test: (node: Node) => boolean): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test((segments[mid] as Segment).nodes[0] as Node)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where a segment's text is on screen: its container's box (a shadow root's host). */
function blockBox(segment: Segment): DOMRect {
  const block = segment.container;
  return (block.nodeType === 1 ? (block as Element) : (block as ShadowRoot).host).getBoundingClientRect();
}

/** Above this many elements, the probes below cost a long task; the walked blocks are measured instead. */
const PROBED_UP_TO = 20_000;
const PROBES_WITHIN_MS = 8;
/** Enough blocks to fill a screen. */
const MEASURED_UP_TO = 200;

/** Points of the viewport asked what is under them: columns × rows. */
const PROBE_COLUMNS = 4;
const PROBE_ROWS = 8;

/**
 * The blocks on screen, to be walked and marked before the rest. Measuring every block would cost
 * a layout query each (tens of ms on a page of 35,000 blocks); instead a grid of points asks which
 * elements are under it. Only blocks of reading text, none inside another. Null if that is too slow.
 */
export function blocksOnScreen(win: Window): Element[] | null {
  const doc = win.document;
  const found = new Set<Element>();
  const started = performance.now();
  for (let row = 0; row < PROBE_ROWS; row++) {
    for (let column = 0; column < PROBE_COLUMNS; column++) {
      // Too slow here (thousands of boxes side by side): the walked blocks are measured instead.
      if (performance.now() - started > PROBES_WITHIN_MS) return null;
      const x = ((column + 0.5) / PROBE_COLUMNS) * win.innerWidth;
      const y = ((row + 0.5) / PROBE_ROWS) * win.innerHeight;
      let block = doc.elementFromPoint(x, y);
      while (block && isInline(block)) block = block.parentElement;
      if (!block || block === doc.body || block === doc.documentElement || !doc.body.contains(block))
        continue;
      if (skipsSubtree(block) || isInsideSkipped(block)) continue;
      found.add(block);
    }
  }
  return outermost([...found]) as Element[];
}
