// Gloss on one page (one frame), as a few parts with one owner. The session's state says what it
// is doing: "starting" (the page is walked while the settings and the matcher are on their way),
// "active" (marking), "off" (the settings say not here, or paused), "stopped" (the extension went
// away; nothing runs again). The parts each do one thing and are built from what they need:
// MatcherSource (the matcher), ScanScheduler (when to scan), PopoverData (what the card asks),
// the content messages (keyboard, popup, context menu), PageWatcher and HoverController.
// Private members are #fields: the minifier shortens their names, and every page loads this code.

import { type ChangeSignal, changeItem } from '@/src/messaging/broadcast';
import type { PageState, SelectionKind } from '@/src/messaging/content-protocol';
import { type PageReport, sendMessage } from '@/src/messaging/protocol';
import { DEFAULT_SETTINGS, isActiveOn, type Settings, watchSettings } from '@/src/settings/settings';
import { BadgeReport } from './badge-report';
import { registerContentMessages } from './content-messages';
import { type CorrectionSource, PageContext } from './context';
import { CorrectedMentionStore, SiteCorrections } from './corrections';
import type { Startup } from './early';
import { Highlighter, type highlightRegistry } from './highlighter';
import { mentionAt } from './hit-test';
import { HoverController } from './hover';
import { MatcherSource } from './matcher-source';
import type { MentionRecord, MentionStore } from './mentions';
import { goToMention } from './next-mention';
import { type NoteMark, PageNotes } from './page-notes';
import { importPopoverModule, LazyPopover } from './popover';
import { ScanScheduler } from './scan-scheduler';
import { TaskStats } from './time-slicer';
import { OWN_UI_TAG, type ScanOptions } from './walk';
import { outermost, PageWatcher } from './watch';

export type SessionState = 'off' | 'starting' | 'active' | 'stopped';

type Registry = NonNullable<ReturnType<typeof highlightRegistry>>;

export class PageSession {
  #state: SessionState = 'off';
  readonly store: MentionStore;
  #settings: Settings = DEFAULT_SETTINGS;
  readonly #doc: Document;
  readonly #site: string;
  readonly #stats: TaskStats;
  readonly #highlighter: Highlighter;
  /** Open shadow roots met so far: scanned with the body, observed while active. */
  readonly #shadowRoots = new Set<ShadowRoot>();
  readonly #walk: ScanOptions;
  readonly #badge: BadgeReport;
  readonly #matchers: MatcherSource;
  readonly #scans: ScanScheduler;
  readonly #watcher: PageWatcher;
  readonly #popover: LazyPopover;
  readonly #pageNotes: PageNotes;
  readonly #hover: HoverController<MentionRecord | NoteMark>;
  /** The reader's corrections for this site ("Not this — it's …"), applied as mentions are stored. */
  readonly #corrections: SiteCorrections;
  /** Which entity each mention means (issue 15); none in a build for bench:page's baseline. */
  readonly #context: PageContext | undefined;
  /** The reader's corrections' aliases last seen, to re-decide those whose correction was undone. */
  #correctedAliases = new Set<string>();
  /** The scan started before the settings were known, handed to the first activation. */
  #firstScan: Promise<void> | null = null;
  /** "Pause for 1 hour" ends by itself: the settings are applied again when it runs out. */
  #pauseTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #unwatch: Array<() => void> = [];

  readonly #win: Window;
  readonly #signal: AbortSignal;

  /** `signal` ends the session (the extension was updated or removed); `startedAt` is when the content script began. */
  constructor(win: Window, registry: Registry, signal: AbortSignal, startedAt: number) {
    this.#win = win;
    this.#signal = signal;
    this.#doc = win.document;
    this.#site = win.location.hostname;
    this.#stats = new TaskStats(startedAt);
    this.#highlighter = new Highlighter(registry, win);
    this.#corrections = new SiteCorrections(this.#site);
    this.store = new CorrectedMentionStore(this.#highlighter, win, this.#corrections);
    this.#badge = new BadgeReport(win, () => this.#report());
    this.store.onChange(() => this.#badge.schedule());
    this.#walk = { onShadowRoot: (root) => this.#metShadowRoot(root) };
    this.#matchers = new MatcherSource(this.#stats);
    this.#context = !scoringOff()
      ? new PageContext(
          this.#site,
          async (ids) => (await sendMessage('getContextProfiles', { ids })).profiles,
        )
      : undefined;
    this.#scans = new ScanScheduler({
      job: { win, store: this.store, stats: this.#stats, signal, scan: this.#walk, context: this.#context },
      roots: () => [this.#doc.body, ...this.#shadowRoots],
      matcher: () => this.#matchers.current,
      isActive: () => this.#isActive(),
    });
    this.#watcher = new PageWatcher(
      (changes) => void this.#scans.rescan(changes),
      isOwnUi,
      signal,
      this.#stats,
    );
    this.#popover = new LazyPopover(this.#doc, () => this.#hover.closed());
    this.#pageNotes = new PageNotes(
      win,
      registry,
      {
        list: (url) => sendMessage('listNotesForPage', { url }),
        report: (url, found, missing) => sendMessage('reportAnchors', { url, found, missing }),
        locate: async () => (await importPopoverModule()).locateQuotes,
      },
      this.#walk,
    );
    this.#hover = this.#createHover();
  }

  /**
   * The reader's corrections (src/content/corrections.ts) feed the scorer; when they change, the
   * blocks with mentions of the aliases concerned are decided again at once. Returns the unwatch.
   */
  #useCorrections(source: CorrectionSource): () => void {
    // Without the scorer (bench:page's baseline build) nothing applies them.
    if (!this.#context) return () => {};
    this.#context.corrections = source;
    this.#correctedAliases = new Set(source.current().map((c) => c.alias));
    return source.onChange(() => void this.#correctionsChanged());
  }

  async #correctionsChanged(): Promise<void> {
    const context = this.#context;
    if (!context) return;
    const now = new Set(context.corrections.current().map((c) => c.alias));
    const concerned = new Set([...now, ...this.#correctedAliases]);
    this.#correctedAliases = now;
    if (concerned.size === 0) return;
    // Corrections that arrive during a full scan (fetched at start, after a reload): the blocks it
    // decided before they came are only all stored once it ends.
    await this.#scans.scanned;
    if (!this.#isActive()) return;
    const blocks = context.blocksWith(concerned, this.store.all());
    if (blocks.length) void this.#scans.rescan({ roots: outermost(blocks), removals: false });
  }

  /** Starts with the settings and published matcher read at script start (see early.ts). */
  async start(early: Promise<Startup>): Promise<void> {
    this.#state = 'starting';
    // Settings and the published matcher in one storage read, and the page walked while it is on
    // its way: together they are most of a small page's start-up time.
    const startup = early.finally(() => this.#stats.phase('settings'));
    const settingsLoading = startup.then((read) => read.settings);
    this.#unwatch.push(
      watchSettings((next) => void this.#apply(next)),
      changeItem.watch((change) => change && this.#changed(change)),
      this.#corrections.start(startup.then((read) => read.correctionSites)),
      this.#useCorrections(this.#corrections),
      registerContentMessages({
        goTo: (direction, entityKey) =>
          this.#isActive() && goToMention(this.store, this.#popover, this.#hover, direction, entityKey),
        compose: async (kind: SelectionKind) =>
          (await importPopoverModule()).composeFromSelection(this.#win, this.#popover, kind, this.#walk),
        pageState: () => this.#pageState(),
      }),
    );
    this.#signal.addEventListener('abort', () => this.stop(), { once: true });

    // The first scan starts now: it walks the page while the settings and the matcher are on
    // their way, and marks nothing unless the settings say Gloss is on here.
    const matcherLoading = this.#matchers.load(startup.then((read) => read.published));
    this.#watcher.observe(this.#doc.body);
    this.#firstScan = this.#scans.scanAll(
      Promise.all([matcherLoading, settingsLoading]).then(([loaded, first]) => {
        if (!isActiveOn(first, this.#site)) throw new DOMException('Gloss is off on this site', 'AbortError');
        return loaded;
      }),
    );
    const settings = await settingsLoading;
    if (!isActiveOn(settings, this.#site)) {
      this.#scans.abort();
      this.#watcher.stop();
      this.#firstScan = null;
      matcherLoading.catch(() => {});
    }
    await this.#apply(settings);
  }

  stop(): void {
    this.#state = 'stopped';
    this.#badge.stop();
    clearTimeout(this.#pauseTimer);
    this.#scans.abort();
    for (const unwatch of this.#unwatch.splice(0)) unwatch();
    this.#watcher.stop();
    this.#popover.close({ restoreFocus: false });
    this.#pageNotes.clear();
    this.store.clear();
    this.#highlighter.hide();
  }

  #isActive(): boolean {
    return this.#state === 'active';
  }

  async #apply(next: Settings): Promise<void> {
    if (this.#state === 'stopped') return;
    this.#settings = next;
    this.#schedulePauseEnd(next);
    const shouldBeActive = isActiveOn(next, this.#site);
    if (shouldBeActive) this.#highlighter.show(next.highlightStyle);
    if (shouldBeActive === this.#isActive()) {
      if (this.#state === 'starting') this.#state = 'off';
      return;
    }
    if (shouldBeActive) await this.#activate();
    else this.#deactivate();
  }

  #schedulePauseEnd(next: Settings): void {
    clearTimeout(this.#pauseTimer);
    const pauseLeft = next.pausedUntil - Date.now();
    if (next.pausedUntil > 0 && pauseLeft > 0) {
      this.#pauseTimer = setTimeout(
        () => void this.#apply(this.#settings),
        Math.min(pauseLeft + 50, 2 ** 31 - 1),
      );
    }
  }

  async #activate(): Promise<void> {
    this.#state = 'active';
    this.#badge.schedule();
    this.#watcher.observe(this.#doc.body);
    for (const root of this.#shadowRoots) this.#watcher.observe(root);
    this.#refreshNotes();
    const first = this.#firstScan;
    this.#firstScan = null;
    if (first) {
      await first;
    } else {
      if (!this.#matchers.current) await this.#matchers.load();
      await this.#scans.scanAll();
    }
  }

  #deactivate(): void {
    this.#state = 'off';
    this.#badge.schedule();
    this.#pageNotes.clear();
    this.#scans.abort();
    this.#watcher.stop();
    this.#popover.close({ restoreFocus: false });
    this.store.clear();
    this.#highlighter.hide();
  }

  #metShadowRoot(root: ShadowRoot): void {
    if (this.#shadowRoots.has(root)) return;
    this.#shadowRoots.add(root);
    if (this.#isActive()) this.#watcher.observe(root);
  }

  #refreshNotes(): void {
    // The page went away, or the extension was updated under it: nothing to mark.
    if (this.#isActive()) void this.#pageNotes.refresh().catch(() => {});
  }

  /**
   * Knowledge or notes changed elsewhere. An open card stays open and reloads in place (it watches
   * the change itself), so a note being typed is not lost.
   */
  #changed(change: ChangeSignal): void {
    if (change.kind === 'knowledge') {
      // The published matcher is out of date: load the new one and mark the page with it.
      void this.#matchers.load().then(() => {
        if (this.#isActive()) return this.#scans.scanAll();
      });
    }
    // A note about an entity leaves this page's selection notes as they were: don't re-walk it.
    else if (change.kind === 'notes' && !change.entityKey) this.#refreshNotes();
  }

  #createHover(): HoverController<MentionRecord | NoteMark> {
    const popover = this.#popover;
    return new HoverController<MentionRecord | NoteMark>(
      this.#win,
      {
        // While the composer is open, hovering names opens nothing over it.
        hitTest: (x, y) =>
          this.#isActive() && !popover.isComposing
            ? (mentionAt(this.#doc, x, y, this.#highlighter, this.store, [...this.#shadowRoots]) ??
              this.#pageNotes.at(x, y))
            : null,
        popover,
        open: (target, trapFocus) =>
          'note' in target
            ? popover.openNote(target.range, target.note, trapFocus)
            : this.#openMention(target, trapFocus),
        delay: () => this.#settings.hoverDelay,
        prefetch: (target) => popover.prefetch('entityIds' in target ? target.entityIds : []),
        setActive: (range) => this.#highlighter.setActive(range),
      },
      this.#signal,
    );
  }

  #openMention(mention: MentionRecord, trapFocus: boolean): void {
    const text = mention.segment.text.slice(mention.start, mention.end);
    const { decision } = mention;
    // Context's pick, when it was clear, or the reader's correction (entityIds are likelier first).
    const chosen = decision?.kind === 'mark' ? mention.entityIds[0] : undefined;
    this.#popover.open(mention.range, {
      entityIds: mention.entityIds,
      ...(decision ? { decision: { kind: decision.kind, reasons: decision.reasons } } : {}),
      chosen,
      mentionText: text,
      around: {
        text: mention.segment.text,
        start: mention.start,
        end: mention.end,
        lang: this.#doc.documentElement.lang,
      },
      pageUrl: this.#win.location.href,
      pageTitle: this.#doc.title,
      trapFocus,
    });
  }

  /** For the badge and "seen on": addresses too long for the protocol's limits are left out. */
  #report(): PageReport {
    const url = this.#win.location.href;
    return {
      mentions: this.store.size,
      active: this.#isActive(),
      ...(url.length <= 10_000 ? { url } : {}),
      title: this.#doc.title.slice(0, 1_000),
      counts: [...this.store.counts()].slice(0, 10_000).map(([key, count]) => ({ key, count })),
    };
  }

  #pageState(): PageState {
    const stats = this.#stats;
    const matchers = this.#matchers;
    const { store } = this;
    return {
      site: this.#site,
      active: this.#isActive(),
      counts: [...store.counts()].map(([entityKey, count]) => ({ entityKey, count })),
      stats: {
        mentions: store.size,
        firstScanMs: stats.firstScanMs,
        longestTaskMs: stats.longestTaskMs,
        matcherMs: matchers.loadMs,
        matchedIn: matchers.current?.where ?? null,
        busyMs: stats.firstScanBusyMs,
        phases: stats.phases,
        startedAt: stats.origin,
      },
    };
  }
}

/** bench:page's baseline build (WXT_GLOSS_CONTEXT=off) marks every candidate, as before issue 15. */
function scoringOff(): boolean {
  return (import.meta.env as Record<string, string | undefined>).WXT_GLOSS_CONTEXT === 'off';
}

/** Gloss's own popover host and what is inside it: changes there are not the page changing. */
function isOwnUi(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode)
    if (n.nodeType === Node.ELEMENT_NODE && (n as Element).localName === OWN_UI_TAG) return true;
  return false;
}
