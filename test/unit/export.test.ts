import { describe, expect, it } from 'vitest';
import {
  ALL_NOTES,
  escapeMarkdown,
  filterNotes,
  formatBytes,
  type NoteLike,
  normalizeHost,
  noteFacets,
  notesToMarkdown,
} from '@/src/core/export';

const T0 = Date.UTC(2024, 5, 14, 9, 5);
const DAY = 86_400_000;

function note(overrides: Partial<NoteLike> = {}): NoteLike {
  return {
    id: 'n1',
    entityKey: 'nato/wiesbaden',
    entityName: 'Wiesbaden',
    text: 'Check the HQ opening date',
    pageUrl: 'https://example.org/article',
    pageTitle: 'NATO plan',
    quote: 'The headquarters will be located in Wiesbaden.',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

describe('notesToMarkdown', () => {
  it('groups notes by entity, A–Z, each with its text, quote, page link and dates', () => {
    const md = notesToMarkdown([
      note({ id: 'a', text: 'Second on Wiesbaden', createdAt: T0 + 1000, updatedAt: T0 + DAY }),
      note({ id: 'b', entityKey: 'nato/berlin', entityName: 'Berlin', text: 'About Berlin' }),
      note({ id: 'c', text: 'First on Wiesbaden' }),
    ]);
    const berlin = md.indexOf('## Berlin');
    const wiesbaden = md.indexOf('## Wiesbaden');
    expect(berlin).toBeGreaterThan(-1);
    expect(wiesbaden).toBeGreaterThan(berlin);
    expect(md.match(/^## /gm)).toHaveLength(2);
    // Oldest first inside a group.
    expect(md.indexOf('First on Wiesbaden')).toBeLessThan(md.indexOf('Second on Wiesbaden'));
    expect(md.indexOf('First on Wiesbaden')).toBeGreaterThan(wiesbaden);
    expect(md).toContain('> The headquarters will be located in Wiesbaden.');
    expect(md).toContain('Page: [NATO plan](<https://example.org/article>)');
    expect(md).toContain('Written 2024-06-14 09:05 UTC');
    expect(md).toContain('Written 2024-06-14 09:05 UTC, edited 2024-06-15 09:05 UTC');
    expect(md.startsWith('# Gloss notes\n')).toBe(true);
    expect(md).toContain('3 notes');
  });

  it('escapes Markdown in user text so it renders as text', () => {
    const md = notesToMarkdown([
      note({
        entityName: '# Not a heading',
        text: '**bold** _it_ [link](javascript:alert(1)) <img src=x onerror=alert(1)> #tag `code` a|b ~x~ &amp;',
        quote: '- not a list\n1. not ordered\n> not nested',
        pageTitle: 'Title ] with [brackets',
      }),
    ]);
    expect(md).toContain('## \\# Not a heading');
    expect(md).toContain(
      '\\*\\*bold\\*\\* \\_it\\_ \\[link\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\#tag \\`code\\` a\\|b \\~x\\~ \\&amp;',
    );
    expect(md).toContain('> \\- not a list\\\n> 1\\. not ordered\\\n> \\> not nested');
    expect(md).toContain('[Title \\] with \\[brackets](<https://example.org/article>)');
    expect(md).not.toMatch(/(^|[^\\])<img/);
  });

  it('links only http(s) pages and marks orphaned groups', () => {
    const md = notesToMarkdown([
      note({ pageUrl: 'javascript:alert(1)', pageTitle: '', orphaned: true, entityName: 'Gone' }),
    ]);
    expect(md).toContain('## Gone (orphaned)');
    expect(md).not.toContain('](');
    expect(md).toContain('Page: javascript:alert(1)');
  });

  it('keeps paragraphs and line breaks of multi-line notes', () => {
    const md = notesToMarkdown([note({ text: 'line one\nline two\n\nnew paragraph' })]);
    expect(md).toContain('line one\\\nline two\n\nnew paragraph');
  });
});

describe('escapeMarkdown', () => {
  it('escapes markup characters and line-start markers only where they are markup', () => {
    expect(escapeMarkdown('a-b 1. c')).toBe('a-b 1. c');
    expect(escapeMarkdown('- a\n+ b\n= c\n12) d')).toBe('\\- a\n\\+ b\n\\= c\n12\\) d');
    expect(escapeMarkdown('    code')).toBe('code');
    expect(escapeMarkdown('\\')).toBe('\\\\');
  });
});

describe('filterNotes', () => {
  const NOW = T0 + 40 * DAY;
  const notes = [
    note({ id: 'old', text: 'Ancient note', createdAt: T0, updatedAt: T0 }),
    note({
      id: 'recent',
      entityKey: 'nato/berlin',
      entityName: 'Berlin',
      text: 'Fresh café note',
      pageUrl: 'https://news.example.com/x',
      createdAt: NOW - 2 * DAY,
      updatedAt: NOW - DAY,
    }),
    note({
      id: 'orphan',
      entityName: 'Atlantis',
      entityKey: 'gone/atlantis',
      orphaned: true,
      createdAt: NOW - 20 * DAY,
      updatedAt: NOW - 20 * DAY,
    }),
  ];
  const ids = (q: Partial<typeof ALL_NOTES>) =>
    filterNotes(notes, { ...ALL_NOTES, ...q }, NOW).map((n) => n.id);

  it('sorts by newest edit, oldest, and entity A–Z', () => {
    expect(ids({})).toEqual(['recent', 'orphan', 'old']);
    expect(ids({ sort: 'oldest' })).toEqual(['old', 'orphan', 'recent']);
    expect(ids({ sort: 'entity' })).toEqual(['orphan', 'recent', 'old']);
  });

  it('searches every word, ignoring case and accents', () => {
    expect(ids({ text: 'CAFE fresh' })).toEqual(['recent']);
    expect(ids({ text: 'nothing-like-this' })).toEqual([]);
    expect(ids({ text: 'headquarters' })).toHaveLength(3);
  });

  it('filters by entity, orphaned, site and date', () => {
    expect(ids({ entity: 'nato/berlin' })).toEqual(['recent']);
    expect(ids({ entity: 'orphaned' })).toEqual(['orphan']);
    expect(ids({ site: 'news.example.com' })).toEqual(['recent']);
    expect(ids({ date: '7' })).toEqual(['recent']);
    expect(ids({ date: '30' })).toEqual(['recent', 'orphan']);
  });

  it('lists the entities and sites to filter by', () => {
    expect(noteFacets(notes)).toEqual({
      entities: [
        { key: 'gone/atlantis', name: 'Atlantis' },
        { key: 'nato/berlin', name: 'Berlin' },
        { key: 'nato/wiesbaden', name: 'Wiesbaden' },
      ],
      sites: ['example.org', 'news.example.com'],
    });
  });
});

describe('small helpers', () => {
  it('formats sizes and normalises typed hosts', () => {
    expect(formatBytes(12.3 * 1024 * 1024)).toBe('12.3 MB');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(normalizeHost('https://www.Example.org/path')).toBe('www.example.org');
    expect(normalizeHost('example.org')).toBe('example.org');
    expect(normalizeHost('  ')).toBeNull();
    expect(normalizeHost('not a host')).toBeNull();
  });
});

describe('page notes (notes on a selection)', () => {
  const page = note({
    id: 'p1',
    entityKey: '',
    entityName: '',
    text: 'Where exactly?',
    quote: 'located in Wiesbaden',
    selector: { exact: 'located in Wiesbaden', prefix: 'will be ', suffix: ' in southern' },
  });

  it('group under "Page notes" in Markdown, with their quote', () => {
    const md = notesToMarkdown([note(), page]);
    expect(md).toContain('## Page notes\n\nWhere exactly?\n\n> located in Wiesbaden');
    expect(md.indexOf('## Page notes')).toBeLessThan(md.indexOf('## Wiesbaden'));
  });

  it('have a filter of their own and are no entity facet', () => {
    expect(filterNotes([note(), page], { ...ALL_NOTES, entity: 'page' }, T0).map((n) => n.id)).toEqual([
      'p1',
    ]);
    expect(noteFacets([note(), page]).entities).toEqual([{ key: 'nato/wiesbaden', name: 'Wiesbaden' }]);
  });
});
