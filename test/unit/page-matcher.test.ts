// The page's matcher (src/content/matching.ts): the published one when it revives, else the
// background's answer. A published matcher with crafted tables must be refused, not used.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPageMatcher } from '@/src/content/matching';
import { checksum, toJSON } from '@/src/core/match-serial';
import { createMatcher, PAGE_DENSE_STATES, reviveMatcher } from '@/src/core/matcher';
import type { PublishedMatcher } from '@/src/messaging/broadcast';
import { onMessage } from '@/src/messaging/protocol';

// The real reviveMatcher, watched: what a page asks of it decides what each page load allocates.
vi.mock('@/src/core/matcher', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/src/core/matcher')>();
  return { ...original, reviveMatcher: vi.fn(original.reviveMatcher) };
});

const aliases = [
  { alias: 'Wiesbaden', entityId: 'wiesbaden' },
  { alias: 'Brussels', entityId: 'brussels' },
];
const text = 'From Brussels to Wiesbaden.';
const good = createMatcher(aliases);

function published(revision: string, matcher = good.toJSON()): PublishedMatcher {
  return { revision, mode: 'local', size: aliases.length, matcher };
}

let asked = 0;
let stop: (() => void) | undefined;
let saved: typeof chrome | undefined;
beforeAll(() => {
  // The transport only, as in handlers.test.ts: chrome.runtime delivering to the background's listener.
  const listeners: Array<(m: unknown, s: unknown, r: (x: unknown) => void) => boolean> = [];
  saved = globalThis.chrome;
  globalThis.chrome = {
    runtime: {
      onMessage: { addListener: (l: (typeof listeners)[0]) => listeners.push(l), removeListener: () => {} },
      sendMessage: (message: unknown, reply: (x: unknown) => void) => {
        for (const listener of listeners) listener(message, {}, reply);
      },
    },
  } as unknown as typeof chrome;
  stop = onMessage('getMatcher', () => {
    asked++;
    return published('from-background');
  });
});
afterAll(() => {
  stop?.();
  globalThis.chrome = saved as typeof chrome;
});
beforeEach(() => {
  asked = 0;
});

describe('loadPageMatcher', () => {
  it('matches on the page with the published matcher, without asking the background', async () => {
    const page = await loadPageMatcher(null, published('published'));
    expect(page).toMatchObject({ revision: 'published', where: 'page' });
    expect((await page.find([text]))[0]?.map((m) => m.entityIds)).toEqual([['brussels'], ['wiesbaden']]);
    expect(asked).toBe(0);
  });

  it('revives it with few dense rows: kilobytes per page load, not the 1.7 MB of full rows', async () => {
    vi.mocked(reviveMatcher).mockClear();
    await loadPageMatcher(null, published('published'));
    expect(reviveMatcher).toHaveBeenCalledWith(expect.anything(), { denseStates: PAGE_DENSE_STATES });
    expect(PAGE_DENSE_STATES).toBeLessThanOrEqual(256);
  });

  it('asks the background when the published tables are crafted (checksum and all)', async () => {
    const data = good.serialize();
    const variantEntity = data.variantEntity.slice();
    variantEntity[0] = 99; // an entity that does not exist
    const crafted = { ...data, variantEntity };
    const encoded = toJSON({ ...crafted, check: checksum(crafted) });
    const page = await loadPageMatcher(null, published('published', encoded));
    expect(page.revision).toBe('from-background');
    expect(asked).toBe(1);
    expect((await page.find([text]))[0]?.map((m) => m.entityIds)).toEqual([['brussels'], ['wiesbaden']]);
  });

  it('asks the background when the published matcher is damaged', async () => {
    const json = good.toJSON();
    const page = await loadPageMatcher(null, published('published', { ...json, entities: ['x', 'y'] }));
    expect(page.revision).toBe('from-background');
    expect(asked).toBe(1);
  });
});
