// The mentions found on the page, by the block they are in, so a changed block can be rescanned
// and its old marks dropped without touching the rest.
import type { Decision } from '@/src/core/context/types';
import type { Highlighter } from './highlighter';
import type { Segment } from './walk';

export interface MentionRecord {
  range: Range;
  entityIds: string[];
  segment: Segment;
  /** Offsets in segment.text. */
  start: number;
  end: number;
  /** The text nodes the mention spans (a mention may cross inline elements). */
  nodes: Text[];
  /** How context decided it (issue 15); absent for a mention marked at once (one plain candidate). */
  decision?: Decision;
}

export type Container = Element | ShadowRoot;

/**
 * Up to this many mentions every one is registered; above it, only those whose block is near the
 * viewport (NEAR), the rest as the reader scrolls to them: Chromium repaints every registered range
 * whenever the set changes (150–200 ms at 45,000 ranges).
 */
const ALL_UP_TO = 3000;
const NEAR = '300% 0px';

export class MentionStore {
  readonly #byContainer = new Map<Container, MentionRecord[]>();
  readonly #byRange = new Map<AbstractRange, MentionRecord>();
  readonly #byNode = new Map<Text, MentionRecord[]>();
  /** Mentions per entity, kept as marks come and go: the popup asks for it while a page is scanned. */
  readonly #perEntity = new Map<string, number>();
  #changed = () => {};
  /** Watches the blocks that hold mentions, to know which are near the viewport. */
  readonly #io: IntersectionObserver | null;
  readonly #near = new Set<Element>();
  /** Whether only the mentions near the viewport are registered. */
  #bounded = false;

  readonly #highlighter: Highlighter;

  /** Without `win` (or its IntersectionObserver), every mention is registered. */
  constructor(highlighter: Highlighter, win?: Window) {
    this.#highlighter = highlighter;
    const IO = (win as (Window & typeof globalThis) | undefined)?.IntersectionObserver;
    this.#io = IO ? new IO((entries) => this.#moved(entries), { rootMargin: NEAR }) : null;
  }

  onChange(listener: () => void): void {
    this.#changed = listener;
  }

  get size(): number {
    return this.#byRange.size;
  }

  /** Adds mentions of containers not seen before (the first scan of a page). */
  add(records: MentionRecord[]): void {
    for (const record of records) {
      const container = record.segment.container;
      const list = this.#byContainer.get(container);
      if (list) list.push(record);
      else {
        this.#byContainer.set(container, [record]);
        this.#io?.observe(box(container));
      }
      this.#index(record);
    }
    if (records.length) this.#marksChanged();
  }

  /**
   * The containers under each of `roots` (none inside another), found in one pass: each container
   * walks up to its root (O(containers·depth)), where asking each root about every container was
   * quadratic across a rescan of many blocks.
   */
  under(roots: Node[]): Map<Node, Container[]> {
    const found = new Map<Node, Container[]>(roots.map((root) => [root, []]));
    for (const container of this.#byContainer.keys()) {
      let node: Node | null = container;
      while (node && !found.has(node)) node = node instanceof ShadowRoot ? node.host : node.parentNode;
      found.get(node as Node)?.push(container);
    }
    return found;
  }

  /** Swaps the mentions of `containers` (from under()) for `records`, in one step so nothing flickers. */
  replace(containers: Container[], records: MentionRecord[]): void {
    for (const container of containers) this.#drop(container);
    this.add(records);
    this.#marksChanged();
  }

  /** Drops the mentions of containers that match (e.g. those no longer in the document). */
  removeWhere(predicate: (container: Container) => boolean): number {
    let removed = 0;
    for (const container of this.#byContainer.keys())
      if (predicate(container)) removed += this.#drop(container);
    if (removed) this.#marksChanged();
    return removed;
  }

  #drop(container: Container): number {
    const records = this.#byContainer.get(container) ?? [];
    for (const record of records) this.#unindex(record);
    this.#byContainer.delete(container);
    const target = box(container);
    // (Rare: a host with mentions of its own and in its shadow root; the latter are tracked again when rescanned.)
    if (!this.#byContainer.has(target)) {
      this.#io?.unobserve(target);
      this.#near.delete(target);
    }
    return records.length;
  }

  /** Blocks came near the viewport or left it: their marks follow, in one change of the set. */
  #moved(entries: IntersectionObserverEntry[]): void {
    const { mentions } = this.#highlighter;
    for (const { target, isIntersecting } of entries) {
      if (isIntersecting) this.#near.add(target);
      else this.#near.delete(target);
      if (!this.#bounded) continue;
      for (const { range } of this.#byContainer.get(target) ?? []) {
        if (isIntersecting) mentions.add(range);
        else mentions.delete(range);
      }
    }
    this.#highlighter.sync();
  }

  clear(): void {
    this.#byContainer.clear();
    this.#byRange.clear();
    this.#byNode.clear();
    this.#perEntity.clear();
    this.#io?.disconnect();
    this.#near.clear();
    this.#highlighter.mentions.clear();
    this.#marksChanged();
  }

  /** The highlight registers or unregisters its name as it fills or empties (see Highlighter). */
  #marksChanged(): void {
    const bounded = !!this.#io && this.size > ALL_UP_TO;
    if (bounded !== this.#bounded) {
      // Crossing the line: the set is made again once, from what is near (or from everything).
      this.#bounded = bounded;
      this.#highlighter.mentions.clear();
      for (const record of this.#byRange.values())
        if (this.#shows(record)) this.#highlighter.mentions.add(record.range);
    }
    this.#highlighter.sync();
    this.#changed();
  }

  fromRange(range: AbstractRange): MentionRecord | undefined {
    return this.#byRange.get(range);
  }

  /** Mentions that include a text node, for caret-based hit-testing. */
  inNode(node: Text): MentionRecord[] {
    return this.#byNode.get(node) ?? [];
  }

  /** All mentions in document order. */
  all(): MentionRecord[] {
    return [...this.#byRange.values()].sort((a, b) =>
      a.range.compareBoundaryPoints(Range.START_TO_START, b.range),
    );
  }

  /** How often each entity is mentioned. */
  counts(): ReadonlyMap<string, number> {
    return this.#perEntity;
  }

  #index(record: MentionRecord): void {
    this.#byRange.set(record.range, record);
    if (this.#shows(record)) this.#highlighter.mentions.add(record.range);
    for (const id of meant(record)) this.#perEntity.set(id, (this.#perEntity.get(id) ?? 0) + 1);
    for (const node of record.nodes) {
      const list = this.#byNode.get(node);
      if (list) list.push(record);
      else this.#byNode.set(node, [record]);
    }
  }

  #shows(record: MentionRecord): boolean {
    // Mentions in shadow roots are few and always registered.
    const { container } = record.segment;
    return !this.#bounded || container instanceof ShadowRoot || this.#near.has(container);
  }

  #unindex(record: MentionRecord): void {
    this.#byRange.delete(record.range);
    this.#highlighter.mentions.delete(record.range);
    for (const id of meant(record)) {
      const left = (this.#perEntity.get(id) ?? 0) - 1;
      if (left > 0) this.#perEntity.set(id, left);
      else this.#perEntity.delete(id);
    }
    for (const node of record.nodes) {
      const list = this.#byNode.get(node)?.filter((other) => other !== record);
      if (list?.length) this.#byNode.set(node, list);
      else this.#byNode.delete(node);
    }
  }
}

/** The element whose box holds a container (a shadow root's host). */
function box(container: Container): Element {
  return container instanceof ShadowRoot ? container.host : container;
}

/**
 * The identities a mention counts for (the popup's list, "seen on", going to the next mention): the
 * one context chose when it decided, else every candidate. The others stay in `entityIds` for the
 * card's "Not this — it's …".
 */
export function meant(record: Pick<MentionRecord, 'entityIds' | 'decision'>): string[] {
  return record.decision?.kind === 'mark' ? record.entityIds.slice(0, 1) : record.entityIds;
}
