// Which entity each mention on this page means (issue 15). Mentions whose alias names one identity
// are decided at once, from their own words (src/core/context/needs.ts): most are marked, an
// ordinary word at a sentence start or a part of a longer name is not. The others (several
// candidates, an alias a correction is about, "The Alliance" after a capitalised word before the
// page names NATO) wait for one batched getContextProfiles round trip per scan batch and are
// decided by the scorer's module against the sure identities of the page and of their block. A
// mention whose name a correction may be about waits for the page's corrections first.
import {
  correctedAliases,
  type FirstDecision,
  firstDecision,
  fold,
  primaryLang,
} from '@/src/core/context/needs';
import { isOrdinary } from '@/src/core/context/own-words';
import type { Pending } from '@/src/core/context/page';
import type { ContextProfile, Correction } from '@/src/core/context/types';
import type { MentionRecord } from './mentions';
import { importScorerModule, type ScorerModule } from './popover';
import type { Segment } from './walk';

/**
 * The reader's corrections as the page sees them ("Not this — it's …"). C2's implementation
 * (src/content/corrections.ts) fetches them and calls the listener when they change; by default
 * there are none.
 */
export interface CorrectionSource {
  current(): Correction[];
  /** Returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
  /**
   * Whether a correction about this name (as on the page) may apply here but has not come yet: the
   * page holds such a mention until `ready`, so a corrected name is never marked for a moment.
   */
  awaits?(text: string): boolean;
  /** Settles once the corrections asked for have come (or could not). */
  ready?(): Promise<void>;
}

export const NO_CORRECTIONS: CorrectionSource = { current: () => [], onChange: () => () => {} };

/** Where the page's profiles come from (the background, through getContextProfiles). */
export type AskProfiles = (ids: string[]) => Promise<ContextProfile[]>;

/** The scorer, with its word lists: a module of its own, loaded by pages that have mentions to decide. */
export type LoadScorer = () => Promise<ScorerModule>;

export class PageContext {
  readonly #site: string;
  readonly #ask: AskProfiles;
  #corrections: CorrectionSource;
  /** Profiles of this page's ambiguous candidates, asked once each (null: unknown to the background). */
  readonly #profiles = new Map<string, ContextProfile | null>();
  /** Identities marked for sure on the page so far. */
  #page: Record<string, number> = {};
  readonly #blocks = new WeakMap<Segment, Record<string, number>>();
  readonly #langs = new WeakMap<Segment, string>();
  /** Mentions decided "none": kept (while their text is on the page) for a correction to bring back. */
  readonly #unmarked = new Set<MentionRecord>();

  readonly #scorer: LoadScorer;
  /** Loading since the first mention that waits for it (kept: a failed load is tried again). */
  #scorerLoading: ReturnType<LoadScorer> | null = null;

  constructor(
    site: string,
    ask: AskProfiles,
    corrections: CorrectionSource = NO_CORRECTIONS,
    scorer: LoadScorer = importScorerModule,
  ) {
    this.#site = site;
    this.#ask = ask;
    this.#corrections = corrections;
    this.#scorer = scorer;
  }

  get corrections(): CorrectionSource {
    return this.#corrections;
  }

  set corrections(source: CorrectionSource) {
    this.#corrections = source;
  }

  /** A scan of the whole page starts (first, or after the knowledge changed): nothing is on it yet. */
  reset(): void {
    this.#page = {};
    this.#profiles.clear();
    this.#unmarked.clear();
  }

  /**
   * Splits found mentions: the sure ones (counted as the page's and their block's), and the ones
   * that wait for the scorer or for corrections not here yet. Mentions their own words leave
   * unmarked are in neither.
   */
  split(records: readonly MentionRecord[]): { sure: MentionRecord[]; unsure: MentionRecord[] } {
    const sure: MentionRecord[] = [];
    const unsure: MentionRecord[] = [];
    const corrected = correctedAliases(this.#corrections.current());
    for (const record of records) {
      const { segment, start, end } = record;
      if (this.#corrections.awaits?.(segment.text.slice(start, end))) {
        unsure.push(record);
        continue;
      }
      const need = this.#decideAtOnce(record, corrected);
      if (need === 'context') {
        // The scorer's module starts loading now, while the rest of the batch is marked.
        void this.#loadScorer().catch(() => {});
        unsure.push(record);
      } else if (need === 'mark') sure.push(record);
    }
    return { sure, unsure };
  }

  /**
   * What the page does with a mention before the scorer: marks it (counted as the page's and its
   * block's), leaves it unmarked (kept for a correction to bring back), or waits for the scorer.
   */
  #decideAtOnce(record: MentionRecord, corrected: ReadonlySet<string>): FirstDecision {
    const { segment, start, end, entityIds } = record;
    const onPage = (id: string) => (this.#page[id] ?? 0) > 0;
    const need = firstDecision(segment.text, start, end, entityIds, corrected, this.#lang(segment), onPage);
    if (need === 'none') {
      record.decision = { kind: 'none', ranked: [], reasons: [] };
      this.#unmarked.add(record);
    } else if (need === 'mark') {
      const id = entityIds[0] as string;
      this.#page[id] = (this.#page[id] ?? 0) + 1;
      const block = this.#blocks.get(segment) ?? {};
      this.#blocks.set(segment, block);
      block[id] = (block[id] ?? 0) + 1;
    }
    return need;
  }

  /**
   * Waits for the corrections held mentions wait for, then asks the background, in one message, for
   * the profiles of these mentions' candidates not asked yet.
   */
  async fetchProfiles(unsure: readonly MentionRecord[]): Promise<void> {
    await this.#corrections.ready?.();
    const missing = new Set<string>();
    // Only names several entities share need to know them: a name of one entity is decided by its
    // words and the page, without waking the background (pages read the matcher from storage).
    for (const record of unsure)
      if (record.entityIds.length > 1)
        for (const id of record.entityIds) if (!this.#profiles.has(id)) missing.add(id);
    for (const c of this.#corrections.current())
      if (c.right && !this.#profiles.has(c.right)) missing.add(c.right);
    if (missing.size === 0) return;
    const ids = [...missing];
    for (const id of ids) this.#profiles.set(id, null);
    try {
      for (const profile of await this.#ask(ids)) this.#profiles.set(profile.id, profile);
    } catch {
      // The background could not answer (it is being updated): the scorer goes by the words.
    }
  }

  /**
   * Decides the mentions `split` held back (their profiles fetched). Sets each record's decision
   * and orders its candidates likelier first; returns the ones to mark. `pause` slices the work.
   */
  async decide(
    held: readonly MentionRecord[],
    pause: () => Promise<void> | undefined = () => undefined,
  ): Promise<MentionRecord[]> {
    const corrections = this.#corrections.current();
    // Mentions held for corrections are decided again now that they are here: most at once.
    const corrected = correctedAliases(corrections);
    const atOnce: MentionRecord[] = [];
    const unsure: MentionRecord[] = [];
    for (const record of held) {
      const need = this.#decideAtOnce(record, corrected);
      if (need === 'mark') atOnce.push(record);
      else if (need === 'context') unsure.push(record);
    }
    if (unsure.length === 0) return atOnce;
    const profiles = new Map<string, ContextProfile>();
    for (const [id, profile] of this.#profiles) if (profile) profiles.set(id, profile);
    const pending: Pending[] = unsure.map((r) => ({
      blockText: r.segment.text,
      start: r.start,
      end: r.end,
      candidates: r.entityIds,
      block: this.#blocks.get(r.segment) ?? {},
      lang: this.#lang(r.segment),
    }));
    let scorer: Awaited<ReturnType<LoadScorer>>;
    try {
      scorer = await this.#loadScorer();
    } catch {
      // The module could not load (the extension was updated under the page): mark as before.
      return [...atOnce, ...unsure];
    }
    const decisions = await scorer.decideMentions(
      pending,
      this.#page,
      this.#site,
      profiles,
      { ordinary: isOrdinary, corrections },
      pause,
    );
    const marked: MentionRecord[] = [...atOnce];
    unsure.forEach((record, i) => {
      const decision = decisions[i];
      if (!decision) return;
      record.decision = decision;
      if (decision.kind === 'none') {
        this.#unmarked.add(record);
        return;
      }
      // Likelier first; a correction may name an identity the alias does not (it is the right one).
      const ranked = decision.ranked.map((r) => r.id);
      record.entityIds = [...ranked, ...record.entityIds.filter((id) => !ranked.includes(id))];
      marked.push(record);
    });
    return marked;
  }

  #loadScorer(): ReturnType<LoadScorer> {
    const loading = this.#scorerLoading ?? this.#scorer();
    this.#scorerLoading = loading;
    loading.catch(() => {
      if (this.#scorerLoading === loading) this.#scorerLoading = null;
    });
    return loading;
  }

  /** The blocks holding mentions of these aliases (folded), marked or not: what a correction re-decides. */
  blocksWith(aliases: ReadonlySet<string>, marked: Iterable<MentionRecord>): Node[] {
    const blocks = new Set<Node>();
    for (const record of this.#unmarked)
      if (!record.segment.container.isConnected) this.#unmarked.delete(record);
    for (const record of [...marked, ...this.#unmarked]) {
      if (aliases.has(fold(record.segment.text.slice(record.start, record.end))))
        blocks.add(record.segment.container);
    }
    return [...blocks];
  }

  /** The language of a segment's text: its closest lang attribute, else the page's. */
  #lang(segment: Segment): string {
    let lang = this.#langs.get(segment);
    if (lang === undefined) {
      const element = segment.nodes[0]?.parentElement;
      lang = primaryLang(
        element?.closest('[lang]')?.getAttribute('lang') ?? element?.ownerDocument.documentElement.lang,
      );
      this.#langs.set(segment, lang);
    }
    return lang;
  }
}
