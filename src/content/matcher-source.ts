// Where the page's matcher comes from: the one the background published in storage (read at
// start-up together with the settings), else asked of the background; loaded again whenever the
// knowledge changes, since the published one is then out of date.
import type { PublishedMatcher } from '@/src/messaging/published-matcher';
import { changeItem } from '@/src/settings/settings';
import { loadPageMatcher, type PageMatcher } from './matching';
import type { TaskStats } from './time-slicer';

export class MatcherSource {
  /** The matcher loaded last; null until the first load ends. */
  current: PageMatcher | null = null;
  /** How long the last load took (reading or asking, then reviving), for the popup's diagnostics. */
  loadMs = 0;

  constructor(private readonly stats: TaskStats) {}

  /** Loads the published matcher if `published` brings one that revives, else asks the background. */
  async load(published?: Promise<PublishedMatcher | null>): Promise<PageMatcher> {
    const started = performance.now();
    const loaded = await loadPageMatcher(this.current, (await published) ?? null);
    this.current = loaded;
    this.loadMs = performance.now() - started;
    this.stats.phase('matcher');
    return loaded;
  }

  /** Loads the matcher again on every knowledge change and hands it over; returns the unwatch. */
  reloadOnKnowledgeChange(reloaded: (matcher: PageMatcher) => void): () => void {
    return changeItem.watch((change) => {
      if (change?.kind === 'knowledge') void this.load().then(reloaded);
    });
  }
}
