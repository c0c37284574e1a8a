// @vitest-environment happy-dom
// The page text page notes and selections are anchored in: the walk's segments, open shadow roots
// too, text the reader cannot see left out, walked in slices. Cases and their expected text are in
// test/fixtures/dom/page-text.html.
import { describe, expect, it } from 'vitest';
import { offsetAt, pageText, rangeAt } from '@/src/content/page-text';
import { TaskStats, TimeSlicer } from '@/src/content/time-slicer';
import { expected, loadDomFixture } from './dom-fixtures';

/** Counts the slices a walk was cut into. */
class SliceCount extends TaskStats {
  slices = 0;
  override record(ms: number): void {
    this.slices++;
    super.record(ms);
  }
}

const slicer = (signal = new AbortController().signal, budget = 6, stats?: TaskStats) =>
  new TimeSlicer(window, signal, stats, budget);

describe('pageText, on page-text.html', () => {
  const cases = loadDomFixture('page-text.html');
  it('has its cases', () => expect(cases.length).toBeGreaterThanOrEqual(3));

  for (const { name, root, data } of cases) {
    it(name, async () => {
      const page = await pageText(root, slicer());
      expect(page.text.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n')).toBe(
        expected<string>(data, 'pageText'),
      );
      const quote = data.quote;
      if (!quote) return;
      const start = page.text.indexOf(quote);
      expect(start).toBeGreaterThanOrEqual(0);
      const range = rangeAt(page, start, start + quote.length);
      expect(range?.toString()).toBe(quote);
      if (!range) return;
      expect(offsetAt(page, range.startContainer, range.startOffset, false)).toBe(start);
      expect(offsetAt(page, range.endContainer, range.endOffset, true)).toBe(start + quote.length);
    });
  }

  it('reports the open shadow roots it walks', async () => {
    const met: ShadowRoot[] = [];
    const root = cases[2]?.root as HTMLElement;
    await pageText(root, slicer(), { onShadowRoot: (shadow) => met.push(shadow) });
    expect(met).toEqual([root.querySelector('div')?.shadowRoot]);
  });
});

describe('pageText, in slices', () => {
  const longPage = () => {
    const section = document.createElement('section');
    for (let i = 0; i < 1000; i++) {
      const p = document.createElement('p');
      p.append(
        `Paragraph ${i} mentions `,
        Object.assign(document.createElement('b'), { textContent: 'NATO' }),
      );
      section.append(p);
    }
    document.body.replaceChildren(section);
    return section;
  };

  it('pauses on a long page and still reads all of it', async () => {
    const stats = new SliceCount();
    const page = await pageText(longPage(), slicer(undefined, 0, stats));
    expect(page.segments).toHaveLength(1000);
    expect(page.text.split('\n')[999]).toBe('Paragraph 999 mentions NATO');
    // Every few hundred nodes a chance to pause; a budget of 0 takes each one.
    expect(stats.slices).toBeGreaterThan(5);
  });

  it('stops when its work is no longer wanted', async () => {
    const controller = new AbortController();
    const reading = pageText(longPage(), slicer(controller.signal, 0));
    controller.abort();
    await expect(reading).rejects.toThrow();
  });
});
