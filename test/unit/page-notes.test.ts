// @vitest-environment happy-dom
// Page notes on a page: each quote found again is marked under "gloss-note", the notes whose quote
// is gone are reported, and the name is in the page's highlight registry only while a quote is
// marked (happy-dom has no CSS Custom Highlight API: a Map and a Set stand in, as in highlighter.test.ts).
import { describe, expect, it } from 'vitest';
import { NOTE_HIGHLIGHT } from '@/src/content/highlighter';
import { PageNotes } from '@/src/content/page-notes';
import { locateQuotes } from '@/src/content/quotes';
import type { NoteRecord } from '@/src/core/records';

class FakeHighlight extends Set<AbstractRange> {}

function note(id: string, exact: string, prefix = '', suffix = ''): NoteRecord {
  return {
    id,
    entityKey: '',
    entityName: '',
    text: `note ${id}`,
    pageUrl: location.href,
    pageTitle: '',
    quote: exact,
    selector: { exact, prefix, suffix },
    createdAt: 0,
    updatedAt: 0,
  };
}

function setup(notes: NoteRecord[]) {
  document.body.innerHTML =
    '<p>Jens Stoltenberg opened the <b>Washington</b> Summit.</p><p hidden>Hidden Kyiv</p><div id="host"></div>';
  const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
  shadow.innerHTML = '<p>Wiesbaden hosts the command.</p>';
  const registry = new Map<string, FakeHighlight>();
  const reports: Array<{ found: string[]; missing: string[] }> = [];
  const win = Object.assign(window, { Highlight: FakeHighlight }) as unknown as Window;
  const notesOnPage = new PageNotes(
    win,
    registry as unknown as HighlightRegistry,
    {
      list: async () => notes,
      report: async (_url, found, missing) => {
        reports.push({ found, missing });
      },
      locate: async () => locateQuotes,
    },
    {},
  );
  return { registry, reports, notesOnPage };
}

describe('PageNotes', () => {
  it('marks the quotes it finds — in open shadow roots too — and reports the missing ones', async () => {
    const { registry, reports, notesOnPage } = setup([
      note('a', 'Washington Summit', 'opened the '),
      note('b', 'hosts the command'),
      note('c', 'Hidden Kyiv'),
      note('d', 'not on this page'),
    ]);
    await notesOnPage.refresh();
    const marked = [...(registry.get(NOTE_HIGHLIGHT) ?? [])].map((range) => range.toString());
    expect(marked).toEqual(['Washington Summit', 'hosts the command']);
    expect(reports).toEqual([{ found: ['a', 'b'], missing: ['c', 'd'] }]);
  });

  it('registers gloss-note only while a quote is marked', async () => {
    const none = setup([note('d', 'not on this page')]);
    await none.notesOnPage.refresh();
    expect(none.registry.size).toBe(0);

    const some = setup([note('a', 'Washington Summit')]);
    await some.notesOnPage.refresh();
    expect([...some.registry.keys()]).toEqual([NOTE_HIGHLIGHT]);
    some.notesOnPage.clear();
    expect(some.registry.size).toBe(0);
  });
});
