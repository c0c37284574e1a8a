import { afterEach, describe, expect, it } from 'vitest';
import { bundledPackFile, callBackground, openGloss, type TestBrowser } from './gloss';

let browser: TestBrowser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

describe('Gloss in Chromium', () => {
  it('starts its service worker without errors', async () => {
    browser = await openGloss();
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    const name = await browser.serviceWorker.evaluate(() => chrome.runtime.getManifest().name);
    expect(name).toBe('Gloss');
    const popup = await browser.extensionPage('popup.html');
    await popup.getByTestId('packs').waitFor();
    expect(browser.errors).toEqual([]);
    expect(browser.offMachine).toEqual([]);
  });

  it('installs the bundled pack, and the popup shows what the knowledge base holds', async () => {
    browser = await openGloss();
    const file = bundledPackFile();
    const popup = await browser.extensionPage('popup.html');
    await expect
      .poll(() => popup.getByTestId('packs').textContent())
      // "Countries of the world" comes switched off: counted as a pack, its contents not in use.
      .toContain(`2 packs (1 off) · ${file.entities.length} entities · ${file.facts.length} facts`);
    const summary = (await callBackground(popup, 'listPacks', undefined)).find((p) => p.id === file.pack.id);
    expect(summary).toMatchObject({
      id: file.pack.id,
      entityCount: file.entities.length,
      factCount: file.facts.length,
    });
    const wiesbaden = await callBackground(popup, 'getEntity', { key: `${file.pack.id}/wiesbaden` });
    expect(wiesbaden?.facts.some((fact) => /headquarters/i.test(fact.text))).toBe(true);
  });

  it('keeps the knowledge base and notes when the browser restarts with the same profile', async () => {
    browser = await openGloss();
    const { profileDir } = browser;
    let page = await browser.extensionPage('popup.html');
    await page.getByTestId('packs').waitFor();
    const note = await callBackground(page, 'createNote', {
      entityKey: 'nato-ukraine-2024/wiesbaden',
      text: 'Check the coordination HQ opening date',
      pageUrl: 'https://example.org/article',
      pageTitle: 'Article',
      quote: 'The headquarters for coordinating assistance to Kyiv will be located in Wiesbaden.',
    });
    await browser.close();

    browser = await openGloss({ profileDir });
    page = await browser.extensionPage('popup.html');
    await page.getByTestId('packs').waitFor();
    expect(await callBackground(page, 'listNotes', {})).toEqual([{ ...note, orphaned: false }]);
    expect((await callBackground(page, 'listPacks', undefined)).map((p) => p.id)).toEqual([
      'countries-of-the-world',
      'nato-ukraine-2024',
    ]);
    expect(browser.errors).toEqual([]);
  });
});
