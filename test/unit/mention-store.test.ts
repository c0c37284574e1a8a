// @vitest-environment happy-dom
// The page's mention store keeps per-entity counts as marks come and go (the popup reads them while
// a page is being scanned): they must always equal a count over the marks themselves.
import { describe, expect, it } from 'vitest';
import type { Highlighter } from '@/src/content/highlighter';
import { type MentionRecord, MentionStore } from '@/src/content/mentions';
import type { Segment } from '@/src/content/walk';

function setup() {
  const mentions = new Set<AbstractRange>();
  const store = new MentionStore({ mentions, sync() {} } as unknown as Highlighter);
  const blocks = [document.createElement('p'), document.createElement('p')];
  document.body.append(...blocks);
  const record = (block: HTMLElement, ...entityIds: string[]): MentionRecord => {
    const text = document.createTextNode('NATO');
    block.append(text);
    const segment: Segment = { container: block, nodes: [text], starts: [0], text: 'NATO' };
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 4);
    return { range, entityIds, segment, start: 0, end: 4, nodes: [text] };
  };
  /** What counts() must say: counted from the store's own marks. */
  const recount = () => {
    const counts = new Map<string, number>();
    for (const m of store.all()) for (const id of m.entityIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  };
  return { store, blocks, record, recount, mentions };
}

describe('MentionStore counts', () => {
  it('follows adds, rescans, removals and clear', () => {
    const { store, blocks, record, recount, mentions } = setup();
    const [a, b] = blocks as unknown as [HTMLElement, HTMLElement];
    store.add([record(a, 'nato'), record(a, 'nato'), record(b, 'orban', 'hungary')]);
    expect(new Map(store.counts())).toEqual(
      new Map([
        ['nato', 2],
        ['orban', 1],
        ['hungary', 1],
      ]),
    );
    expect(new Map(store.counts())).toEqual(recount());

    store.replace(store.under([a]).get(a) ?? [], [record(a, 'kyiv')]);
    expect(new Map(store.counts())).toEqual(
      new Map([
        ['orban', 1],
        ['hungary', 1],
        ['kyiv', 1],
      ]),
    );
    expect(new Map(store.counts())).toEqual(recount());

    b.remove();
    store.removeWhere((container) => !(container as Element).isConnected);
    expect(new Map(store.counts())).toEqual(new Map([['kyiv', 1]]));
    expect(mentions.size).toBe(1);

    store.clear();
    expect(store.counts().size).toBe(0);
    expect(store.size).toBe(0);
  });
});
