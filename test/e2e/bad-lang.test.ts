// A page whose <html lang> is not a tag Intl accepts ("en_US") still gets its cards: the card's
// source sentence is cut with Intl.Segmenter, which threw a RangeError there (hardening item 14).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureUrl, openGloss, type TestBrowser } from './gloss';
import { hover, readPopover, waitForMentions, waitForPopover } from './page-helpers';

const MENTIONS = ['Stoltenberg', 'Brussels', 'Kyiv', 'Wiesbaden', 'US'];

let gloss: TestBrowser;
let page: Page;

beforeAll(async () => {
  gloss = await openGloss();
  page = await gloss.context.newPage();
});
afterAll(async () => {
  await gloss?.close();
});

describe('a page with lang="en_US"', () => {
  it('marks its mentions and opens the card on hover', async () => {
    await page.goto(fixtureUrl('bad-lang.html'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en_US');
    expect(await waitForMentions(page, MENTIONS)).toEqual(MENTIONS);
    const view = await hover(page, 'article', 'Wiesbaden');
    expect(view.text).toContain('Wiesbaden');
    expect(view.text).toMatch(/headquarters for coordinating assistance to Kyiv/);
    expect(gloss.errors.filter((e) => /RangeError|locale|language tag/i.test(e))).toEqual([]);
  });

  it('still opens cards after the page changes its tag to other odd ones', async () => {
    for (const lang of ['pt_BR', 'x', 'zz-ZZZZ-invalid-', '']) {
      await page.mouse.move(5, 5);
      await waitForPopover(page, (v) => v === null);
      await page.evaluate((lang) => {
        document.documentElement.lang = lang;
      }, lang);
      const view = await hover(page, 'article', 'Brussels');
      expect(view.text, `lang="${lang}"`).toContain('Brussels');
    }
    expect(await readPopover(page)).not.toBeNull();
    expect(gloss.errors.filter((e) => /RangeError|locale|language tag/i.test(e))).toEqual([]);
  });
});
