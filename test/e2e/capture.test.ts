// Capture (issue 8) in real Chromium: an article becomes a pack through the popup and the review
// screen; a selection becomes a page note that is marked again on the next visit, and the manager
// says when its quote is no longer on the page.
//
// The context menu cannot be clicked in a headless browser. Its click handler in the background
// (src/background/context-menu.ts) does one thing: send the content message composeFromSelection
// to the frame with the selection. The tests send that same message to the tab (askPage).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askPage, callBackground, fixtureUrl, openGloss, type TestBrowser } from './gloss';
import { highlighted } from './page-helpers';

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

let gloss: TestBrowser;
let manager: Page;

beforeAll(async () => {
  gloss = await openGloss();
  manager = await gloss.extensionPage('options.html#notes');
  for (let i = 0; i < 100 && (await callBackground(manager, 'listPacks', undefined)).length === 0; i++) {
    await manager.waitForTimeout(100);
  }
});
afterAll(async () => {
  await gloss?.close();
});

/** Clicks Gloss's toolbar button on the page's tab (grants activeTab, as a real click does). */
async function clickToolbarButton(page: Page): Promise<number> {
  await page.bringToFront();
  const cdp = await (gloss.context.browser() as Browser).newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
    targetInfos: Array<{ targetId: string; url: string }>;
  };
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await cdp.send('Extensions.triggerAction', { id: gloss.extensionId, targetId: tab.targetId });
  await cdp.detach();
  return gloss.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
}

async function pageWithUrl(pattern: RegExp): Promise<Page> {
  let found: Page | undefined;
  await eventually(async () => {
    found = gloss.context.pages().find((p) => pattern.test(p.url()));
    return Boolean(found);
  }).toBe(true);
  return found as Page;
}

describe('adding an article', () => {
  it('captures the article from the popup, reviews it, and saves a pack whose names are marked', async () => {
    const article = await gloss.context.newPage();
    await article.goto(fixtureUrl('article.html'));
    const tabId = await clickToolbarButton(article);
    const popup = await gloss.extensionPage(`popup.html?tabId=${tabId}`);
    await popup.getByTestId('capture-article').click();

    const review = await pageWithUrl(/options\.html#review\//);
    await review.locator('[data-candidate-id]').first().waitFor();
    const names = await review.locator('[data-candidate-id] input:not([type])').evaluateAll((inputs) =>
      inputs.map((input) => (input as HTMLInputElement).value),
    );
    expect(names).toEqual(expect.arrayContaining(['Wiesbaden', 'Jens Stoltenberg', 'Orban', 'Reuters']));
    const stoltenberg = review.locator('[data-candidate-id="jens-stoltenberg"]');
    await stoltenberg.locator('summary').click();
    expect(await stoltenberg.locator('blockquote').first().textContent()).toContain('Jens Stoltenberg');

    // Drop one, rename one (keeping the page's spelling as an alias), save.
    await review.getByRole('checkbox', { name: 'Keep Reuters' }).uncheck();
    const orban = review.locator('[data-candidate-id="orban"]');
    await orban.getByLabel('Name').fill('Viktor Orbán');
    await orban.getByLabel('Aliases (comma-separated)').fill('Orban');
    await orban.getByLabel('Aliases (comma-separated)').blur();
    await review.getByRole('button', { name: 'Save as a pack' }).click();
    await review.getByTestId('review-saved').waitFor();

    const packs = await callBackground(manager, 'listPacks', undefined);
    const captured = packs.find((p) => p.id !== 'nato-ukraine-2024');
    expect(captured?.title).toBe('NATO approves plan for enhanced support to Ukraine');
    const { entities } = await callBackground(manager, 'listEntities', { packId: captured?.id, limit: 100 });
    expect(entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Wiesbaden', 'Jens Stoltenberg', 'Viktor Orbán']));
    expect(entities.map((e) => e.name)).not.toContain('Reuters');
    expect(entities.find((e) => e.name === 'Viktor Orbán')?.aliases).toEqual(['Orban']);
    expect(await callBackground(manager, 'getDraft', { id: review.url().split('#review/')[1] ?? '' })).toBeNull();

    // Only the captured pack on: what the page marks now comes from it.
    await callBackground(manager, 'setPackEnabled', { id: 'nato-ukraine-2024', enabled: false });
    await article.reload();
    await eventually(async () => (await highlighted(article)).light).toEqual(
      expect.arrayContaining(['Wiesbaden', 'Jens Stoltenberg', 'Orban']),
    );
    await callBackground(manager, 'setPackEnabled', { id: 'nato-ukraine-2024', enabled: true });
    await Promise.all([popup.close(), review.close(), article.close()]);
    expect(gloss.errors).toEqual([]);
  });
});

export { askPage };
