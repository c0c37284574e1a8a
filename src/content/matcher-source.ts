// Where the page's matcher comes from: the one the background published in storage (read at
// start-up together with the settings), else asked of the background (and again whenever the
// knowledge changes: the session asks). Keeps the one loaded last, and how long loading took.
import type { PublishedMatcher } from '@/src/messaging/broadcast';
import { loadPageMatcher, type PageMatcher } from './matching';
import type { TaskStats } from './time-slicer';

export class MatcherSource {
  /** The matcher loaded last; null until the first load ends. */
  current: PageMatcher | null = null;
  /** How long the last load took (reading or asking, then reviving), for the popup's diagnostics. */
  loadMs = 0;

  readonly #stats: TaskStats;

  constructor(stats: TaskStats) {
    this.#stats = stats;
  }

  /** Loads the published matcher if `published` brings one that revives, else asks the background. */
  async load(published?: Promise<PublishedMatcher | null>): Promise<PageMatcher> {
    const started = performance.now();
    const loaded = await loadPageMatcher(this.current, (await published) ?? null);
    this.current = loaded;
    this.loadMs = performance.now() - started;
    this.#stats.phase('matcher');
    return loaded;
  }
}
