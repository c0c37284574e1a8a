// Firefox too delivers a content script's runtime messages to the popup: the popup shows what a
// page adds later, without asking the page every second (it asks when the page reports a change).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxTestBrowser, fixtureUrl, openFirefoxGloss, tabIdOf, waitForMentions } from './firefox';

let gloss: FirefoxTestBrowser;
let control: Page;
beforeAll(async () => {
  gloss = await openFirefoxGloss();
  control = await gloss.extensionPage('popup.html');
});
afterAll(async () => {
  await gloss?.close();
});

describe('the popup and a page that changes, in Firefox', () => {
  it('lists a mention the page adds after the popup opened', async () => {
    const page = await gloss.newPage();
    await page.goto(fixtureUrl('dynamic.html'));
    await waitForMentions(page, ['Brussels']);
    const tabId = await tabIdOf(control, fixtureUrl('dynamic.html'));
    const popup = await gloss.extensionPage(`popup.html?tabId=${tabId}`);
    const names = () =>
      popup.evaluate(() =>
        [...document.querySelectorAll('[data-testid="page-entities"] .gloss-popup-item-name')].map(
          (name) => name.textContent,
        ),
      );
    await expect.poll(names, { timeout: 10_000 }).toEqual(['Brussels']);
    await page.evaluate(() =>
      (window as unknown as { addText(id: string, text: string): void }).addText(
        'later',
        'Later: Viktor Orbán.',
      ),
    );
    await expect
      .poll(names, { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['Brussels', 'Viktor Orbán']));
    await popup.close();
    expect(gloss.errors).toEqual([]);
  });
});
