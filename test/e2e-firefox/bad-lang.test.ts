// test/e2e/bad-lang.test.ts's main path in Firefox ESR: on a page with <html lang="en_US">, whose
// tag Intl rejects with a RangeError, mentions are marked and hovering one opens its card.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxTestBrowser, fixtureUrl, hover, openFirefoxGloss, waitForMentions } from './firefox';

const MENTIONS = ['Stoltenberg', 'Brussels', 'Kyiv', 'Wiesbaden', 'US'];

let gloss: FirefoxTestBrowser;
let page: Page;

beforeAll(async () => {
  gloss = await openFirefoxGloss();
  page = await gloss.newPage();
});
afterAll(async () => {
  await gloss?.close();
});

describe('a page with lang="en_US" in Firefox', () => {
  it('marks its mentions and opens the card on hover', async () => {
    await page.goto(fixtureUrl('bad-lang.html'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en_US');
    expect(await waitForMentions(page, MENTIONS)).toEqual(MENTIONS);
    const view = await hover(gloss, page, 'article', 'Wiesbaden');
    expect(view.text).toContain('Wiesbaden');
    expect(view.text).toMatch(/headquarters for coordinating assistance to Kyiv/);
    expect(gloss.errors.filter((e) => /RangeError|locale|language tag/i.test(e))).toEqual([]);
  });
});
