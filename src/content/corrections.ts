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

/** The corrections that can apply on one site, kept current. */
export class SiteCorrections implements CorrectionSource {
  #corrections: Correction[] = [];
  readonly #listeners = new Set<() => void>();
  readonly #site: string;
  readonly #fetch: (site: string) => Promise<Correction[]>;
  /** Only the latest fetch's answer counts: an old answer never overwrites a newer one. */
  #generation = 0;

  readonly #sites: () => Promise<CorrectionSites | null>;

  constructor(
    site: string,
    fetch = (s: string) => sendMessage('getCorrections', { site: s }),
    sites = () => correctionSitesItem.getValue(),
  ) {
    this.#site = site;
    this.#fetch = fetch;
    this.#sites = sites;
  }

  current(): Correction[] {
    return this.#corrections;
  }

  /**
   * Names of corrections for passages or everywhere, until the page finds one of them (then:
   * fetched); undefined until the index of where corrections apply is read, null once not waiting.
   */
  #waitingFor: ReadonlySet<string> | null | undefined = undefined;
  /** Names the page had before the index was read: the first marks may come first. */
  readonly #seenEarly = new Set<string>();
  /**
   * Until the first answer: the names corrections may be about ('all' on a site some are for), so
   * the page holds those mentions; null once the corrections are here (or none can apply).
   */
  #unknown: ReadonlySet<string> | 'all' | null = null;
  /** The first fetch, once asked. */
  #loading: Promise<void> | null = null;

  awaits(text: string): boolean {
    const unknown = this.#unknown;
    if (!unknown || (unknown !== 'all' && !unknown.has(foldForSearch(text)))) return false;
    this.#found();
    return true;
  }

  ready(): Promise<void> {
    return this.#loading ?? Promise.resolve();
  }

  /** Mentions found on the page: one with a name some correction is about makes it fetch them. */
  notice(records: readonly MentionRecord[]): void {
    const names = this.#waitingFor;
    if (names === null) return;
    for (const record of records) {
      const name = foldForSearch(record.segment.text.slice(record.start, record.end));
      if (names === undefined) this.#seenEarly.add(name);
      else if (names.has(name)) {
        this.#found();
        return;
      }
    }
  }

  #found(): void {
    this.#waitingFor = null;
    this.#seenEarly.clear();
    this.#loading ??= this.refresh().then(() => {
      this.#unknown = null;
    });
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
        if (!where || where.sites.includes(this.#site)) {
          this.#unknown = 'all';
          return this.#found();
        }
        const names = new Set(where.aliases);
        this.#unknown = names.size ? names : null;
        if ([...this.#seenEarly].some((name) => names.has(name))) return this.#found();
        this.#seenEarly.clear();
        this.#waitingFor = names.size ? names : null;
      });
    return changeItem.watch((change) => {
      if (change?.kind === 'corrections') void this.refresh();
    });
  }

  async refresh(): Promise<void> {
    const mine = ++this.#generation;
    let next: Correction[];
    try {
      next = await this.#fetch(this.#site);
    } catch {
      // The extension went away or was updated under the page: keep what we have.
      return;
    }
    if (mine !== this.#generation || sameList(next, this.#corrections)) return;
    this.#corrections = next;
    for (const listener of this.#listeners) listener();
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
