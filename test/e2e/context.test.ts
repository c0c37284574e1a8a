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

describe('a corrected name', () => {
  // Every frame from the first, the texts Gloss highlights (as the page's own world sees them).
  const watchMarks = () => {
    const seen = new Set<string>();
    (window as unknown as { glossSeen: Set<string> }).glossSeen = seen;
    const look = () => {
      for (const [, highlight] of CSS.highlights) for (const range of highlight) seen.add(range.toString());
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  };

  it('is looked for only where one can apply: where corrections apply is published at start', async () => {
    // No correction made yet in this browser: pages read that none can apply, and ask nothing.
    const where = await manager.evaluate(
      async () => (await chrome.storage.local.get('correctionSites')).correctionSites,
    );
    expect(where).toEqual({ sites: [], aliases: [] });
  });

  for (const scope of ['context', 'site', 'everywhere'] as const)
    it(`is never marked, not even for a moment, when a correction ${{ context: 'for passages like this', site: 'for the site', everywhere: 'for every site' }[scope]} says "nothing"`, async () => {
      const correction = await callBackground(manager, 'correctMention', {
        alias: 'Wiesbaden',
        right: null,
        scope,
        site: '127.0.0.1',
        cues: ['headquarters', 'located', 'southern', 'germany'],
      });
      try {
        const page = await gloss.context.newPage();
        await page.addInitScript(watchMarks);
        await page.goto(fixtureUrl('article.html'));
        await expect
          .poll(async () => (await highlighted(page)).light.length, { timeout: 10_000 })
          .toBeGreaterThan(20);
        await page.waitForTimeout(500);
        const seen = await page.evaluate(() => [
          ...(window as unknown as { glossSeen: Set<string> }).glossSeen,
        ]);
        expect(seen).toContain('Stoltenberg');
        expect(seen).not.toContain('Wiesbaden');
        await page.close();
      } finally {
        await callBackground(manager, 'undoCorrection', { id: correction.id });
      }
    });
});
