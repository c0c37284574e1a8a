// Gloss on one page (one frame): fetch the alias dictionary, mark mentions, keep the marks in step
// with the page and the settings, and open the popover on hover or from the keyboard.

import { foldForSearch } from '@/src/core/search-text';
import { sentenceAround } from '@/src/core/sentence';
import { changeItem, type PublishedMatcher } from '@/src/messaging/broadcast';
import { contentMessaging } from '@/src/messaging/content-protocol';
import { sendMessage } from '@/src/messaging/protocol';
import { DEFAULT_SETTINGS, isActiveOn, type Settings, watchSettings } from '@/src/settings/settings';
import { composeFromSelection } from './compose';
import { readStartup, type Startup } from './early';
import { Highlighter, highlightRegistry } from './highlighter';
import { mentionAt } from './hit-test';
import { HoverController } from './hover';
import { loadPageMatcher, type PageMatcher } from './matching';
import { type MentionRecord, MentionStore } from './mentions';
import { type NoteMark, PageNotes } from './page-notes';
import { LazyPopover } from './popover';
import { isInsideSkipped, isSkippedElement, OWN_UI_TAG, type ScanOptions } from './scan';
import { runScan, TaskStats } from './scanner';
import { type PageChanges, PageWatcher } from './watch';

export interface GlossPage {
  store: MentionStore;
  stop(): void;
}

/**
 * Starts Gloss in this window. `signal` ends everything (the extension was updated or removed);
 * `startedAt` is when the content script began to run, the origin of the start-up timings, and
 * `early` the storage read it started then (see early.ts).
 */
export async function startGloss(
  win: Window,
  signal: AbortSignal,
  startedAt = performance.now(),
  early: Promise<Startup> = readStartup(),
): Promise<GlossPage | null> {
  const doc = win.document;
  const registry = highlightRegistry(win);
  // No CSS Custom Highlight API: Gloss steps back rather than change the page's DOM.
  if (!registry || !doc.body) return null;

  const site = win.location.hostname;
  const highlighter = new Highlighter(registry, win);
  const store = new MentionStore(highlighter);
  const shadowRoots = new Set<ShadowRoot>();
  const stats = new TaskStats(startedAt);
  // Settings and the published matcher in one storage read, and the page walked while it is on
  // its way: together they are most of a small page's start-up time.
  const startup = early.finally(() => stats.phase('settings'));
  const settingsLoading = startup.then((read) => read.settings);
  let settings: Settings = DEFAULT_SETTINGS;
  let active = false;
  let matcher: PageMatcher | null = null;
  let scan: AbortController | null = null;
  let scanning: Promise<void> = Promise.resolve();
  let matcherMs = 0;

  // The toolbar badge shows the top frame's count, sent at most twice a second.
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  const report = () => {
    if (win !== win.top || reportTimer) return;
    reportTimer = setTimeout(() => {
      reportTimer = undefined;
      void sendMessage('reportPage', { mentions: store.size, active }).catch(() => {});
    }, 500);
  };
  store.onChange(report);

  const popover = new LazyPopover(doc, () => hover.closed());
  const isOwnUi = (node: Node) => {
    for (let n: Node | null = node; n; n = n.parentNode)
      if (n.nodeType === Node.ELEMENT_NODE && (n as Element).localName === OWN_UI_TAG) return true;
    return false;
  };
  const scanOptions: ScanOptions = {
    onShadowRoot: (root) => {
      if (shadowRoots.has(root)) return;
      shadowRoots.add(root);
      if (active) watcher.observe(root);
    },
  };
  const watcher = new PageWatcher((changes) => void rescan(changes), isOwnUi, signal);
  const pageNotes = new PageNotes(
    win,
    registry,
    {
      list: (url) => sendMessage('listNotesForPage', { url }),
      report: (url, found, missing) => sendMessage('reportAnchors', { url, found, missing }),
    },
    scanOptions,
  );
  const refreshNotes = () => {
    // The page went away, or the extension was updated under it: nothing to mark.
    if (active) void pageNotes.refresh().catch(() => {});
  };

  const hover = new HoverController<MentionRecord | NoteMark>(
    win,
    {
      // While the composer is open, hovering names opens nothing over it.
      hitTest: (x, y) =>
        active && !popover.isComposing
          ? (mentionAt(doc, x, y, highlighter, store, [...shadowRoots]) ?? pageNotes.at(x, y))
          : null,
      popover,
      open: (target, trapFocus) =>
        'note' in target
          ? popover.openNote(target.range, target.note, trapFocus)
          : openPopover(target, trapFocus),
      delay: () => settings.hoverDelay,
      prefetch: (target) => popover.prefetch('entityIds' in target ? target.entityIds : []),
      setActive: (range) => highlighter.setActive(range),
    },
    signal,
  );

  function openPopover(mention: MentionRecord, trapFocus: boolean): void {
    const text = mention.segment.text.slice(mention.start, mention.end);
    const chosen = settings.choices[site]?.[foldForSearch(text)];
    popover.open(mention.range, {
      entityIds: mention.entityIds,
      chosen: chosen && mention.entityIds.includes(chosen) ? chosen : undefined,
      mentionText: text,
      sentence: sentenceAround(
        mention.segment.text,
        mention.start,
        mention.end,
        doc.documentElement.lang || 'en',
      ),
      pageUrl: win.location.href,
      pageTitle: doc.title,
      trapFocus,
    });
  }

  async function loadDictionary(published?: Promise<PublishedMatcher | null>): Promise<PageMatcher> {
    const started = performance.now();
    const loaded = await loadPageMatcher(matcher, (await published) ?? null);
    matcher = loaded;
    matcherMs = performance.now() - started;
    stats.phase('matcher');
    return loaded;
  }

  /**
   * Scans the whole page (and the shadow roots known so far) from scratch. `ready` may still be
   * on its way: the page is walked meanwhile.
   */
  function abortScan(): void {
    scan?.abort();
  }

  function scanAll(ready: PageMatcher | Promise<PageMatcher> | null = matcher): Promise<void> {
    abortScan();
    const controller = new AbortController();
    scan = controller;
    store.clear();
    if (!ready) return Promise.resolve();
    scanning = runScan({
      roots: [doc.body, ...shadowRoots],
      matcher: ready,
      store,
      win,
      signal: AbortSignal.any([signal, controller.signal]),
      scan: scanOptions,
      mode: 'add',
      stats,
    })
      .then(() => {
        stats.firstScanMs ??= performance.now() - startedAt;
        stats.firstScanBusyMs ??= stats.busyMs;
      })
      .catch(ignoreAbort);
    return scanning;
  }

  async function rescan({ roots, removals }: PageChanges): Promise<void> {
    // Let a running full scan finish first (the first one may still be waiting for the settings),
    // so the two don't both add the same marks.
    await scanning;
    if (!active || !matcher) return;
    if (removals) store.removeWhere((container) => !isConnected(container));
    const targets = roots.filter(
      (root) =>
        !(root.nodeType === Node.ELEMENT_NODE && isSkippedElement(root as Element)) && !isInsideSkipped(root),
    );
    if (targets.length === 0) return;
    await runScan({
      roots: targets,
      matcher,
      store,
      win,
      signal,
      scan: scanOptions,
      mode: 'replace',
      stats,
    }).catch(ignoreAbort);
  }

  // "Pause for 1 hour" ends by itself: re-apply the settings when it runs out.
  let pauseTimer: ReturnType<typeof setTimeout> | undefined;

  async function apply(next: Settings): Promise<void> {
    settings = next;
    clearTimeout(pauseTimer);
    const pauseLeft = next.pausedUntil - Date.now();
    if (next.pausedUntil > 0 && pauseLeft > 0) {
      pauseTimer = setTimeout(() => void apply(settings), Math.min(pauseLeft + 50, 2 ** 31 - 1));
    }
    const shouldBeActive = isActiveOn(next, site);
    if (shouldBeActive) highlighter.show(next.highlightStyle);
    if (shouldBeActive === active) return;
    active = shouldBeActive;
    report();
    if (active) {
      watcher.observe(doc.body);
      for (const root of shadowRoots) watcher.observe(root);
      refreshNotes();
      const first = firstScan;
      firstScan = null;
      if (first) {
        await first;
      } else {
        if (!matcher) await loadDictionary();
        await scanAll();
      }
    } else {
      pageNotes.clear();
      abortScan();
      watcher.stop();
      popover.close({ restoreFocus: false });
      store.clear();
      highlighter.hide();
    }
  }

  /** Moves to the next/previous mention (of one entity, if given), scrolls to it and opens it. */
  function goTo(direction: 1 | -1, entityKey?: string): boolean {
    const all = store.all().filter((m) => !entityKey || m.entityIds.includes(entityKey));
    if (all.length === 0) return false;
    const anchor = popover.anchorRange ?? hover.current?.range ?? null;
    let index = anchor ? all.findIndex((m) => m.range === anchor) : -1;
    if (index === -1 && anchor) {
      // The current one is not in this list: continue from its position in the page.
      index = all.findIndex((m) => m.range.compareBoundaryPoints(Range.START_TO_START, anchor) > 0) - 1;
      if (direction === -1) index += 1;
    }
    const next = all[(index + direction + all.length) % all.length] as MentionRecord;
    next.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    hover.openNow(next, true);
    return true;
  }

  contentMessaging.onMessage('focusMention', ({ data }) => active && goTo(data.direction));
  contentMessaging.onMessage('revealEntity', ({ data }) => active && goTo(1, data.entityKey));
  contentMessaging.onMessage('composeFromSelection', ({ data }) =>
    composeFromSelection(win, popover, data.kind, scanOptions),
  );
  contentMessaging.onMessage('pageState', () => ({
    site,
    active,
    counts: [...store.counts()].map(([entityKey, count]) => ({ entityKey, count })),
    stats: {
      mentions: store.size,
      firstScanMs: stats.firstScanMs,
      longestTaskMs: stats.longestTaskMs,
      matcherMs,
      matchedIn: matcher?.where ?? null,
      busyMs: stats.firstScanBusyMs,
      phases: stats.phases,
    },
  }));

  const unwatchSettings = watchSettings((next) => void apply(next));
  const unwatchChanges = changeItem.watch((change) => {
    if (!change) return;
    if (change.kind === 'knowledge') {
      popover.close({ restoreFocus: false });
      void loadDictionary().then(() => {
        if (active) return scanAll();
      });
    } else {
      // A note about an entity leaves this page's selection notes as they were: don't re-walk it.
      if (!change.entityKey) refreshNotes();
    }
  });

  const stop = () => {
    clearTimeout(reportTimer);
    clearTimeout(pauseTimer);
    abortScan();
    unwatchSettings();
    unwatchChanges();
    contentMessaging.removeAllListeners();
    watcher.stop();
    popover.close({ restoreFocus: false });
    pageNotes.clear();
    store.clear();
    highlighter.hide();
  };
  signal.addEventListener('abort', stop, { once: true });

  // The first scan starts now: it walks the page while the settings and the dictionary are on
  // their way, and marks nothing unless the settings say Gloss is on here.
  const dictionary = loadDictionary(startup.then((read) => read.published));
  watcher.observe(doc.body);
  let firstScan: Promise<void> | null = scanAll(
    Promise.all([dictionary, settingsLoading]).then(([loaded, first]) => {
      if (!isActiveOn(first, site)) throw new DOMException('Gloss is off on this site', 'AbortError');
      return loaded;
    }),
  );
  settings = await settingsLoading;
  if (!isActiveOn(settings, site)) {
    abortScan();
    watcher.stop();
    firstScan = null;
    dictionary.catch(() => {});
  }
  await apply(settings);
  return { store, stop };
}

function isConnected(container: Element | ShadowRoot): boolean {
  return container instanceof ShadowRoot ? container.host.isConnected : container.isConnected;
}

function ignoreAbort(error: unknown): void {
  if ((error as Error)?.name !== 'AbortError') throw error;
}
