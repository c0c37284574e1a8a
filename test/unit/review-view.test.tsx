// @vitest-environment happy-dom
// The review lists the first 20 candidates kept and the rest, unticked, under a collapsed
// "More candidates" (issue 13); saving keeps what is ticked.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pack } from '@/src/core/pack';
import { smallPack } from './helpers';
import { settle, testRoot } from './ui-fixtures';

const sent: Array<{ key: string; data: unknown }> = [];
vi.mock('@/src/messaging/protocol', () => ({
  sendMessage: async (key: string, data: unknown) => {
    sent.push({ key, data });
    if (key === 'getDraft')
      return { id: 'd1', createdAt: 0, article: { title: 'T', url: '', text: '' }, pack: draftPack() };
    if (key === 'saveDraft')
      return { ok: true, packId: 'demo', title: 'T', entities: 20, facts: 20, replaced: false };
    return null;
  },
}));

const { ReviewView } = await import('@/src/ui/manager/ReviewView');

function draftPack(): Pack {
  const base = smallPack();
  const entities = Array.from({ length: 25 }, (_, i) => ({
    id: `e${i}`,
    name: `Place ${i}`,
    type: 'place' as const,
    aliases: [],
  }));
  const facts = entities.map((e) => ({
    id: `${e.id}.1`,
    entityId: e.id,
    sourceId: 's1',
    text: `${e.name} is.`,
    quote: `${e.name} is.`,
  }));
  return { ...base, entities, facts };
}

const root = testRoot();
beforeEach(() => {
  sent.length = 0;
});

const flush = () => settle(0);

describe('ReviewView', () => {
  it('keeps the first 20 and offers the rest collapsed under "More candidates"', async () => {
    await act(() => render(<ReviewView draftId="d1" />, root));
    await flush();
    const main = root.querySelector('ul[aria-label="Entities found"]');
    const more = root.querySelector<HTMLDetailsElement>('[data-testid="more-candidates"]');
    expect(main?.querySelectorAll('[data-candidate-id]').length).toBe(20);
    expect(more?.open).toBe(false);
    expect(more?.querySelector('summary')?.textContent).toBe('More candidates (5)');
    const extra = [...(more?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [])];
    expect(extra.map((box) => box.checked)).toEqual([false, false, false, false, false]);
    expect(root.textContent).toContain('20 of 25 entities kept');

    await act(() => (root.querySelector('.gloss-button-primary') as HTMLButtonElement).click());
    await flush();
    const saved = sent.find((m) => m.key === 'saveDraft')?.data as { pack: Pack } | undefined;
    expect(saved?.pack.entities.map((e) => e.id)).toEqual(Array.from({ length: 20 }, (_, i) => `e${i}`));
  });
});
