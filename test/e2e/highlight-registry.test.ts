// The page's highlight registry is the page's own: whatever Gloss registers there, the page can list.
// So Gloss registers a name only while it has something marked under it — on a page with no known
// names, the page finds nothing of Gloss's there.
import { describe, expect, it } from 'vitest';
import { askPage, baseUrl, fixtureUrl, glossWithPage } from './gloss';
import { MENTION_HIGHLIGHTS, waitForMentions } from './page-helpers';

const at = glossWithPage();

/** Waits until Gloss has scanned the page (its first scan ended), and returns what it found. */
async function scanned() {
  await expect
    .poll(async () => (await askPage(at.gloss, at.page, 'pageState', undefined)).stats.firstScanMs, {
      timeout: 20_000,
    })
    .not.toBeNull();
  return askPage(at.gloss, at.page, 'pageState', undefined);
}

/** The names in CSS.highlights, asked from the page's own world. */
const registeredNames = () => at.page.evaluate(() => [...CSS.highlights.keys()]);

describe('the highlight registry', () => {
  it('holds nothing of Gloss on a page with no known names, even after the pointer moved over it', async () => {
    await at.page.goto(fixtureUrl('dom/no-mentions.html'));
    const state = await scanned();
    expect(state.active).toBe(true);
    expect(state.stats.mentions).toBe(0);
    await at.page.mouse.move(200, 120);
    await at.page.mouse.move(260, 140);
    await at.page.waitForTimeout(400);
    expect(await at.page.evaluate(() => CSS.highlights.size)).toBe(0);
  });

  it('registers the marks while a page has mentions, and removes them when Gloss is off there', async () => {
    await at.page.goto(fixtureUrl('article.html'));
    await scanned();
    await expect.poll(registeredNames).toContain('gloss-underline');
    for (const name of await registeredNames()) {
      expect([...MENTION_HIGHLIGHTS, 'gloss-active', 'gloss-note']).toContain(name);
    }

    const settingsPage = await at.gloss.extensionPage('popup.html');
    const host = new URL(baseUrl()).hostname;
    await settingsPage.evaluate((h) => chrome.storage.local.set({ settings: { disabledSites: [h] } }), host);
    expect(await waitForMentions(at.page, [])).toEqual([]);
    await expect.poll(() => at.page.evaluate(() => CSS.highlights.size)).toBe(0);
    await settingsPage.evaluate(() => chrome.storage.local.set({ settings: {} }));
    await expect.poll(registeredNames).toContain('gloss-underline');
    await settingsPage.close();
  });
});
