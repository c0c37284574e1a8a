// Gloss's work on a page in slices: no task of Gloss's may hold the page for long, so work stops
// every few milliseconds and lets the page run. TaskStats records how long those slices were.

/** Work per slice; well under the 50 ms that counts as a long task, with room for a busy machine. */
const SLICE_MS = 6;

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

  readonly #origin: number;

  constructor(origin = performance.now()) {
    this.#origin = origin;
  }

  /** When the content script started, on the page's performance clock (the benchmark compares it with DOMContentLoaded). */
  get origin(): number {
    return this.#origin;
  }

  record(ms: number): void {
    this.busyMs += ms;
    if (ms > this.longestTaskMs) this.longestTaskMs = ms;
  }

  /** Notes the first time a step ends. */
  phase(name: string): void {
    this.phases[name] ??= performance.now() - this.#origin;
  }

  /** The first scan ended: from the origin to now, and the slices so far, are its figures. */
  firstScanEnded(): void {
    this.firstScanMs ??= performance.now() - this.#origin;
    this.firstScanBusyMs ??= this.busyMs;
  }
}

export class TimeSlicer {
  #started = performance.now();

  readonly #win: Window;
  readonly #signal: AbortSignal | undefined;
  readonly #stats?: TaskStats;
  readonly #budget: number;

  /** `signal` cancels the work: the next pause throws. */
  constructor(win: Window, signal?: AbortSignal, stats?: TaskStats, budget = SLICE_MS) {
    this.#win = win;
    this.#signal = signal;
    this.#stats = stats;
    this.#budget = budget;
  }

  /** Whether this slice is used up. */
  due(): boolean {
    return performance.now() - this.#started >= this.#budget;
  }

  /** While true, every fourth pause lets waiting replies in (see yieldToPage). */
  waiting: () => boolean = () => false;
  #pauses = 0;

  /** Lets the page run; throws if the work was cancelled meanwhile. */
  async yield(): Promise<void> {
    this.#stats?.record(performance.now() - this.#started);
    await yieldToPage(this.#win, ++this.#pauses % 4 === 0 && this.waiting());
    this.#signal?.throwIfAborted();
    this.#started = performance.now();
  }

  /** The last slice ends here. */
  finish(): void {
    this.#stats?.record(performance.now() - this.#started);
  }

  /**
   * Waits for work done elsewhere (the background matching the text): the page is free meanwhile,
   * so the wait ends this slice instead of counting as part of it.
   */
  async wait<T>(elsewhere: Promise<T> | T): Promise<T> {
    this.#stats?.record(performance.now() - this.#started);
    try {
      const value = await elsewhere;
      // Like a pause, a wait lets other work in: a scan cancelled meanwhile (the knowledge changed
      // and a new one started) must not go on to add its marks beside the new scan's.
      this.#signal?.throwIfAborted();
      return value;
    } finally {
      this.#started = performance.now();
    }
  }

  async maybeYield(): Promise<void> {
    if (this.due()) await this.yield();
  }
}

type Scheduler = {
  yield?: () => Promise<void>;
  postTask?: (task: () => void, options?: { priority?: string }) => Promise<void>;
};

/**
 * Lets the page run. `scheduler.yield()` resumes ahead of other tasks, so the page gets a turn
 * without Gloss losing its place behind the page's own work; but it also keeps out the replies
 * Gloss is waiting for (storage, the background) until the walk is done. `letRepliesIn` queues the
 * rest of the work as an ordinary task instead, behind them.
 */
function yieldToPage(win: Window, letRepliesIn: boolean): Promise<void> {
  const scheduler = (win as Window & { scheduler?: Scheduler }).scheduler;
  if (letRepliesIn && typeof scheduler?.postTask === 'function') {
    return scheduler.postTask(() => {}, { priority: 'user-visible' });
  }
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
