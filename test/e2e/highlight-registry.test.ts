// The page's highlight registry is the page's own: whatever Gloss registers there, the page can list.
// So Gloss registers a name only while it has something marked under it — on a page with no known
// names, the page finds nothing of Gloss's there.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askPage, baseUrl, fixtureUrl, openGloss, type TestBrowser } from './gloss';
import { MENTION_HIGHLIGHTS, waitForMentions } from './page-helpers';

let gloss: TestBrowser;
let page: Page;

beforeAll(async () => {
  gloss = await openGloss();
  page = await gloss.context.newPage();
});
afterAll(async () => {
  await gloss?.close();
});

/** Waits until Gloss has scanned the page (its first scan ended), and returns what it found. */
async function scanned() {
  await expect
    .poll(async () => (await askPage(gloss, page, 'pageState', undefined)).stats.firstScanMs, {
      timeout: 20_000,
    })
    .not.toBeNull();
  return askPage(gloss, page, 'pageState', undefined);
}

/** The names in CSS.highlights, asked from the page's own world. */
const registeredNames = () => page.evaluate(() => [...CSS.highlights.keys()]);

describe('the highlight registry', () => {
  it('holds nothing of Gloss on a page with no known names, even after the pointer moved over it', async () => {
    await page.goto(fixtureUrl('dom/no-mentions.html'));
    const state = await scanned();
    expect(state.active).toBe(true);
    expect(state.stats.mentions).toBe(0);
    await page.mouse.move(200, 120);
    await page.mouse.move(260, 140);
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  });

  it('registers the marks while a page has mentions, and removes them when Gloss is off there', async () => {
    await page.goto(fixtureUrl('article.html'));
    await scanned();
    await expect.poll(registeredNames).toContain('gloss-underline');
    for (const name of await registeredNames()) {
      expect([...MENTION_HIGHLIGHTS, 'gloss-active', 'gloss-note']).toContain(name);
    }

    const settingsPage = await gloss.extensionPage('popup.html');
    const host = new URL(baseUrl()).hostname;
    await settingsPage.evaluate((h) => chrome.storage.local.set({ settings: { disabledSites: [h] } }), host);
    expect(await waitForMentions(page, [])).toEqual([]);
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    await settingsPage.evaluate(() => chrome.storage.local.set({ settings: {} }));
    await expect.poll(registeredNames).toContain('gloss-underline');
    await settingsPage.close();
  });
});
