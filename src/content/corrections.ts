// The reader's corrections on this page: fetched for the page's site (getCorrections), fetched
// again when the background announces a change, so a "Not this" made in the card applies at once.
// The page's scorer (src/content/context.ts) reads them through CorrectionSource.
import type { Correction } from '@/src/core/context/types';
import { foldForSearch } from '@/src/core/search-text';
import { type CorrectionSites, changeItem, correctionSitesItem } from '@/src/messaging/broadcast';
import { sendMessage } from '@/src/messaging/protocol';
import type { CorrectionSource } from './context';
import type { Highlighter } from './highlighter';
import { type MentionRecord, MentionStore } from './mentions';

/**
 * The corrections that can apply on one site, kept current. What the page knows of them moves
 * through these states (`#pending`):
 * - 'unread': the index of where corrections apply (read with the settings at start) is not in yet;
 * - a set of names: no correction is for this site, but some for passages or everywhere are about
 *   these names; the page asks for them once it has one of these names;
 * - 'all': some correction is for this site (or there is no index): asked for at once;
 * - null: the corrections are here, or none can apply, or they could not be had.
 * Until null, the page holds the mentions they may be about (`awaits`), so a corrected name is
 * never marked for a moment; `ready` settles when no held mention waits any more.
 */
export class SiteCorrections implements CorrectionSource {
  #corrections: Correction[] = [];
  readonly #listeners = new Set<() => void>();
  readonly #site: string;
  readonly #fetch: (site: string) => Promise<Correction[]>;
  /** Only the latest fetch's answer counts: an old answer never overwrites a newer one. */
  #generation = 0;
  readonly #sites: () => Promise<CorrectionSites | null>;

  #pending: 'unread' | 'all' | ReadonlySet<string> | null = 'unread';
  /** Asked for (the first fetch is on its way or done). */
  #asked = false;
  /** Names the page held or stored before the index was read: one the index knows makes it ask. */
  readonly #seenEarly = new Set<string>();
  /** What `ready` waits for while held mentions wait (the index, then the answer asked for). */
  #wait: Promise<void> | null = null;
  #release: () => void = () => {};

  constructor(
    site: string,
    fetch = (s: string) => sendMessage('getCorrections', { site: s }),
    sites = () => correctionSitesItem.getValue(),
  ) {
    this.#site = site;
    this.#fetch = fetch;
    this.#sites = sites;
    this.#hold();
  }

  current(): Correction[] {
    return this.#corrections;
  }

  /**
   * Whether a correction about this name (as on the page) may apply here and has not come yet; a
   * name the index knows makes it ask for them.
   */
  awaits(text: string): boolean {
    const pending = this.#pending;
    if (pending === null) return false;
    if (pending === 'all') return true;
    const name = foldForSearch(text);
    if (pending === 'unread') {
      this.#seenEarly.add(name);
      return true;
    }
    if (!pending.has(name)) return false;
    this.#ask();
    return true;
  }

  ready(): Promise<void> {
    return this.#wait ?? Promise.resolve();
  }

  #hold(): void {
    this.#wait ??= new Promise((resolve) => (this.#release = resolve));
  }

  #letGo(): void {
    this.#release();
    this.#wait = null;
  }

  /** Mentions stored on the page: one with a name some correction is about makes it ask for them. */
  notice(records: readonly MentionRecord[]): void {
    const pending = this.#pending;
    if (pending === null || pending === 'all' || this.#asked) return;
    for (const record of records) {
      const name = foldForSearch(record.segment.text.slice(record.start, record.end));
      if (pending === 'unread') this.#seenEarly.add(name);
      else if (pending.has(name)) {
        this.#ask();
        return;
      }
    }
  }

  #ask(): void {
    if (this.#asked) return;
    this.#asked = true;
    this.#seenEarly.clear();
    this.#hold();
    void this.refresh();
  }

  /** The corrections are here (or cannot be had): nothing waits any more. */
  #arrived(): void {
    this.#pending = null;
    this.#seenEarly.clear();
    this.#letGo();
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Fetches now when any correction can apply on this site (else asks nothing: opening a page does
   * not wake the background for them), and again on every announced change; returns the stop.
   * `read`: the index of where corrections apply, if already on its way (the page's start-up read).
   */
  start(read: Promise<CorrectionSites | null> = this.#sites()): () => void {
    void read
      .catch(() => null)
      .then((where) => {
        if (this.#pending !== 'unread') return;
        if (!where || where.sites.includes(this.#site)) {
          this.#pending = 'all';
          return this.#ask();
        }
        const names = new Set(where.aliases);
        if (names.size === 0) return this.#arrived();
        this.#pending = names;
        // Held before the index: they wait for an answer only if a correction is about one of them.
        if ([...this.#seenEarly].some((name) => names.has(name))) return this.#ask();
        this.#seenEarly.clear();
        this.#letGo();
      });
    return changeItem.watch((change) => {
      if (change?.kind === 'corrections') void this.refresh();
    });
  }

  async refresh(): Promise<void> {
    const mine = ++this.#generation;
    let next: Correction[] | null = null;
    try {
      next = await this.#fetch(this.#site);
    } catch {
      // The extension went away or was updated under the page: keep what we have.
    }
    // A newer fetch is on its way: its answer counts (and ends the wait).
    if (mine !== this.#generation) return;
    const changed = next !== null && !sameList(next, this.#corrections);
    if (next && changed) this.#corrections = next;
    // Held mentions are decided with these before listeners re-decide what was marked already.
    this.#arrived();
    if (changed) for (const listener of this.#listeners) listener();
  }
}

const sameList = (a: Correction[], b: Correction[]) =>
  a.length === b.length && a.every((c, i) => c.id === b[i]?.id && c.updatedAt === b[i]?.updatedAt);

/**
 * The page's mentions, as stored (every scan and rescan stores through add): each batch tells the
 * source which names the page has, so corrections about them are fetched. The scorer applies them
 * (src/content/context.ts); a build without it (bench:page's baseline) does not honour them.
 */
export class CorrectedMentionStore extends MentionStore {
  readonly #corrections: CorrectionSource & Partial<Pick<SiteCorrections, 'notice'>>;

  constructor(
    highlighter: Highlighter,
    win: Window | undefined,
    corrections: CorrectionSource & Partial<Pick<SiteCorrections, 'notice'>>,
  ) {
    super(highlighter, win);
    this.#corrections = corrections;
  }

  override add(records: MentionRecord[]): void {
    this.#corrections.notice?.(records);
    super.add(records);
  }
}
