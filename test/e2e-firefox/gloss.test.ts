// Gloss in Firefox ESR, end to end: the core flows of test/e2e/content.test.ts with the same
// assertions — mentions marked, the popover and its facts, a note saved from it and listed by the
// manager, what the popup lists for a page — against the built Firefox add-on.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askTab,
  callBackground,
  clickInPopover,
  type FirefoxTestBrowser,
  fixtureUrl,
  highlighted,
  hover,
  openFirefoxGloss,
  readPopover,
  tabIdOf,
  waitForMentions,
  waitForPopover,
} from './firefox';

const expected = (name: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../fixtures/${name}.expected.json`), 'utf8'));
const article = expected('article') as { mentions: string[]; notMentions: string[] };
const times = (...names: string[]) => article.mentions.filter((text) => names.includes(text)).length;
const NOTE = 'Ask about the opening date of the HQ';
const WIESBADEN = 'nato-ukraine-2024/wiesbaden';

let gloss: FirefoxTestBrowser;
let page: Page;
/** An extension page (the popup) to reach the background and the tabs from, as Gloss's own pages do. */
let control: Page;

beforeAll(async () => {
  gloss = await openFirefoxGloss();
  page = await gloss.newPage();
  control = await gloss.extensionPage('popup.html');
});
afterAll(async () => {
  await gloss?.close();
});

async function open(name: string): Promise<Page> {
  await page.bringToFront();
  await page.goto(fixtureUrl(name));
  return page;
}

describe('highlighting in Firefox', () => {
  it('marks every mention of the article, and nothing that only looks like one', async () => {
    await open('article.html');
    expect(await waitForMentions(page, article.mentions)).toEqual(article.mentions);
    const marked = (await highlighted(page)).light;
    for (const word of article.notMentions) expect(marked).not.toContain(word);
  });

  it('marks text in open shadow roots and in iframes', async () => {
    await open('shadow-iframe.html');
    const want = expected('shadow-iframe');
    expect(await waitForMentions(page, want.mentions)).toEqual(want.mentions);
    await expect.poll(async () => (await highlighted(page)).shadow).toEqual(want.shadow);
    const frame = page.frames().find((f) => f.url().endsWith('frame-child.html'));
    expect(frame).toBeDefined();
    if (frame) expect(await waitForMentions(frame, want.frame)).toEqual(want.frame);
  });
});

describe('the popover in Firefox', () => {
  it('shows the Wiesbaden fact about the coordination headquarters, with its source', async () => {
    await open('article.html');
    await waitForMentions(page, article.mentions);
    const view = await hover(gloss, page, 'article', 'Wiesbaden');
    expect(view.text).toContain('Wiesbaden');
    expect(view.text).toMatch(/headquarters for coordinating assistance to Kyiv/);
    expect(view.text).toContain('14 Jun 2024');
    await clickInPopover(gloss, page, 'Show source sentence');
    const withQuote = await waitForPopover(
      gloss,
      page,
      (v) => v?.text.includes('US military base is already in operation') ?? false,
    );
    expect(withQuote.text).toContain(
      'The headquarters for coordinating assistance to Kyiv will be located in Wiesbaden',
    );
    // Clicked into, it stays until a click outside.
    await page.mouse.click(5, 5);
    await waitForPopover(gloss, page, (v) => v === null);
  });

  it('saves a note from the popover and keeps it across a reload', async () => {
    await open('article.html');
    await waitForMentions(page, article.mentions);
    await hover(gloss, page, 'article', 'Wiesbaden');
    await clickInPopover(gloss, page, 'Add note');
    await clickInPopover(gloss, page, 'textarea');
    await page.keyboard.type(NOTE);
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await waitForPopover(gloss, page, (v) => v?.text.includes(NOTE) ?? false);

    const notes = await callBackground(control, 'listNotes', { entityKey: WIESBADEN });
    expect(notes).toEqual([
      expect.objectContaining({ text: NOTE, pageUrl: fixtureUrl('article.html'), orphaned: false }),
    ]);

    await page.reload();
    await waitForMentions(page, article.mentions);
    await hover(gloss, page, 'article', 'Wiesbaden');
    const view = await waitForPopover(gloss, page, (v) => v?.text.includes(NOTE) ?? false);
    expect(view.text).toContain('NATO approves plan for enhanced support to Ukraine');
  });

  it('the manager (options page) lists the note saved from the popover', async () => {
    const manager = await gloss.extensionPage('options.html#notes');
    try {
      const [note] = await callBackground(manager, 'listNotes', { entityKey: WIESBADEN });
      expect(note?.text).toBe(NOTE);
      await expect
        .poll(() =>
          manager.evaluate(
            (id) => document.querySelector(`[data-note-id="${id}"] .gloss-note-text`)?.textContent ?? '',
            note?.id ?? '',
          ),
        )
        .toContain(NOTE);
    } finally {
      await manager.close();
    }
  });
});

describe('the popup and the keyboard command in Firefox', () => {
  it("the page's content script reports every mention, which the popup lists", async () => {
    await open('article.html');
    await waitForMentions(page, article.mentions);
    const tabId = await tabIdOf(control, fixtureUrl('article.html'));
    const state = await askTab(control, tabId, 'pageState', undefined);
    expect(state).toMatchObject({ site: '127.0.0.1', active: true });
    expect(state.stats.mentions).toBe(article.mentions.length);
    expect(state.counts.reduce((n, c) => n + c.count, 0)).toBe(article.mentions.length);
    // Pages count mentions by identity (issue 13): Wiesbaden's.
    const wiesbaden = (await callBackground(control, 'getEntity', { key: WIESBADEN }))?.identity.id;
    expect(state.counts.find((c) => c.entityKey === wiesbaden)?.count).toBe(
      article.mentions.filter((m) => m === 'Wiesbaden').length,
    );
  });

  it('the popup for the tab (popup.html?tabId=) lists the entities on the page with their counts', async () => {
    const tabId = await tabIdOf(control, fixtureUrl('article.html'));
    const popup = await gloss.extensionPage(`popup.html?tabId=${tabId}`);
    try {
      const listed = () =>
        popup.evaluate(() =>
          [...document.querySelectorAll('[data-testid="page-entities"] button')].map((button) => ({
            name: button.querySelector('.gloss-popup-item-name')?.textContent,
            count: Number(button.querySelector('[data-testid="mention-count"] [aria-hidden]')?.textContent),
          })),
        );
      await expect.poll(async () => (await listed()).length, { timeout: 10_000 }).toBeGreaterThan(0);
      const entities = await listed();
      expect(entities).toContainEqual({ name: 'NATO', count: times('NATO', 'Alliance') });
      expect(entities).toContainEqual({ name: 'Wiesbaden', count: times('Wiesbaden') });
      expect(entities.find((e) => e.name === 'Jens Stoltenberg')?.count).toBe(
        times('Jens Stoltenberg', 'Stoltenberg'),
      );
    } finally {
      await popup.close();
    }
  });

  it('the popup shows the knowledge base', async () => {
    await expect
      .poll(() => control.evaluate(() => document.body.textContent ?? ''))
      .toContain('1 pack · 18 entities · 59 facts');
  });

  it('the keyboard command moves to the next mention and puts focus in the popover', async () => {
    await open('inline-splits.html');
    await waitForMentions(page, expected('inline-splits').mentions);
    await page.focus('a[href="#stoltenberg"]');
    const tabId = await tabIdOf(control, fixtureUrl('inline-splits.html'));
    // What the manifest command does: the background asks the tab's content script.
    expect(await askTab(control, tabId, 'focusMention', { direction: 1 })).toBe(true);
    const view = await waitForPopover(gloss, page, (v) => v?.text.includes('Washington Summit') ?? false);
    expect(view.text).toContain('Event');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('gloss-popover');
    await page.keyboard.press('Escape');
    expect(await readPopover(gloss, page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#stoltenberg');
  });

  it('the Alt+Shift+G keystroke itself reaches the command', async (ctx) => {
    await page.focus('a[href="#stoltenberg"]');
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyG');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    const opened = await waitForPopover(gloss, page, (v) => v !== null, 2000).then(
      () => true,
      () => false,
    );
    ctx.skip(
      !opened,
      "BiDi's input.performActions synthesizes keys inside the page's content process; Firefox matches extension shortcuts in the browser window's keyset in the parent process, so a synthesized Alt+Shift+G never reaches commands.onCommand (the command's handler path is tested above)",
    );
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('gloss-popover');
    await page.keyboard.press('Escape');
  });
});

describe('settings in Firefox', () => {
  it('changing the highlight style takes effect without a reload', async () => {
    await open('article.html');
    await waitForMentions(page, article.mentions);
    await control.evaluate(() => chrome.storage.local.set({ settings: { highlightStyle: 'tint' } }));
    try {
      await expect
        .poll(() => page.evaluate(() => CSS.highlights.get('gloss-tint')?.size ?? 0))
        .toBe(article.mentions.length);
      expect(await page.evaluate(() => CSS.highlights.has('gloss-underline'))).toBe(false);
    } finally {
      await control.evaluate(() => chrome.storage.local.remove('settings'));
    }
  });

  it('logged no errors on any page', () => {
    expect(gloss.errors).toEqual([]);
  });
});
