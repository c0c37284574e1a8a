// When the page is scanned: the first scan (which may start before the matcher and the settings
// are here), a full scan again after the knowledge changed, and rescans of the blocks the page
// changed. One full scan runs at a time; starting another, or stopping, aborts it.
import { runScan, type ScanJob } from './match-scheduler';
import type { PageMatcher } from './matching';
import type { PageChanges } from './watch';

export interface ScanSchedulerDeps {
  /** What every scan shares: the window, the store, the stats; its signal ends every scan for good. */
  job: Omit<ScanJob, 'roots' | 'matcher' | 'mode'>;
  /** What a full scan covers: the body and the shadow roots known so far. */
  roots(): Node[];
  /** The matcher loaded so far, if any. */
  matcher(): PageMatcher | null;
  /** Whether Gloss marks this page now: a rescan that comes late does nothing otherwise. */
  isActive(): boolean;
}

export class ScanScheduler {
  #current: AbortController | null = null;
  #scanning: Promise<void> = Promise.resolve();
  /** The last rescan: each waits for the one before, whose marks it would otherwise double. */
  #rescans: Promise<void> = Promise.resolve();

  readonly #deps: ScanSchedulerDeps;

  constructor(deps: ScanSchedulerDeps) {
    this.#deps = deps;
  }

  /**
   * Clears the marks and scans the whole page from scratch. `ready` may still be on its way: the
   * page is walked meanwhile; a `ready` that rejects with an AbortError ends the scan quietly.
   */
  scanAll(ready: PageMatcher | Promise<PageMatcher> | null = this.#deps.matcher()): Promise<void> {
    const { job } = this.#deps;
    this.abort();
    const controller = new AbortController();
    this.#current = controller;
    job.store.clear();
    if (!ready) return Promise.resolve();
    this.#scanning = runScan({
      ...job,
      roots: this.#deps.roots(),
      matcher: ready,
      signal: AbortSignal.any([job.signal, controller.signal]),
      mode: 'add',
    })
      .then(() => job.stats?.firstScanEnded())
      .catch(ignoreAbort);
    return this.#scanning;
  }

  /** Settles when the running full scan has ended (at once when none runs). */
  get scanned(): Promise<void> {
    return this.#scanning;
  }

  /** Rescans the blocks that changed, swapping their marks at once; drops marks in removed text. */
  rescan(changes: PageChanges): Promise<void> {
    const run = this.#rescans.then(() => this.#rescan(changes));
    this.#rescans = run.catch(() => {});
    return run;
  }

  async #rescan({ roots, removals }: PageChanges): Promise<void> {
    // Let a running full scan finish first (the first one may still be waiting for the settings),
    // so the two don't both add the same marks.
    await this.#scanning;
    const matcher = this.#deps.matcher();
    if (!this.#deps.isActive() || !matcher) return;
    const { job } = this.#deps;
    // A shadow root is connected while its host is.
    if (removals) job.store.removeWhere((container) => !container.isConnected);
    await runScan({ ...job, roots, matcher, mode: 'replace' }).catch(ignoreAbort);
  }

  /** Stops the running full scan, if any (its marks so far stay until the next clear). */
  abort(): void {
    this.#current?.abort();
  }
}

function ignoreAbort(error: unknown): void {
  if ((error as Error)?.name !== 'AbortError') throw error;
}
