// Notices the page changing and hands the blocks that changed to a rescan, batched and debounced.
import type { TaskStats } from './time-slicer';
import { blockOf, isInline } from './walk';

const QUIET_MS = 120;
/** Even a page that never stops changing gets rescanned this often. */
const MAX_WAIT_MS = 1000;

export interface PageChanges {
  /** Blocks (or shadow roots) to rescan, none inside another. */
  roots: Node[];
  /** Whether nodes were removed, so mentions in detached text must go. */
  removals: boolean;
}

export class PageWatcher {
  readonly #observer: MutationObserver;
  #dirty = new Set<Node>();
  #records: MutationRecord[] = [];
  /** How many of #records were read. */
  #next = 0;
  #removals = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #firstDirtyAt = 0;
  /** The changed blocks once every record is read, and how many of them were checked by outermost. */
  #candidates: Node[] | null = null;
  #checked = 0;
  #roots: Node[] = [];
  /** Roots observed since the last stop: observing one again would only cost time. */
  #observed = new WeakSet<Node>();

  readonly #onChanges: (changes: PageChanges) => void;
  readonly #isOwnUi: (node: Node) => boolean;
  readonly #signal: AbortSignal;
  readonly #stats?: TaskStats;

  constructor(
    onChanges: (changes: PageChanges) => void,
    isOwnUi: (node: Node) => boolean,
    signal: AbortSignal,
    stats?: TaskStats,
  ) {
    this.#stats = stats;
    this.#onChanges = onChanges;
    this.#isOwnUi = isOwnUi;
    this.#signal = signal;
    this.#observer = new MutationObserver((records) => this.#take(records));
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  observe(root: Node): void {
    if (this.#signal.aborted || this.#observed.has(root)) return;
    this.#observed.add(root);
    this.#observer.observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      // Showing or hiding content ("Read more", <details>) changes what is reading text.
      attributes: true,
      attributeFilter: ['hidden', 'open'],
    });
  }

  stop(): void {
    this.#observer.disconnect();
    this.#observed = new WeakSet();
    clearTimeout(this.#timer);
    this.#dirty.clear();
    this.#records = [];
    this.#next = 0;
    this.#candidates = null;
    this.#checked = 0;
    this.#roots = [];
  }

  /** Records come in the page's own task: they are only kept there, and read in slices later. */
  #take(records: MutationRecord[]): void {
    for (const record of records) this.#records.push(record);
    // More blocks may have changed: outermost starts over once these are read.
    this.#candidates = null;
    this.#checked = 0;
    this.#roots = [];
    const now = performance.now();
    if (!this.#timer) this.#firstDirtyAt = now;
    clearTimeout(this.#timer);
    const wait = Math.max(0, Math.min(QUIET_MS, this.#firstDirtyAt + MAX_WAIT_MS - now));
    this.#timer = setTimeout(() => this.#flush(), wait);
  }

  #read(record: MutationRecord): void {
    if (this.#isOwnUi(record.target)) return;
    if (record.type === 'childList') {
      const nodes = [...record.addedNodes, ...record.removedNodes];
      if (nodes.length > 0 && nodes.every((node) => this.#isOwnUi(node))) return;
      if (record.removedNodes.length) this.#removals = true;
    }
    const target = record.target;
    const container =
      target.nodeType === Node.ELEMENT_NODE && !isInline(target as Element) ? target : blockOf(target);
    if (container) this.#dirty.add(container);
  }

  #flush(): void {
    this.#timer = undefined;
    const started = performance.now();
    const due = () => performance.now() - started >= 8;
    const records = this.#records;
    // 100,000 records take longer than a slice: the rest in the next task.
    while (this.#next < records.length && (this.#next & 255 || !due()))
      this.#read(records[this.#next++] as MutationRecord);
    // So does finding the outermost of 100,000 changed blocks (58 ms in one go): a chunk per check.
    if (this.#next === records.length) {
      this.#candidates ??= [...this.#dirty];
      while (this.#checked < this.#candidates.length && !due()) {
        const end = Math.min(this.#checked + 256, this.#candidates.length);
        for (const node of this.#candidates.slice(this.#checked, end))
          if (isOutermost(node, this.#dirty)) this.#roots.push(node);
        this.#checked = end;
      }
    }
    const done = this.#candidates !== null && this.#checked === this.#candidates.length;
    // This task goes on into the rescan's first slice; its own share counts too.
    this.#stats?.record(performance.now() - started);
    if (!done) {
      this.#timer = setTimeout(() => this.#flush(), 0);
      return;
    }
    const roots = this.#roots;
    this.#records = [];
    this.#next = 0;
    this.#candidates = null;
    this.#checked = 0;
    this.#roots = [];
    const removals = this.#removals;
    this.#dirty.clear();
    this.#removals = false;
    if (roots.length || removals) this.#onChanges({ roots, removals });
  }
}

/**
 * The nodes in the document and not inside another of them, in their order. Each walks up its parents until it meets
 * one of the others (O(n·depth)): checking each against each took seconds at 15,000 blocks.
 */
export function outermost(nodes: Node[]): Node[] {
  const all = new Set(nodes);
  return nodes.filter((node) => isOutermost(node, all));
}

/** Whether `node` is in the document and none of its ancestors is in `all`. */
function isOutermost(node: Node, all: ReadonlySet<Node>): boolean {
  for (let up = node.parentNode; up; up = up.parentNode) if (all.has(up)) return false;
  return node.isConnected;
}
