// Issue 15's main path, in both browsers' terms (run in Firefox ESR by test/e2e-firefox/context.test.ts;
// Chromium has test/e2e/context.test.ts): once a capture has made "Washington" the city an entity,
// a page of sports results marks only the one "Washington" that is the city, not the team names.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Pack } from '@/src/core/pack';
import { fixtureUrl, type SpecContext } from './gloss.spec';
import { highlighted, waitForMentions } from './views';

/** What capturing a Washington Post article leaves: the city, named "Washington". */
export const city: Pack = {
  format: 'gloss-pack',
  version: 2,
  pack: {
    id: 'wapo-city',
    version: 1,
    title: 'A capture',
    description: '',
    language: 'en',
    createdAt: '2024-07-10',
  },
  sources: [
    {
      id: 'src',
      title: 'Summit opens',
      url: 'https://www.washingtonpost.example/a',
      publishedAt: '2024-07-10',
    },
  ],
  entities: [
    {
      id: 'washington',
      name: 'Washington',
      type: 'place',
      aliases: [],
      description: 'Capital city of the United States.',
    },
  ],
  facts: [
    {
      id: 'f1',
      entityId: 'washington',
      sourceId: 'src',
      text: 'Leaders met in Washington.',
      quote: 'Leaders met in Washington.',
    },
  ],
};

export function contextSpec(t: SpecContext) {
  beforeAll(async () => {
    expect(await t.gloss.callBackground('importPack', { json: JSON.stringify(city) })).toMatchObject({
      ok: true,
    });
  });
  afterAll(async () => {
    await t.gloss.callBackground('removePack', { id: 'wapo-city' });
  });

  it('does not mark sports teams as the city "Washington"', async () => {
    await t.page.goto(fixtureUrl('context/sports-results.html'));
    expect(await waitForMentions(t.page, ['Washington'])).toEqual(['Washington']);
    await new Promise((done) => setTimeout(done, 500));
    expect((await highlighted(t.page)).light).toEqual(['Washington']);
    const card = await t.page.hover('#city', 'Washington');
    expect(card.text).toContain('Capital city of the United States.');
  });
}
