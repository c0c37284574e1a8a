// Issue 15 in Chromium: Gloss picks the entity a name means from its context. With "Washington"
// (the city) known, on the seed article "Alliance" is still NATO and the Washington Summit stays
// the summit; the article's Brussels is picked with no question. The sports-results case is the
// shared spec (context-shared.test.ts here, and in Firefox).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { city } from '../spec/context.spec';
import { ONTARIO } from '../spec/corrections.spec';
import { callBackground, fixtureUrl, openGloss, type TestBrowser } from './gloss';
import { highlighted, hoverWord, waitForMentions } from './page-helpers';

let gloss: TestBrowser;
let manager: Page;

beforeAll(async () => {
  gloss = await openGloss();
  manager = await gloss.extensionPage('options.html');
  const result = await callBackground(manager, 'importPack', { json: JSON.stringify(city) });
  expect(result.ok).toBe(true);
});
afterAll(async () => {
  await gloss?.close();
});

describe('context decides what a name means', () => {
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
    expect((await callBackground(manager, 'importPack', { json: JSON.stringify(ONTARIO) })).ok).toBe(true);
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
