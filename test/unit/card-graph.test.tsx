// @vitest-environment happy-dom
// The card as an identity's (issue 13): facts from every source ordered by the source's date
// (settings.factOrder), a fact several sources state shown once with all of them, "From N sources",
// a link to the entity page, and 500 facts from 50 sources rendering fast.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SourceRecord } from '@/src/core/records';
import type { EntityView } from '@/src/messaging/protocol';
import { updateSettings } from '@/src/settings/settings';
import { type CardFact, FIRST_FACTS, orderFacts, timeline } from '@/src/ui/card/facts';
import { EntityCard, type EntityCardProps } from '@/src/ui/EntityCard';
import { cardFact, russia, settle, sourceRecord, testRoot } from './ui-fixtures';

const src = (id: string, publishedAt?: string, packId = 'a') => sourceRecord(id, packId, publishedAt);

let n = 0;
const fact = (text: string, source: SourceRecord | null, alsoIn: SourceRecord[] = []): CardFact =>
  cardFact(`f${++n}`, text, source, { alsoIn, quote: `${text} (quoted)`, position: n });

function view(facts: CardFact[], sourceCount = 3): EntityView {
  return {
    entity: russia({ terms: ['russia'] }),
    pack: { id: 'a', title: 'Pack A' },
    identity: {
      id: 'i:russia',
      sourceCount,
      packs: [
        { id: 'a', title: 'Pack A' },
        { id: 'b', title: 'Pack B' },
      ],
      memberKeys: ['a/russia', 'b/russia'],
    },
    facts,
    notes: [],
  };
}

const may = src('may', '2024-05-01');
const june = src('june', '2024-06-14', 'b');
const march = src('march', '2024-03-02T10:00:00Z');
const undated = src('undated');
const facts = [
  fact('March fact', march),
  fact('Undated fact', undated),
  fact('June fact', june),
  fact('May fact', may),
];

const container = testRoot();
beforeEach(() => {
  fakeBrowser.reset();
});

async function renderCard(props: Partial<EntityCardProps> & { view: EntityView }) {
  await act(() => {
    render(<EntityCard onAddNote={vi.fn(async () => {})} {...props} />, container);
  });
}
const texts = () =>
  [...container.querySelectorAll('.gloss-facts > li .gloss-fact-text')].map((p) => p.textContent);
const flush = () => settle(10);

describe('ordering facts by their source date', () => {
  it('puts the newest first, undated last, and keeps pack order for equal dates', () => {
    const same = fact('Also May', may);
    expect(orderFacts([...facts, same], 'newest').map((f) => f.text)).toEqual([
      'June fact',
      'May fact',
      'Also May',
      'March fact',
      'Undated fact',
    ]);
    expect(orderFacts(facts, 'oldest').map((f) => f.text)).toEqual([
      'March fact',
      'May fact',
      'June fact',
      'Undated fact',
    ]);
  });

  it('files a fact whose own source has no date under the date of a source that also states it', () => {
    const shared = fact('Shared', undated, [june]);
    expect(orderFacts([facts[0]!, shared], 'newest').map((f) => f.text)).toEqual(['Shared', 'March fact']);
  });

  it('groups a timeline into runs of one date', () => {
    const runs = timeline([...facts, fact('Also June', june)], 'newest');
    expect(runs.map((r) => [r.date, r.facts.map((f) => f.text)])).toEqual([
      ['2024-06-14', ['June fact', 'Also June']],
      ['2024-05-01', ['May fact']],
      ['2024-03-02T10:00:00Z', ['March fact']],
      [null, ['Undated fact']],
    ]);
  });
});

describe('EntityCard for an identity', () => {
  it('orders facts newest first by default and oldest first when asked', async () => {
    await renderCard({ view: view(facts) });
    expect(texts()).toEqual(['June fact', 'May fact', 'March fact', 'Undated fact']);
    await renderCard({ view: view(facts), factOrder: 'oldest' });
    expect(texts()).toEqual(['March fact', 'May fact', 'June fact', 'Undated fact']);
  });

  it('follows the reader’s fact order setting, also when it changes while the card is open', async () => {
    await updateSettings(() => ({ factOrder: 'oldest' }));
    await renderCard({ view: view(facts) });
    await flush();
    expect(texts()[0]).toBe('March fact');
    await act(async () => {
      await updateSettings(() => ({ factOrder: 'newest' }));
    });
    await flush();
    expect(texts()[0]).toBe('June fact');
  });

  it('leads the facts with "From N sources" and names every pack', async () => {
    await renderCard({ view: view(facts, 4) });
    const line = container.querySelector('[data-testid="source-count"]');
    expect(line?.textContent).toBe('From 4 sources');
    // It leads the list: the first thing in the facts section after its heading.
    expect(line?.nextElementSibling?.classList.contains('gloss-facts')).toBe(true);
    expect(container.querySelector('.gloss-card-pack')?.textContent).toBe('Packs: Pack A, Pack B');
    await renderCard({ view: view([facts[0]!], 1) });
    expect(container.querySelector('[data-testid="source-count"]')?.textContent).toBe('From 1 source');
  });

  it('shows a fact several sources state once, listing each of its sources with its date', async () => {
    const shared = fact('Russia borders Ukraine.', may, [june, march]);
    await renderCard({ view: view([shared]) });
    const rows = container.querySelectorAll('.gloss-facts > li');
    expect(rows).toHaveLength(1);
    const links = [...rows[0]!.querySelectorAll('a')].map((a) => a.textContent);
    expect(links).toEqual(['Source may', 'Source june', 'Source march']);
    const dates = [...rows[0]!.querySelectorAll('time')].map((t) => t.textContent);
    expect(dates).toEqual(['1 May 2024', '14 Jun 2024', '2 Mar 2024']);
    expect(rows[0]!.querySelector('[aria-label="Also stated in"]')?.textContent).toContain(
      'Also in Source june',
    );
  });

  it('links to the identity’s page in the manager', async () => {
    await renderCard({ view: view(facts) });
    const link = container.querySelector<HTMLAnchorElement>('.gloss-entity-page-link');
    expect(link?.textContent).toBe('Open entity page');
    expect(link?.getAttribute('href')).toMatch(
      /^chrome-extension:\/\/[^/]+\/options\.html#entity\/i%3Arussia$/,
    );
    expect(link?.target).toBe('_blank');
    // Where a link cannot open it (a card in a web page's document), the host opens the page.
    const onOpenEntityPage = vi.fn();
    await renderCard({ view: view(facts), onOpenEntityPage });
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    await act(() => {
      container.querySelector('.gloss-entity-page-link')?.dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(true);
    expect(onOpenEntityPage).toHaveBeenCalledWith('i:russia');
    await renderCard({ view: view(facts), entityPageHref: null });
    expect(container.querySelector('.gloss-entity-page-link')).toBeNull();
  });

  it('renders 500 facts from 50 sources quickly: the first rows, then all on "Show all"', async () => {
    const sources = Array.from({ length: 50 }, (_, i) =>
      src(`s${i}`, `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`),
    );
    const many = Array.from({ length: 500 }, (_, i) =>
      fact(`Fact ${i}`, sources[i % 50]!, i % 7 === 0 ? [sources[(i + 1) % 50]!] : []),
    );
    const started = performance.now();
    await renderCard({ view: view(many, 50) });
    const elapsed = performance.now() - started;
    expect(container.querySelectorAll('.gloss-facts > li')).toHaveLength(FIRST_FACTS);
    expect(container.querySelector('[data-testid="source-count"]')?.textContent).toBe('From 50 sources');
    // Generous for a shared, busy machine under happy-dom; a real browser is far faster.
    expect(elapsed).toBeLessThan(1000);
    const more = [...container.querySelectorAll('button')].find(
      (b) => b.textContent === 'Show all 500 facts',
    );
    expect(more).toBeTruthy();
    await act(() => more!.click());
    expect(container.querySelectorAll('.gloss-facts > li')).toHaveLength(500);
    expect([...container.querySelectorAll('button')].some((b) => b.textContent?.startsWith('Show all'))).toBe(
      false,
    );
    // The focus moves on to the first fact "Show all" revealed, not to the page.
    expect(document.activeElement).toBe(container.querySelectorAll('.gloss-facts > li')[FIRST_FACTS]);
  });
});
