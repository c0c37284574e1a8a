// Turns page text into highlighted mentions, a slice at a time: no task of Gloss's may hold the
// page for long, so work stops every few milliseconds and lets the page run.
import type { Mention } from '@/src/core/matcher';
import type { PageMatcher } from './matching';
import type { MentionRecord, MentionStore } from './mentions';
import { pointAt, type ScanOptions, type Segment, segmentsUnder, textVisibility } from './scan';

/** Work per slice; well under the 50 ms that counts as a long task, with room for a busy machine. */
const SLICE_MS = 6;
/**
 * Below this much text a whole scan takes a slice or two: ordering it visible-first (a layout query
 * per block) would cost more than it saves.
 */
const ORDER_ABOVE_CHARS = 50_000;

/** How long Gloss's own tasks ran on this page: the popup shows it, the e2e suite checks it. */
export class TaskStats {
  longestTaskMs = 0;
  firstScanMs: number | null = null;
  /** Main-thread time of every slice recorded so far. */
  busyMs = 0;
  /** busyMs when the first scan ended. */
  firstScanBusyMs: number | null = null;
  /** Step name → ms after `origin` it first ended. */
  readonly phases: Record<string, number> = {};

  constructor(private readonly origin = performance.now()) {}

  record(ms: number): void {
    this.busyMs += ms;
    if (ms > this.longestTaskMs) this.longestTaskMs = ms;
  }

  /** Notes the first time a step ends. */
  phase(name: string): void {
    this.phases[name] ??= performance.now() - this.origin;
  }

  /** Runs a synchronous piece of work and records its length. */
  time<T>(work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.record(performance.now() - started);
    }
  }
}

export class TimeSlicer {
  private started = performance.now();

  constructor(
    private readonly win: Window,
    private readonly signal: AbortSignal,
    private readonly stats?: TaskStats,
    private readonly budget = SLICE_MS,
  ) {}

  /** Whether this slice is used up. */
  due(): boolean {
    return performance.now() - this.started >= this.budget;
  }

  /** Lets the page run; throws if the work was cancelled meanwhile. */
  async yield(): Promise<void> {
    this.stats?.record(performance.now() - this.started);
    await yieldToPage(this.win);
    this.signal.throwIfAborted();
    this.started = performance.now();
  }

  /** The last slice ends here. */
  finish(): void {
    this.stats?.record(performance.now() - this.started);
  }

  /**
   * Waits for work done elsewhere (the background matching the text): the page is free meanwhile,
   * so the wait ends this slice instead of counting as part of it.
   */
  async wait<T>(elsewhere: Promise<T> | T): Promise<T> {
    this.stats?.record(performance.now() - this.started);
    try {
      return await elsewhere;
    } finally {
      this.started = performance.now();
    }
  }

  async maybeYield(): Promise<void> {
    if (this.due()) await this.yield();
  }
}

function yieldToPage(win: Window): Promise<void> {
  const scheduler = (win as Window & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

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
}

export async function runScan(job: ScanJob): Promise<void> {
  const slicer = new TimeSlicer(job.win, job.signal, job.stats);
  const roots = [...job.roots];
  const scan: ScanOptions = {
    ...job.scan,
    onShadowRoot: (root) => {
      roots.push(root);
      job.scan.onShadowRoot?.(root);
    },
  };
  const perRoot: Array<{ root: Node; segments: Segment[] }> = [];
  let chars = 0;
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i] as Node;
    const segments: Segment[] = [];
    for (const segment of segmentsUnder(root, scan)) {
      if (segment) {
        segments.push(segment);
        chars += segment.text.length;
      }
      await slicer.maybeYield();
    }
    perRoot.push({ root, segments });
  }
  job.stats?.phase('walk');
  const matcher = await slicer.wait(job.matcher);
  job.signal.throwIfAborted();
  // The walk left style alone; the elements mentions are found in are checked here, once each.
  const shown = textVisibility();

  if (job.mode === 'replace') {
    for (const { root, segments } of perRoot) {
      const records: MentionRecord[] = [];
      for await (const found of matchInBatches(segments, matcher, slicer, shown)) records.push(...found);
      job.store.replaceUnder(root, records);
    }
    slicer.finish();
    return;
  }

  const all = perRoot.flatMap((r) => r.segments);
  const [page, ...shadows] = perRoot;
  // The document's own segments are ordered; open shadow roots' follow (they are few, and their
  // nodes cannot be compared in document order with the page's).
  const segments =
    chars > ORDER_ABOVE_CHARS && page?.root === job.win.document.body
      ? visibleFirst(page.segments, job.win).concat(shadows.flatMap((r) => r.segments))
      : all;
  job.stats?.phase('order');
  for await (const found of matchInBatches(segments, matcher, slicer, shown)) {
    // Marks appear batch by batch, the visible text's first.
    job.store.add(found);
  }
  slicer.finish();
}

/** Matches segments a batch at a time and turns the results into ranges, yielding between slices. */
async function* matchInBatches(
  segments: Segment[],
  matcher: PageMatcher,
  slicer: TimeSlicer,
  shown: (element: Element) => boolean,
): AsyncGenerator<MentionRecord[]> {
  let start = 0;
  while (start < segments.length) {
    let end = start;
    let chars = 0;
    while (end < segments.length && (end === start || chars < matcher.batchChars)) {
      chars += (segments[end] as Segment).text.length;
      end++;
    }
    const batch = segments.slice(start, end);
    const found = await slicer.wait(matcher.find(batch.map((segment) => segment.text)));
    let records: MentionRecord[] = [];
    for (const [i, segment] of batch.entries()) {
      for (const record of mentionsFrom(segment, found[i] ?? [])) {
        // Text the reader cannot see or is editing is never marked.
        if (record.nodes.every((node) => node.parentElement && shown(node.parentElement)))
          records.push(record);
      }
      if (slicer.due()) {
        yield records;
        records = [];
        await slicer.yield();
      }
    }
    yield records;
    await slicer.maybeYield();
    start = end;
  }
}

/** Mentions found in one run of text, as ranges over the page's text nodes. */
export function mentionsFrom(segment: Segment, found: Mention[]): MentionRecord[] {
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

/** Points of the viewport asked what is under them: columns × rows. */
const PROBE_COLUMNS = 4;
const PROBE_ROWS = 8;

/**
 * Segments on screen first, then the rest in document order. Measuring every block would cost a
 * layout query each (tens of ms on a page of 35,000 blocks); instead a grid of points asks which
 * elements are on screen, and the segments from the first of them to the last, in document order,
 * go first. In a page with columns that may take in some text off screen too; it is only an order.
 */
export function visibleFirst(segments: Segment[], win: Window): Segment[] {
  const doc = win.document;
  let from = segments.length;
  let to = 0;
  for (let row = 0; row < PROBE_ROWS; row++) {
    for (let column = 0; column < PROBE_COLUMNS; column++) {
      const x = ((column + 0.5) / PROBE_COLUMNS) * win.innerWidth;
      const y = ((row + 0.5) / PROBE_ROWS) * win.innerHeight;
      const hit = doc.elementFromPoint(x, y);
      if (!hit || hit === doc.body || hit === doc.documentElement || !doc.body.contains(hit)) continue;
      from = Math.min(
        from,
        firstIndex(segments, (node) => hit.contains(node) || follows(hit, node)),
      );
      to = Math.max(
        to,
        firstIndex(segments, (node) => follows(hit, node) && !hit.contains(node)),
      );
    }
  }
  if (from >= to) return segments;
  return [...segments.slice(from, to), ...segments.slice(0, from), ...segments.slice(to)];
}

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
