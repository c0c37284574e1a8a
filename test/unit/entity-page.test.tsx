// @vitest-environment happy-dom
// The manager's entity page (issue 13): the facts on a timeline by source date, the sources, the
// aliases with their packs, linked entities with unlink and "link to…", notes, "appears with"
// (each opening its own page) and "seen on"; and the settings' fact order and history controls.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SourceRecord } from '@/src/core/records';
import type { EntityPageView } from '@/src/messaging/protocol';
import { cardFact, russia, settle, sourceRecord, testRoot } from './ui-fixtures';

const sent: Array<{ key: string; data: unknown }> = [];
vi.mock('@/src/messaging/protocol', () => ({
  MY_KNOWLEDGE_PACK: 'my-knowledge',
  sendMessage: async (key: string, data: unknown) => {
    sent.push({ key, data });
    // The search lists identities (one per real thing); a pick links to it as it is.
    if (key === 'listIdentities')
      return {
        total: 1,
        entities: [
          { key: 'i:moscow', packId: 'b', name: 'Moscow', type: 'place', aliases: [], factCount: 2 },
        ],
      };
    return null;
  },
}));

const { EntityPageBody } = await import('@/src/ui/manager/EntityPage');
const { GraphSettings } = await import('@/src/ui/manager/GraphSettings');

const source = (id: string, packId: string, publishedAt?: string) =>
  sourceRecord(id, packId, publishedAt, { title: 'Article', site: 'https://news.example' });
const jan = source('jan', 'a', '2024-01-10');
const jun = source('jun', 'b', '2024-06-14');

function page(overrides: Partial<EntityPageView> = {}): EntityPageView {
  const fact = (id: string, text: string, s: SourceRecord, alsoIn: SourceRecord[] = []) =>
    cardFact(id, text, s, { alsoIn, entityKey: `${s.packId}/russia` });
  return {
    entity: russia({ aliases: ['Russian Federation'] }),
    pack: { id: 'a', title: 'Pack A' },
    identity: {
      id: 'i:russia',
      sourceCount: 2,
      packs: [
        { id: 'a', title: 'Pack A' },
        { id: 'b', title: 'Pack B' },
      ],
      memberKeys: ['a/russia', 'b/russia'],
    },
    facts: [
      fact('f1', 'January fact', jan),
      fact('f2', 'June fact', jun),
      fact('f3', 'Shared fact', jan, [jun]),
    ],
    notes: [
      {
        id: 'n1',
        entityKey: 'a/russia',
        entityName: 'Russia',
        text: 'My note on Russia',
        pageUrl: '',
        pageTitle: '',
        quote: '',
        createdAt: 1,
        updatedAt: 1,
      },
    ],
    aliases: [
      { text: 'Russia', packId: 'a', packTitle: 'Pack A' },
      { text: 'Russian Federation', packId: 'b', packTitle: 'Pack B' },
    ],
    sources: [
      { ...jan, packTitle: 'Pack A', factCount: 2 },
      { ...jun, packTitle: 'Pack B', factCount: 1 },
    ],
    members: [
      { key: 'a/russia', name: 'Russia', packId: 'a', packTitle: 'Pack A', manual: false },
      { key: 'b/russia', name: 'Russia', packId: 'b', packTitle: 'Pack B', manual: true },
    ],
    appearsWith: [
      { key: 'i:ukraine', name: 'Ukraine', type: 'place', count: 5 },
      { key: 'i:nato', name: 'NATO', type: 'organization', count: 1 },
    ],
    seenOn: [
      {
        url: 'https://news.example/today',
        title: 'Today’s news',
        count: 3,
        firstSeenAt: Date.UTC(2024, 5, 1, 9),
        lastSeenAt: Date.UTC(2024, 5, 20, 9),
      },
      { url: 'javascript:alert(1)', title: 'Evil', count: 1, firstSeenAt: 0, lastSeenAt: 0 },
    ],
    ...overrides,
  };
}

const root = testRoot();
beforeEach(() => {
  sent.length = 0;
});

const flush = () => settle(200);
const $ = (selector: string) => root.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
const sectionNamed = (title: string) =>
  $$('section').find((s) => s.querySelector('h2')?.textContent === title) ?? null;

async function show(props: Partial<Parameters<typeof EntityPageBody>[0]> = {}) {
  await act(() =>
    render(
      <EntityPageBody
        page={page()}
        settings={{ factOrder: 'newest', history: true }}
        onChanged={() => {}}
        {...props}
      />,
      root,
    ),
  );
}

describe('EntityPageBody', () => {
  it('puts the facts on a timeline by source date, newest first, each with all its sources', async () => {
    await show();
    const entries = $$('[data-testid="timeline"] > li');
    expect(entries.map((e) => e.querySelector('h3')?.textContent)).toEqual(['14 Jun 2024', '10 Jan 2024']);
    expect(entries.map((e) => [...e.querySelectorAll('.gloss-fact-text')].map((p) => p.textContent))).toEqual(
      [['June fact'], ['January fact', 'Shared fact']],
    );
    const shared = entries[1]!.querySelectorAll('.gloss-facts > li')[1]!;
    expect([...shared.querySelectorAll('a')].map((a) => a.textContent)).toEqual([
      'Article jan',
      'Article jun',
    ]);
  });

  it('follows the fact order setting: oldest first', async () => {
    await show({ settings: { factOrder: 'oldest', history: true } });
    expect($$('[data-testid="timeline"] > li h3').map((h) => h.textContent)).toEqual([
      '10 Jan 2024',
      '14 Jun 2024',
    ]);
  });

  it('lists the sources with their packs and fact counts, and the aliases with their packs', async () => {
    await show();
    expect($('[data-testid="source-count"]')?.textContent).toBe('From 2 sources in Pack A, Pack B');
    const sources = $$('[data-testid="entity-sources"] > li').map((li) => li.textContent);
    expect(sources).toEqual([
      'Article jan · 10 Jan 2024 · Pack A · 2 facts',
      'Article jun · 14 Jun 2024 · Pack B · 1 fact',
    ]);
    const aliases = $$('[data-testid="entity-aliases"] > li').map((li) => li.textContent);
    expect(aliases).toEqual(['Russia from Pack A', 'Russian Federation from Pack B']);
  });

  it('links each "appears with" identity to its own page', async () => {
    await show();
    const links = $$('[data-testid="appears-with"] a');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Ukraine', '#entity/i%3Aukraine'],
      ['NATO', '#entity/i%3Anato'],
    ]);
    expect($('[data-testid="appears-with"]')?.textContent).toContain('together 5 times');
  });

  it('shows "seen on" rows with title, address, last seen and how often; only web links', async () => {
    await show();
    const rows = $$('[data-testid="seen-on"] tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.querySelector('a')?.getAttribute('href')).toBe('https://news.example/today');
    expect(rows[0]!.textContent).toContain('Today’s news');
    expect(rows[0]!.textContent).toContain('https://news.example/today');
    expect(rows[0]!.querySelector('time')?.getAttribute('datetime')).toBe('2024-06-20T09:00:00.000Z');
    expect(rows[0]!.textContent).toContain('3 times');
    expect(rows[1]!.querySelector('a')).toBeNull();
    expect(root.innerHTML).not.toContain('href="javascript:');
  });

  it('says why "seen on" is empty', async () => {
    await show({ page: page({ seenOn: [] }), settings: { factOrder: 'newest', history: false } });
    expect(sectionNamed('Seen on')?.textContent).toContain('Gloss does not remember pages');
  });

  it('shows the notes of the identity', async () => {
    await show();
    expect(root.querySelector('.gloss-note-text')?.textContent).toBe('My note on Russia');
  });

  it('unlinks a member into an identity of its own, and links one to another identity', async () => {
    const linkEntity = vi.fn(async () => {});
    const onChanged = vi.fn();
    await show({ linkEntity, onChanged });
    const members = $$('[data-testid="members"] > li');
    expect(members.map((m) => m.dataset.memberKey)).toEqual(['a/russia', 'b/russia']);
    expect(members[1]!.textContent).toContain('Linked by you');
    await act(() => members[1]!.querySelector<HTMLButtonElement>('button[aria-label^="Unlink"]')!.click());
    await flush();
    expect(linkEntity).toHaveBeenCalledWith('b/russia', null);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(root.textContent).toContain('is now an entity of its own');

    await act(() => members[0]!.querySelector<HTMLButtonElement>('button[aria-label^="Link to…"]')!.click());
    await flush();
    const choice = root.querySelector<HTMLButtonElement>('.gloss-picker-results button');
    expect(choice?.textContent).toContain('Moscow');
    await act(() => choice!.click());
    await flush();
    expect(linkEntity).toHaveBeenLastCalledWith('a/russia', 'i:moscow');
  });

  it('offers no unlink for an identity of one entity', async () => {
    await show({ page: page({ members: [page().members[0]!] }) });
    expect($('[data-testid="members"] button[aria-label^="Unlink"]')).toBeNull();
    expect($('[data-testid="members"] button[aria-label^="Link to…"]')).toBeTruthy();
  });
});

describe('EntityPageBody for My knowledge', () => {
  it('edits the My-knowledge entity itself, also when the page was opened by identity id', async () => {
    const mine = page();
    mine.entity = { ...mine.entity, key: 'i:russia', packId: 'my-knowledge' };
    mine.members = [
      {
        key: 'my-knowledge/russia',
        name: 'Russia',
        packId: 'my-knowledge',
        packTitle: 'My knowledge',
        manual: false,
      },
    ];
    await show({ page: mine });
    await act(() =>
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Delete entity…')!.click(),
    );
    await flush();
    await act(() =>
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Delete entity')!.click(),
    );
    await flush();
    expect(sent.find((m) => m.key === 'deleteEntity')?.data).toEqual({ key: 'my-knowledge/russia' });
  });
});

describe('GraphSettings', () => {
  it('switches the fact order and the history, and clears the history', async () => {
    const save = vi.fn();
    const clearHistory = vi.fn(async () => {});
    await act(() =>
      render(
        <GraphSettings
          settings={{ factOrder: 'newest', history: true }}
          save={save}
          clearHistory={clearHistory}
        />,
        root,
      ),
    );
    const radios = $$('input[type="radio"]') as HTMLInputElement[];
    expect(radios.map((r) => r.checked)).toEqual([true, false]);
    await act(() => radios[1]!.click());
    expect(save.mock.calls.at(-1)?.[0]()).toEqual({ factOrder: 'oldest' });
    const history = $('input[type="checkbox"]') as HTMLInputElement;
    expect(history.checked).toBe(true);
    expect(history.closest('label')?.textContent).toBe('Remember pages where Gloss marked an entity');
    await act(() => history.click());
    expect(save.mock.calls.at(-1)?.[0]()).toEqual({ history: false });
    await act(() =>
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Clear history')!.click(),
    );
    await flush();
    expect(clearHistory).toHaveBeenCalledTimes(1);
    expect(root.textContent).toContain('History cleared.');
  });
});
