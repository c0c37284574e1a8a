// The mentions found on the page, by the block they are in, so a changed block can be rescanned
// and its old marks dropped without touching the rest.
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
}

export type Container = Element | ShadowRoot;

export class MentionStore {
  readonly #byContainer = new Map<Container, MentionRecord[]>();
  readonly #byRange = new Map<AbstractRange, MentionRecord>();
  readonly #byNode = new Map<Text, MentionRecord[]>();
  /** Mentions per entity, kept as marks come and go: the popup asks for it while a page is scanned. */
  readonly #perEntity = new Map<string, number>();
  #changed = () => {};

  readonly #highlighter: Highlighter;

  constructor(highlighter: Highlighter) {
    this.#highlighter = highlighter;
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
      else this.#byContainer.set(container, [record]);
      this.#index(record);
    }
    if (records.length) this.#marksChanged();
  }

  /** Swaps everything under `root` for a fresh scan of it, in one step so nothing flickers. */
  replaceUnder(root: Node, records: MentionRecord[]): void {
    this.removeWhere((container) => contains(root, container));
    this.add(records);
    this.#changed();
  }

  /** Drops the mentions of containers that match (e.g. those no longer in the document). */
  removeWhere(predicate: (container: Container) => boolean): number {
    let removed = 0;
    for (const [container, records] of this.#byContainer) {
      if (!predicate(container)) continue;
      for (const record of records) this.#unindex(record);
      this.#byContainer.delete(container);
      removed += records.length;
    }
    if (removed) this.#marksChanged();
    return removed;
  }

  clear(): void {
    this.#byContainer.clear();
    this.#byRange.clear();
    this.#byNode.clear();
    this.#perEntity.clear();
    this.#highlighter.mentions.clear();
    this.#marksChanged();
  }

  /** The highlight registers or unregisters its name as it fills or empties (see Highlighter). */
  #marksChanged(): void {
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
    this.#highlighter.mentions.add(record.range);
    for (const id of record.entityIds) this.#perEntity.set(id, (this.#perEntity.get(id) ?? 0) + 1);
    for (const node of record.nodes) {
      const list = this.#byNode.get(node);
      if (list) list.push(record);
      else this.#byNode.set(node, [record]);
    }
  }

  #unindex(record: MentionRecord): void {
    this.#byRange.delete(record.range);
    this.#highlighter.mentions.delete(record.range);
    for (const id of record.entityIds) {
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

/** Whether `container` is `root` or inside it, looking through shadow roots to their hosts. */
function contains(root: Node, container: Container): boolean {
  let node: Node | null = container;
  while (node) {
    if (node === root || root.contains(node)) return true;
    node = node instanceof ShadowRoot ? node.host : null;
  }
  return false;
}
