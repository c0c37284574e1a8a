// The popup follows the page without asking it every second: it asks once when it opens, and
// again when the page's content script reports that its mentions changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureUrl, openGloss, type TestBrowser } from './gloss';
import { waitForMentions } from './page-helpers';

let gloss: TestBrowser;
beforeAll(async () => {
  gloss = await openGloss();
});
afterAll(async () => {
  await gloss?.close();
});

describe('the popup and a page that changes', () => {
  it('shows what the page adds, asking the page only when it reports a change', async () => {
    const page = await gloss.context.newPage();
    const url = fixtureUrl('dynamic.html');
    await page.goto(url);
    await waitForMentions(page, ['Brussels']);
    // The page's tab: the active one (without a toolbar click Gloss may not read tabs' addresses).
    await page.bringToFront();
    const tabId = await gloss.serviceWorker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });

    const popup = await gloss.context.newPage();
    // Counts the popup's questions to the page (pageState goes through tabs.sendMessage).
    await popup.addInitScript(() => {
      const w = window as unknown as { asks: number };
      w.asks = 0;
      const send = chrome.tabs.sendMessage.bind(chrome.tabs);
      chrome.tabs.sendMessage = ((...args: Parameters<typeof send>) => {
        w.asks++;
        return send(...args);
      }) as typeof chrome.tabs.sendMessage;
    });
    await popup.goto(`chrome-extension://${gloss.extensionId}/popup.html?tabId=${tabId}`);
    const names = () =>
      popup.locator('[data-testid="page-entities"] .gloss-popup-item-name').allTextContents();
    await expect.poll(names).toEqual(['Brussels']);
    const asks = () => popup.evaluate(() => (window as unknown as { asks: number }).asks);
    // The page's own report of its first scan may still be on its way when the popup opens (it is
    // sent half a second after the last mark): the popup answers that one, then settles.
    let first = await asks();
    for (let settled = false, tries = 0; !settled && tries < 4; tries++) {
      await popup.waitForTimeout(1200);
      const now = await asks();
      settled = now === first;
      first = now;
    }
    // Nothing changes on the page: the popup does not ask again (it used to, every second).
    await popup.waitForTimeout(3000);
    expect(await asks()).toBe(first);

    await page.evaluate(() =>
      (window as unknown as { addText(id: string, text: string): void }).addText(
        'later',
        'Later: Viktor Orbán.',
      ),
    );
    await expect.poll(names, { timeout: 5000 }).toEqual(expect.arrayContaining(['Brussels', 'Viktor Orbán']));
    expect(await asks()).toBeGreaterThan(first);
    expect(await asks()).toBeLessThanOrEqual(first + 3);
    await Promise.all([page.close(), popup.close()]);
    expect(gloss.errors).toEqual([]);
  });
});
