// @vitest-environment happy-dom
// The highlighter and the page's highlight registry. happy-dom has no CSS Custom Highlight API, so
// the registry is a Map and a Highlight a Set of ranges, as in the browser. Marks come from
// test/fixtures/dom/marks.html, where each case carries the aliases it is matched against and the
// marks it must get; Gloss's names are in the registry only while they have ranges.
import { describe, expect, it } from 'vitest';
import { ACTIVE_HIGHLIGHT, HIGHLIGHT_NAMES, Highlighter } from '@/src/content/highlighter';
import { mentionsFrom } from '@/src/content/match-scheduler';
import { MentionStore } from '@/src/content/mentions';
import { segmentsUnder } from '@/src/content/walk';
import { createMatcher } from '@/src/core/matcher';
import { expected, loadDomFixture } from './dom-fixtures';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

function setup() {
  const registry = new Map<string, FakeHighlight>();
  const win = { Highlight: FakeHighlight } as unknown as Window;
  const highlighter = new Highlighter(registry as unknown as HighlightRegistry, win);
  const store = new MentionStore(highlighter);
  return { registry, highlighter, store };
}

/** Walks `root`, matches its text against `aliases` and adds the marks to the store. */
function mark(store: MentionStore, root: Node, aliases: Array<[string, string]>): void {
  const matcher = createMatcher(aliases.map(([alias, entityId]) => ({ alias, entityId })));
  for (const segment of segmentsUnder(root)) {
    if (segment) store.add(mentionsFrom(segment, matcher.findAll(segment.text)));
  }
}

describe('marks, on marks.html', () => {
  const cases = loadDomFixture('marks.html');
  it('has its cases', () => expect(cases.length).toBeGreaterThanOrEqual(3));

  for (const { name, root, data } of cases) {
    it(name, () => {
      const { registry, highlighter, store } = setup();
      highlighter.show('underline');
      mark(store, root, expected(data, 'aliases'));
      const marks = expected<string[]>(data, 'marks');
      expect(store.all().map((m) => m.range.toString())).toEqual(marks);
      // Registered under the style's name exactly when there is something to mark.
      const registered = registry.get(HIGHLIGHT_NAMES.underline);
      expect([...(registered ?? [])].map((range) => range.toString()).sort()).toEqual([...marks].sort());
      expect([...registry.keys()]).toEqual(marks.length ? [HIGHLIGHT_NAMES.underline] : []);
    });
  }
});

describe('the highlight registry', () => {
  const paragraph = () => {
    document.body.innerHTML = '<p>Jens Stoltenberg visited Wiesbaden.</p>';
    return document.body;
  };
  const aliases: Array<[string, string]> = [
    ['Jens Stoltenberg', 'e:jens'],
    ['Wiesbaden', 'e:wiesbaden'],
  ];

  it('holds none of Gloss’s names while nothing is marked, even when shown', () => {
    const { registry, highlighter } = setup();
    highlighter.show('tint');
    highlighter.setActive(null);
    expect(registry.size).toBe(0);
  });

  it('registers the style’s name when marks arrive, and removes it when they are all gone', () => {
    const { registry, highlighter, store } = setup();
    highlighter.show('underline');
    mark(store, paragraph(), aliases);
    expect([...registry.keys()]).toEqual(['gloss-underline']);
    store.removeWhere(() => true);
    expect(registry.size).toBe(0);
    mark(store, paragraph(), aliases);
    store.clear();
    expect(registry.size).toBe(0);
  });

  it('moves the marks to the new style’s name, and removes everything when hidden', () => {
    const { registry, highlighter, store } = setup();
    highlighter.show('underline');
    mark(store, paragraph(), aliases);
    highlighter.show('hover');
    expect([...registry.keys()]).toEqual(['gloss-hover']);
    highlighter.hide();
    expect(registry.size).toBe(0);
    // Marks added while hidden register nothing until shown again.
    mark(store, paragraph(), aliases);
    expect(registry.size).toBe(0);
    highlighter.show('underline');
    expect(registry.get('gloss-underline')?.size).toBe(store.size);
  });

  it('registers the hovered mention only while there is one', () => {
    const { registry, highlighter, store } = setup();
    highlighter.show('underline');
    mark(store, paragraph(), aliases);
    const [first] = store.all();
    highlighter.setActive(first?.range ?? null);
    expect(registry.get(ACTIVE_HIGHLIGHT)?.size).toBe(1);
    expect(registry.get(ACTIVE_HIGHLIGHT)?.priority).toBe(1);
    highlighter.setActive(null);
    expect(registry.has(ACTIVE_HIGHLIGHT)).toBe(false);
  });

  it('leaves a highlight the page put under the same name alone', () => {
    const { registry, highlighter, store } = setup();
    highlighter.show('underline');
    mark(store, paragraph(), aliases);
    const pages = new FakeHighlight();
    registry.set('gloss-underline', pages);
    store.clear();
    expect(registry.get('gloss-underline')).toBe(pages);
  });
});
