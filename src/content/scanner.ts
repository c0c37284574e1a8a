// Turns page text into highlighted mentions, a slice at a time: no task of Gloss's may hold the
// page for long, so work stops every few milliseconds and lets the page run.
import type { Mention } from '@/src/core/matcher';
import type { PageMatcher } from './matching';
import type { MentionRecord, MentionStore } from './mentions';
import { pointAt, type ScanOptions, type Segment, segmentsUnder } from './scan';

/** Work per slice; well under the 50 ms that counts as a long task, with room for a busy machine. */
const SLICE_MS = 6;

/** How long Gloss's own tasks ran on this page: the popup shows it, the e2e suite checks it. */
export class TaskStats {
  longestTaskMs = 0;
  firstScanMs: number | null = null;

  record(ms: number): void {
    if (ms > this.longestTaskMs) this.longestTaskMs = ms;
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
  async wait<T>(elsewhere: Promise<T>): Promise<T> {
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
  matcher: PageMatcher;
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
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i] as Node;
    const segments: Segment[] = [];
    for (const segment of segmentsUnder(root, scan)) {
      if (segment) segments.push(segment);
      await slicer.maybeYield();
    }
    perRoot.push({ root, segments });
  }

  if (job.mode === 'replace') {
    for (const { root, segments } of perRoot) {
      const records: MentionRecord[] = [];
      for await (const found of matchInBatches(segments, job.matcher, slicer)) records.push(...found);
      job.store.replaceUnder(root, records);
    }
    slicer.finish();
    return;
  }

  const segments = await visibleFirst(
    perRoot.flatMap((r) => r.segments),
    job.win,
    slicer,
  );
  for await (const found of matchInBatches(segments, job.matcher, slicer)) {
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
      records.push(...mentionsFrom(segment, found[i] ?? []));
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

/** Segments on screen first, then the rest in document order. */
async function visibleFirst(segments: Segment[], win: Window, slicer: TimeSlicer): Promise<Segment[]> {
  const height = win.innerHeight;
  const visible: Segment[] = [];
  const rest: Segment[] = [];
  const onScreen = new Map<Node, boolean>();
  for (const segment of segments) {
    const box = segment.container instanceof ShadowRoot ? segment.container.host : segment.container;
    let shown = onScreen.get(box);
    if (shown === undefined) {
      const rect = box.getBoundingClientRect();
      shown = rect.bottom >= 0 && rect.top <= height;
      onScreen.set(box, shown);
    }
    (shown ? visible : rest).push(segment);
    await slicer.maybeYield();
  }
  return visible.concat(rest);
}
