// @vitest-environment happy-dom
// The page walk: which runs of text it yields (from test/fixtures/dom/walk.html, where each case
// carries the segments it must give), and that the walk and skipsSubtree follow one rule.
import { describe, expect, it } from 'vitest';
import {
  blockOf,
  INLINE,
  isInline,
  pointAt,
  type Segment,
  SKIPPED,
  segmentsUnder,
  skipsSubtree,
} from '@/src/content/walk';
import { expected, loadDomFixture } from './dom-fixtures';

/** The segments under `root` and the open shadow roots met, shadow roots after (as the scanner does). */
function walk(root: Node): Segment[] {
  const roots = [root];
  const segments: Segment[] = [];
  for (let i = 0; i < roots.length; i++) {
    for (const segment of segmentsUnder(roots[i] as Node, { onShadowRoot: (shadow) => roots.push(shadow) })) {
      if (segment) segments.push(segment);
    }
  }
  return segments;
}

describe('segmentsUnder, on walk.html', () => {
  const cases = loadDomFixture('walk.html');
  it('has its cases', () => expect(cases.length).toBeGreaterThanOrEqual(8));
  for (const { name, root, data } of cases) {
    it(name, () => {
      expect(walk(root).map((s) => s.text.trim().replace(/\s+/g, ' '))).toEqual(
        expected<string[]>(data, 'segments'),
      );
    });
  }

  it('records where each text node starts, and maps offsets back to nodes', () => {
    const [segment] = walk(cases[1]?.root as Node);
    if (!segment) throw new Error('no segment');
    expect(segment.starts).toEqual(
      segment.nodes.map((_, i) => segment.nodes.slice(0, i).reduce((n, node) => n + node.data.length, 0)),
    );
    expect(segment.nodes.map((node) => node.data)).toEqual(['Washington ', 'Sum', 'mit', ' in ', 'July']);
    // "Summit" starts in "Sum" and ends in "mit".
    const start = segment.text.indexOf('Summit');
    expect(pointAt(segment, start)).toEqual({ node: segment.nodes[1], offset: 0 });
    expect(pointAt(segment, start + 6, true)).toEqual({ node: segment.nodes[2], offset: 3 });
    expect(blockOf(segment.nodes[2] as Node)).toBe(cases[1]?.root.querySelector('p'));
  });
});

/** Every kind of element the walk has a rule for, and some it treats as ordinary blocks. */
const KINDS = [...SKIPPED, ...INLINE, 'p', 'div', 'li', 'td', 'h2', 'section', 'article', 'custom-card'];

/** `before <kind>inside</kind> after` in a paragraph, built with DOM calls (void elements too). */
function around(make: (doc: Document) => Element): { paragraph: HTMLElement; element: Element } {
  const paragraph = document.createElement('p');
  const element = make(document);
  element.append('inside');
  paragraph.append('before ', element, ' after');
  document.body.replaceChildren(paragraph);
  return { paragraph, element };
}

describe('one rule for what is not reading text', () => {
  const variants: Array<[string, (doc: Document) => Element]> = [
    ...KINDS.map((kind): [string, (doc: Document) => Element] => [kind, (doc) => doc.createElement(kind)]),
    ...KINDS.map((kind): [string, (doc: Document) => Element] => [
      `${kind} hidden`,
      (doc) => {
        const element = doc.createElement(kind);
        element.setAttribute('hidden', '');
        return element;
      },
    ]),
    ['svg', (doc) => doc.createElementNS('http://www.w3.org/2000/svg', 'svg')],
    ['svg text', (doc) => doc.createElementNS('http://www.w3.org/2000/svg', 'text')],
    ['math', (doc) => doc.createElementNS('http://www.w3.org/1998/Math/MathML', 'math')],
  ];

  for (const [label, make] of variants) {
    it(`the walk and skipsSubtree agree on <${label}>`, () => {
      const { paragraph, element } = around(make);
      const texts = walk(paragraph).map((s) => s.text);
      const skipped = skipsSubtree(element);
      // Skipped: its text is left out, and the run ends at it. Otherwise its text is walked, in the
      // same run as the text around it exactly when it is inline.
      if (skipped) expect(texts).toEqual(['before ', ' after']);
      else if (isInline(element)) expect(texts).toEqual(['before inside after']);
      else expect(texts).toEqual(['before ', 'inside', ' after']);
    });
  }

  it('skips exactly the listed elements, the hidden ones and other namespaces', () => {
    for (const kind of KINDS) {
      expect(skipsSubtree(document.createElement(kind)), kind).toBe(SKIPPED.has(kind));
    }
    expect(skipsSubtree(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))).toBe(true);
  });
});
