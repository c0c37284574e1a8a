// Issue 15 in Chromium: Gloss picks the entity a name means from its context. Once a captured
// article has made "Washington" (the city) an entity, a page of sports results does not light up
// its team names as the city; on the seed article "Alliance" is still NATO.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '@/src/core/pack';
import { callBackground, fixtureUrl, openGloss, type TestBrowser } from './gloss';
import { highlighted, hoverWord, waitForMentions } from './page-helpers';

let gloss: TestBrowser;
let manager: Page;

/** What capturing a Washington Post article leaves: the city, named "Washington". */
const capturedCity: Pack = {
  format: 'gloss-pack',
  version: 2,
  pack: {
    id: 'wapo-capture',
    version: 1,
    title: 'The Washington Post: a capture',
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
      aliases: ['Washington, D.C.'],
      description: 'Capital city of the United States.',
    },
  ],
  facts: [
    {
      id: 'f1',
      entityId: 'washington',
      sourceId: 'src',
      text: 'NATO leaders met in Washington for the summit.',
      quote: 'NATO leaders met in Washington for the summit.',
    },
  ],
};

beforeAll(async () => {
  gloss = await openGloss();
  manager = await gloss.extensionPage('options.html');
  const result = await callBackground(manager, 'importPack', { json: JSON.stringify(capturedCity) });
  expect(result.ok).toBe(true);
});
afterAll(async () => {
  await gloss?.close();
});

describe('context decides what a name means', () => {
  it('does not mark sports teams as the city "Washington"', async () => {
    const page = await gloss.context.newPage();
    await page.goto(fixtureUrl('context/sports-results.html'));
    // The one "Washington" that is the city (the last paragraph) is marked …
    expect(await waitForMentions(page, ['Washington'])).toEqual(['Washington']);
    // … and, once the page is quiet, none of the eleven team names.
    await page.waitForTimeout(500);
    expect((await highlighted(page)).light).toEqual(['Washington']);
    const card = await hoverWord(page, 'flew back to Washington', 'Washington');
    expect(card.text).toContain('Capital city of the United States.');
    await page.close();
  });

  it('still marks "Alliance" on the seed article as NATO', async () => {
    const page = await gloss.context.newPage();
    await page.goto(fixtureUrl('article.html'));
    const expected: { mentions: string[] } = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../fixtures/article.expected.json'), 'utf8'),
    );
    const alliances = expected.mentions.filter((text) => text === 'Alliance');
    expect(alliances.length).toBeGreaterThan(5);
    await expect
      .poll(async () => (await highlighted(page)).light.filter((text) => text === 'Alliance'), {
        timeout: 15_000,
      })
      .toEqual(alliances);
    const card = await hoverWord(page, 'the Alliance has approved', 'Alliance');
    expect(card.text).toContain('Intergovernmental military alliance');
    // "Washington Summit" stays the summit.
    expect((await highlighted(page)).light).toContain('Washington Summit');
    await page.close();
  });

  it('picks the Brussels the article means, where two are known, with no question', async () => {
    const other: Pack = {
      ...capturedCity,
      pack: { ...capturedCity.pack, id: 'ontario', title: 'Ontario towns' },
      entities: [{ id: 'brussels-on', name: 'Brussels, Ontario', type: 'place', aliases: ['Brussels'] }],
      facts: [
        {
          id: 'f1',
          entityId: 'brussels-on',
          sourceId: 'src',
          text: 'A village in Huron County.',
          quote: 'A village.',
        },
      ],
    };
    expect((await callBackground(manager, 'importPack', { json: JSON.stringify(other) })).ok).toBe(true);
    await callBackground(manager, 'linkEntity', { entityKey: 'ontario/brussels-on', to: null });
    try {
      const page = await gloss.context.newPage();
      await page.goto(fixtureUrl('article.html'));
      await waitForMentions(page, ['Brussels']);
      const card = await hoverWord(page, 'press conference in Brussels', 'Brussels');
      expect(card.text).toContain('Capital city of Belgium.');
      expect(card.text).not.toContain('Which');
      await page.close();
    } finally {
      await callBackground(manager, 'removePack', { id: 'ontario' });
    }
  });
});
