// @vitest-environment happy-dom
// The review shows how each captured entity lands in the knowledge base (issue 13): a known one
// compactly as "linked" with unlink and "link to…", a proposal with its candidates to pick, a new
// one as new; the reviewer's choices go to saveDraft's `links`.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pack } from '@/src/core/pack';
import type { LinkPreview } from '@/src/messaging/protocol';
import { smallPack } from './helpers';
import { settle, testRoot } from './ui-fixtures';

const sent: Array<{ key: string; data: unknown }> = [];
const previews: Record<string, LinkPreview> = {
  russia: {
    decision: 'link',
    rule: 'same-name',
    identity: { key: 'i:russia', name: 'Russia', type: 'place', factCount: 4, sourceCount: 2 },
  },
  putin: {
    decision: 'propose',
    candidates: [
      { key: 'i:vladimir-putin', name: 'Vladimir Putin', type: 'person', factCount: 7, sourceCount: 3 },
      { key: 'i:putin-2', name: 'Putin', type: 'person', factCount: 1, sourceCount: 1 },
    ],
  },
  tuva: { decision: 'new' },
};
vi.mock('@/src/messaging/protocol', () => ({
  sendMessage: async (key: string, data: unknown) => {
    sent.push({ key, data });
    if (key === 'getDraft')
      return { id: 'd1', createdAt: 0, article: { title: 'T', url: '', text: '' }, pack: draftPack() };
    if (key === 'previewLinks') return previews;
    // The search lists identities (one per real thing); a pick links to it as it is.
    if (key === 'listIdentities')
      return {
        total: 1,
        entities: [
          { key: 'i:siberia', packId: 'b', name: 'Siberia', type: 'place', aliases: [], factCount: 2 },
        ],
      };
    if (key === 'saveDraft')
      return { ok: true, packId: 'p', title: 'T', entities: 3, facts: 4, replaced: false };
    return null;
  },
}));

const { ReviewView } = await import('@/src/ui/manager/ReviewView');

function draftPack(): Pack {
  const base = smallPack();
  const entities = [
    { id: 'russia', name: 'Russia', type: 'place' as const, aliases: [] },
    { id: 'putin', name: 'Putin', type: 'person' as const, aliases: [] },
    { id: 'tuva', name: 'Tuva', type: 'place' as const, aliases: [] },
  ];
  const facts = ['russia', 'russia', 'putin', 'tuva'].map((entityId, i) => ({
    id: `f${i}`,
    entityId,
    sourceId: 's1',
    text: `Sentence ${i} about ${entityId}.`,
    quote: `Sentence ${i} about ${entityId}.`,
  }));
  return { ...base, entities, facts };
}

const root = testRoot();
beforeEach(() => {
  sent.length = 0;
});

const flush = () => settle(200);
const row = (id: string) => root.querySelector<HTMLElement>(`[data-candidate-id="${id}"]`)!;
const button = (scope: HTMLElement, name: string) =>
  [...scope.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
async function click(element: HTMLElement | undefined | null) {
  expect(element).toBeTruthy();
  await act(() => element!.click());
  await flush();
}
async function open() {
  await act(() => render(<ReviewView draftId="d1" />, root));
  await flush();
}
const saved = () =>
  sent.find((m) => m.key === 'saveDraft')?.data as { links?: Record<string, string | null> };

describe('ReviewView links', () => {
  it('asks for the links of the draft and shows a known entity compactly as linked', async () => {
    await open();
    expect(sent.find((m) => m.key === 'previewLinks')).toBeTruthy();
    const russia = row('russia');
    expect(russia.classList.contains('gloss-candidate-linked')).toBe(true);
    expect(russia.querySelector('.gloss-link-summary')?.textContent).toBe(
      'Linked Russia: known, 4 facts from 2 sources; +2 new facts',
    );
    // Its fields are folded away; the new one shows them inline.
    const fields = russia.querySelector<HTMLElement>('.gloss-candidate-edit');
    expect(fields?.hidden).toBe(true);
    expect(fields?.querySelector('input')?.value).toBe('Russia');
    await click(button(russia, 'Edit'));
    expect(fields?.hidden).toBe(false);
    expect(row('tuva').querySelector('.gloss-candidate-edit')).toBeNull();
    expect(row('tuva').querySelector('.gloss-link-summary')?.textContent).toBe('New entity; +1 new fact');
  });

  it('saves with no manual links when the reviewer changes none', async () => {
    await open();
    await click(root.querySelector<HTMLButtonElement>('.gloss-button-primary'));
    expect(saved().links).toEqual({});
  });

  it('unlinks a known entity, picks a proposal’s candidate, links a new one to another entity', async () => {
    await open();
    await click(button(row('russia'), 'Unlink Russia'));
    expect(row('russia').querySelector('.gloss-link-summary')?.textContent).toBe(
      'Kept apart: a new entity; +2 new facts',
    );

    const candidates = [...row('putin').querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(candidates.map((r) => r.closest('label')?.textContent)).toEqual([
      'Vladimir Putin Person 7 facts from 3 sources',
      'Putin Person 1 fact from 1 source',
      'No: a new entity',
    ]);
    expect(candidates[2]?.checked).toBe(true);
    await click(candidates[0]);
    expect(row('putin').querySelector('.gloss-link-summary')?.textContent).toBe(
      'Putin: linked by you to Vladimir Putin; +1 new fact',
    );

    await click(button(row('tuva'), 'Link to… (Tuva)'));
    await click(row('tuva').querySelector<HTMLButtonElement>('.gloss-picker-results button'));
    expect(row('tuva').querySelector('.gloss-link-summary')?.textContent).toBe(
      'Tuva: linked by you to Siberia; +1 new fact',
    );

    await click(root.querySelector<HTMLButtonElement>('.gloss-button-primary'));
    expect(saved().links).toEqual({ russia: null, putin: 'i:vladimir-putin', tuva: 'i:siberia' });
  });

  it('undoes a choice back to the automatic link', async () => {
    await open();
    await click(button(row('russia'), 'Unlink Russia'));
    await click(button(row('russia'), 'Undo'));
    expect(row('russia').querySelector('.gloss-link-summary')?.textContent).toContain('known, 4 facts');
    await click(root.querySelector<HTMLButtonElement>('.gloss-button-primary'));
    expect(saved().links).toEqual({});
  });

  it('leaves out the choices of entities the reviewer dropped by merging', async () => {
    await open();
    await click(button(row('tuva'), 'Link to… (Tuva)'));
    await click(row('tuva').querySelector<HTMLButtonElement>('.gloss-picker-results button'));
    await act(() => {
      const select = [...row('tuva').querySelectorAll('select')].find((s) =>
        [...s.options].some((o) => o.value === 'russia'),
      )!;
      select.value = 'russia';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(row('tuva')).toBeNull();
    await click(root.querySelector<HTMLButtonElement>('.gloss-button-primary'));
    expect(saved().links).toEqual({});
  });
});
