// Gloss on fixture pages in Chromium: what the shared spec (test/spec/gloss.spec.ts, run in both
// browsers) does not cover — inline splits, skipped elements, live pages, the manager editing a
// note, ambiguous names, and a DOM left exactly as a browser without Gloss has it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ONTARIO } from '../spec/corrections.spec';
import { glossSpec, withGloss } from '../spec/gloss.spec';
import { chromiumDriver } from './driver';
import { callBackground, fixtureUrl, launchPlainChromium, type TestBrowser } from './gloss';
import {
  clickInPopover,
  highlighted,
  hover,
  readPopover,
  waitForMentions,
  waitForPopover,
} from './page-helpers';

const expected = (name: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../fixtures/${name}.expected.json`), 'utf8'));

// The shared spec runs here, in this file's browser; the tests below share its lifetime: a tab of
// their own, notes and settings reset, and no error or request off the machine, after each test.
const t = withGloss(chromiumDriver);
glossSpec(t);

let gloss: TestBrowser;
let plain: Browser;
let page: Page;

beforeAll(async () => {
  gloss = t.gloss.playwright;
  plain = await launchPlainChromium();
});
afterAll(async () => {
  await plain?.close();
});
beforeEach(() => {
  page = t.gloss.pageOf(t.page);
});

async function open(name: string): Promise<Page> {
  await page.goto(fixtureUrl(name));
  return page;
}

describe('highlighting', () => {
  it('runs a mention across inline elements but never across a block or a line break', async () => {
    await open('inline-splits.html');
    const { mentions } = expected('inline-splits');
    expect(await waitForMentions(page, mentions)).toEqual(mentions);
  });

  it('leaves form fields, editable text, code, scripts, hidden text and SVG alone', async () => {
    await open('skipped.html');
    const { mentions } = expected('skipped');
    expect(await waitForMentions(page, mentions)).toEqual(mentions);
    // Typing a known name into the editable area still marks nothing there.
    await page.click('#editable');
    await page.keyboard.type(' and Hungary');
    await page.waitForTimeout(400);
    expect((await highlighted(page)).light).toEqual(mentions);
    expect(await page.locator('#editable').textContent()).toBe('Wiesbaden while editing and Hungary');
  });

  it('follows the page: added, edited and removed text, and single-page-app navigation', async () => {
    await open('dynamic.html');
    expect(await waitForMentions(page, ['Brussels'])).toEqual(['Brussels']);
    await page.evaluate(() =>
      (window as unknown as { addText(id: string, t: string): void }).addText('late', 'Later: Wiesbaden.'),
    );
    expect(await waitForMentions(page, ['Brussels', 'Wiesbaden'])).toEqual(['Brussels', 'Wiesbaden']);
    await page.evaluate(() => {
      const text = document.querySelector('#late')?.firstChild as Text;
      text.data = 'Later: Kyiv and Germany.';
    });
    expect(await waitForMentions(page, ['Brussels', 'Kyiv', 'Germany'])).toEqual([
      'Brussels',
      'Kyiv',
      'Germany',
    ]);
    await page.evaluate(() => document.querySelector('#first')?.remove());
    expect(await waitForMentions(page, ['Kyiv', 'Germany'])).toEqual(['Kyiv', 'Germany']);
    await page.click('#route');
    expect(await waitForMentions(page, ['Viktor Orbán', 'Hungary'])).toEqual(['Viktor Orbán', 'Hungary']);
    expect(page.url()).toContain('story=2');
  });
});

describe('the popover', () => {
  it('shows the Washington Summit with its July 2024 dates', async () => {
    await open('article.html');
    await waitForMentions(page, expected('article').mentions);
    const view = await hover(page, 'article', 'Washington Summit');
    expect(view.text).toContain('Washington Summit');
    expect(view.text).toContain('9–11 July 2024');
  });

  it('closes when the pointer leaves or on Esc; once clicked into, only on Esc or a click outside', async () => {
    await open('article.html');
    await waitForMentions(page, expected('article').mentions);
    await hover(page, 'article', 'Brussels');
    await page.mouse.move(5, 5, { steps: 2 });
    await waitForPopover(page, (v) => v === null);

    await hover(page, 'article', 'Brussels');
    await page.keyboard.press('Escape');
    expect(await readPopover(page)).toBeNull();

    await page.mouse.move(5, 5);
    await hover(page, 'article', 'Brussels');
    await clickInPopover(page, 'Show source sentence');
    await page.mouse.move(5, 5, { steps: 2 });
    await page.waitForTimeout(700);
    expect(await readPopover(page)).not.toBeNull();
    await page.mouse.click(5, 5);
    expect(await readPopover(page)).toBeNull();
  });

  it('a note made in the popover shows in the manager, is edited there, and the edit shows in the popover', async () => {
    await open('article.html');
    await waitForMentions(page, expected('article').mentions);
    await hover(page, 'article', 'Kyiv');
    await clickInPopover(page, 'Add note');
    await clickInPopover(page, 'textarea');
    await page.keyboard.type('Kyiv note from the popover');
    await page.keyboard.press('Control+Enter');
    await waitForPopover(page, (v) => v?.text.includes('Kyiv note from the popover') ?? false);

    const manager = await gloss.extensionPage('options.html#notes');
    const found = manager.locator('[data-note-id]', { hasText: 'Kyiv note from the popover' });
    await found.waitFor();
    const row = manager.locator(`[data-note-id="${await found.getAttribute('data-note-id')}"]`);
    await row.getByRole('button', { name: 'Edit' }).click();
    await row.getByRole('textbox', { name: 'Note' }).fill('Kyiv note, edited in the manager');
    await row.getByRole('button', { name: 'Save' }).click();
    await row.locator('.gloss-note-text', { hasText: 'Kyiv note, edited in the manager' }).waitFor();
    await manager.close();
    await page.bringToFront();

    // The popover is still open on the page: the edit appears there without a reload.
    const view = await waitForPopover(
      page,
      (v) => v?.text.includes('Kyiv note, edited in the manager') ?? false,
    );
    expect(view.text).not.toContain('Kyiv note from the popover');
  });
});

describe('an ambiguous mention', () => {
  it('offers the choice first, and remembers it for the site', async () => {
    const manager = await gloss.extensionPage('popup.html');
    // Where Gloss marked Brussels before counts for it (issue 15): start with no such history.
    await callBackground(manager, 'clearHistory', undefined);
    expect(await callBackground(manager, 'importPack', { json: JSON.stringify(ONTARIO) })).toMatchObject({
      ok: true,
    });
    // Same name and type link into one identity (issue 13); two Brussels stay two when a person says so.
    await callBackground(manager, 'linkEntity', { entityKey: 'ontario/brussels-on', to: null });
    try {
      // A page that says nothing of which Brussels it means (on the seed article, context picks
      // Belgium's: test/e2e/context.test.ts).
      await open('context/two-brussels.html');
      await waitForMentions(page, ['Brussels']);
      await hover(page, 'article', 'Brussels');
      const chooser = await waitForPopover(page, (v) => v?.text.includes('Which “Brussels”?') ?? false);
      expect(chooser.text).toContain('Brussels, Ontario');
      await clickInPopover(page, 'Brussels, Ontario');
      await waitForPopover(page, (v) => v?.text.includes('A village in Huron County.') ?? false);

      await page.reload();
      await waitForMentions(page, ['Brussels']);
      await hover(page, 'article', 'Brussels');
      const card = await waitForPopover(page, (v) => v?.text.includes('Huron County') ?? false);
      expect(card.text).not.toContain('Which');
      expect(card.text).toContain('As you corrected it');
      // Remembered as a correction for the site: listed in the manager, where Undo forgets it.
      const village = (await callBackground(manager, 'getEntity', { key: 'ontario/brussels-on' }))?.identity
        .id;
      const [remembered, ...more] = await callBackground(manager, 'listCorrections', undefined);
      expect(more).toEqual([]);
      expect(remembered).toMatchObject({
        alias: 'brussels',
        right: village,
        scope: 'site',
        site: '127.0.0.1',
      });
      await callBackground(manager, 'undoCorrection', { id: remembered?.id as string });
      await page.reload();
      await waitForMentions(page, ['Brussels']);
      const after = await hover(page, 'article', 'Brussels');
      expect(after.text).not.toContain('As you corrected it');
    } finally {
      for (const correction of await callBackground(manager, 'listCorrections', undefined))
        await callBackground(manager, 'undoCorrection', { id: correction.id });
      await callBackground(manager, 'removePack', { id: 'ontario' });
      await manager.close();
    }
  });
});

describe('doing no harm', () => {
  it.each(['article.html', 'inline-splits.html', 'skipped.html', 'dynamic.html'])(
    'leaves the DOM of %s exactly as a browser without Gloss has it',
    async (name) => {
      const withGloss = await open(name);
      await page.waitForTimeout(300);
      if (name === 'article.html') {
        await hover(page, 'article', 'Wiesbaden');
        await page.keyboard.press('Escape');
      }
      const serialized = await withGloss.evaluate(() => document.documentElement.outerHTML);
      const other = await plain.newPage();
      await other.goto(fixtureUrl(name));
      await other.waitForTimeout(300);
      expect(serialized).toBe(await other.evaluate(() => document.documentElement.outerHTML));
      await other.close();
    },
  );
});
