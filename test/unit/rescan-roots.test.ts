// @vitest-environment happy-dom
// A rescan of many changed blocks stays linear: the watcher keeps the outermost changed blocks by
// walking up parents (not each block against each), and the mention store finds each root's
// containers in one pass over the containers (not one pass per root). Cases from a fixture page.
import { describe, expect, it } from 'vitest';
import type { Highlighter } from '@/src/content/highlighter';
import { type Container, type MentionRecord, MentionStore } from '@/src/content/mentions';
import { outermost } from '@/src/content/watch';
import { expected, loadDomFixture } from './dom-fixtures';

const cases = loadDomFixture('hostile-rewrite-roots.html');

/** The node a fixture name stands for ("X/shadow": X's shadow root), and back. */
function byName(root: HTMLElement, name: string): Element | ShadowRoot {
  const [id, shadow] = name.split('/');
  const find = (scope: ParentNode): Element | null =>
    scope.querySelector(`[data-id="${id}"]`) ??
    [...scope.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean) ??
    null;
  const element = find(root);
  if (!element) throw new Error(`no ${name} in the fixture`);
  return shadow ? (element.shadowRoot as ShadowRoot) : element;
}
const nameOf = (node: Node): string =>
  node instanceof ShadowRoot ? `${nameOf(node.host)}/shadow` : ((node as HTMLElement).dataset.id ?? '?');

/** A mention held by `container` (only its container matters to the index). */
function mention(container: Container): MentionRecord {
  const text = document.createTextNode('Kyiv');
  const range = document.createRange();
  return {
    range,
    entityIds: ['kyiv'],
    segment: { container, nodes: [text], starts: [0], text: 'Kyiv' },
    start: 0,
    end: 4,
    nodes: [text],
  };
}

const newStore = () =>
  new MentionStore({ mentions: new Set<AbstractRange>(), sync() {} } as unknown as Highlighter);

describe('outermost changed blocks', () => {
  const dirtyCases = cases.filter((c) => c.data.dirty);
  it('has its cases', () => expect(dirtyCases.length).toBeGreaterThanOrEqual(3));
  for (const { name, root, data } of dirtyCases) {
    it(name, () => {
      const dirty = expected<string[]>(data, 'dirty').map((n) => byName(root, n));
      expect(outermost(dirty).map(nameOf)).toEqual(expected(data, 'outermost'));
    });
  }

  it('keeps 20,000 sibling blocks and drops 20,000 nested ones in linear time', () => {
    const parent = document.createElement('div');
    const blocks = Array.from({ length: 20_000 }, () => parent.appendChild(document.createElement('p')));
    const inner = blocks.map((p) => p.appendChild(document.createElement('span')));
    document.body.append(parent);
    const started = performance.now();
    expect(outermost([...inner, ...blocks])).toEqual(blocks);
    // Each against each: 1.6 billion checks, minutes; walking up: a few hundred ms at most here.
    expect(performance.now() - started).toBeLessThan(2000);
    parent.remove();
  });
});

describe("the mention store's containers per root", () => {
  const underCases = cases.filter((c) => c.data.under);
  it('has its cases', () => expect(underCases.length).toBeGreaterThanOrEqual(2));
  for (const { name, root, data } of underCases) {
    it(name, () => {
      const store = newStore();
      store.add(expected<string[]>(data, 'containers').map((n) => mention(byName(root, n))));
      const roots = expected<string[]>(data, 'roots').map((n) => byName(root, n));
      const found = store.under(roots);
      const want = expected<Record<string, string[]>>(data, 'under');
      expect(Object.fromEntries([...found].map(([r, list]) => [nameOf(r), list.map(nameOf)]))).toEqual(
        Object.fromEntries(roots.map((r) => [nameOf(r), want[nameOf(r)] ?? []])),
      );
      // Swapping one root's containers leaves the others' mentions alone.
      const first = roots[0] as Node;
      const before = store.size;
      store.replace(found.get(first) ?? [], []);
      expect(store.size).toBe(before - (want[nameOf(first)]?.length ?? 0));
    });
  }

  it('finds the containers of 20,000 roots in one pass', () => {
    const page = document.createElement('div');
    const roots = Array.from({ length: 20_000 }, () => page.appendChild(document.createElement('section')));
    const store = newStore();
    store.add(roots.map((r) => mention(r.appendChild(document.createElement('p')))));
    document.body.append(page);
    const started = performance.now();
    const found = store.under(roots);
    for (const r of roots) store.replace(found.get(r) ?? [], []);
    expect(store.size).toBe(0);
    // One pass per root would be 400 million steps.
    expect(performance.now() - started).toBeLessThan(2000);
    page.remove();
  });
});
