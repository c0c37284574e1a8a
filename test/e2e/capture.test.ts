// Capture (issue 8) in real Chromium: an article becomes a pack through the popup and the review
// screen; a selection becomes a page note that is marked again on the next visit, and the manager
// says when its quote is no longer on the page.
//
// The context menu cannot be clicked in a headless browser. Its click handler in the background
// (src/background/context-menu.ts) does one thing: send the content message composeFromSelection
// to the frame with the selection. The tests send that same message to the tab (askPage).
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { textCenter } from '../spec/views';
import {
  askPage,
  callBackground,
  eventually,
  fixtureUrl,
  openGloss,
  openManager,
  openReview,
  type TestBrowser,
} from './gloss';
import { clickInPopover, highlighted, hover, surface, waitForPopover } from './page-helpers';

let gloss: TestBrowser;
let manager: Page;

beforeAll(async () => {
  gloss = await openGloss();
  manager = await openManager(gloss);
});
// After every test: no error logged meanwhile.
afterEach(() => {
  expect(gloss.errors.splice(0)).toEqual([]);
});
afterAll(async () => {
  await gloss?.close();
});

describe('adding an article', () => {
  it('captures the article from the popup, reviews it, and saves a pack whose names are marked', async () => {
    const article = await gloss.context.newPage();
    await article.goto(fixtureUrl('article.html'));
    const { popup, review, names } = await openReview(gloss, article);
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
    const captured = packs.find((p) => !p.bundled);
    expect(captured?.title).toBe('NATO approves plan for enhanced support to Ukraine');
    const { entities } = await callBackground(manager, 'listEntities', { packId: captured?.id, limit: 100 });
    expect(entities.map((e) => e.name)).toEqual(
      expect.arrayContaining(['Wiesbaden', 'Jens Stoltenberg', 'Viktor Orbán']),
    );
    expect(entities.map((e) => e.name)).not.toContain('Reuters');
    expect(entities.find((e) => e.name === 'Viktor Orbán')?.aliases).toEqual(['Orban']);
    expect(
      await callBackground(manager, 'getDraft', { id: review.url().split('#review/')[1] ?? '' }),
    ).toBeNull();

    // Only the captured pack on: what the page marks now comes from it.
    await callBackground(manager, 'setPackEnabled', { id: 'nato-ukraine-2024', enabled: false });
    await article.reload();
    await eventually(async () => (await highlighted(article)).light).toEqual(
      expect.arrayContaining(['Wiesbaden', 'Jens Stoltenberg', 'Orban']),
    );
    await callBackground(manager, 'setPackEnabled', { id: 'nato-ukraine-2024', enabled: true });
    await Promise.all([popup.close(), review.close(), article.close()]);
  });
});

/** Selects the first occurrence of `text` in the page, as a person dragging over it would. */
const select = (page: Page, text: string) => textCenter(surface(page), 'body', text, { select: true });

/** The texts marked as page-note quotes. */
const noteMarks = (page: Page) =>
  page.evaluate(() => [...(CSS.highlights.get('gloss-note') ?? [])].map((r) => (r as Range).toString()));

const GONE =
  'These activities are expected to involve nearly 700 military personnel from NATO member and partner countries.';

describe('keeping a selection', () => {
  it('saves a note on a selection, marks its quote on the next visit, and says when the quote is gone', async () => {
    const page = await gloss.context.newPage();
    await page.goto(fixtureUrl('article.html'));
    await page.locator('article').waitFor();

    await select(page, 'Wiesbaden in southern Germany');
    // What the context menu's click handler sends to the frame with the selection.
    expect(await askPage(gloss, page, 'composeFromSelection', { kind: 'note' })).toBe(true);
    await waitForPopover(page, (view) => view?.text.includes('Note on this selection') ?? false);
    await page.keyboard.type('Where exactly is the HQ?');
    await page.keyboard.press('Control+Enter');
    await waitForPopover(page, (view) => view === null);

    await select(page, 'nearly 700 military personnel');
    expect(await askPage(gloss, page, 'composeFromSelection', { kind: 'note' })).toBe(true);
    await waitForPopover(page, (view) => view?.text.includes('nearly 700 military personnel') ?? false);
    await page.keyboard.type('Is 700 a lot?');
    await page.keyboard.press('Control+Enter');
    await waitForPopover(page, (view) => view === null);
    await eventually(async () => (await callBackground(manager, 'listNotes', {})).length).toBe(2);

    const notes = await callBackground(manager, 'listNotes', {});
    const hq = notes.find((n) => n.text === 'Where exactly is the HQ?');
    const troops = notes.find((n) => n.text === 'Is 700 a lot?');
    expect(hq).toMatchObject({
      entityKey: '',
      pageUrl: fixtureUrl('article.html'),
      pageTitle: 'NATO approves plan for enhanced support to Ukraine',
      selector: {
        exact: 'Wiesbaden in southern Germany',
        prefix: 'ance to Kyiv will be located in ',
        suffix: ', a US military base is already ',
      },
    });
    expect(hq?.selector?.prefix).toHaveLength(32);
    // Saved notes are marked at once.
    await eventually(() => noteMarks(page)).toEqual([
      'Wiesbaden in southern Germany',
      'nearly 700 military personnel',
    ]);

    // The page changed: one quoted sentence is gone.
    await page.route(fixtureUrl('article.html'), async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(`<p>${GONE}</p>`, '');
      await route.fulfill({ response, body });
    });
    await page.reload();
    await eventually(() => noteMarks(page)).toEqual(['Wiesbaden in southern Germany']);
    await eventually(
      async () =>
        (await callBackground(manager, 'listNotes', {})).find((n) => n.id === troops?.id)?.quoteMissing,
    ).toBe(true);

    // Hovering the marked quote shows the note.
    const card = await hover(page, 'article', 'southern');
    expect(card.text).toContain('Where exactly is the HQ?');

    await manager.bringToFront();
    await manager.evaluate(() => {
      location.hash = '#notes';
    });
    const row = manager.locator(`[data-note-id="${troops?.id}"]`);
    await eventually(() => row.getByTestId('quote-missing').count()).toBe(1);
    expect(await row.textContent()).toContain('Page note');
    expect(await manager.locator(`[data-note-id="${hq?.id}"] [data-testid="quote-missing"]`).count()).toBe(0);
    await page.close();
  });

  it('adds a selection as a fact about an entity, in My knowledge', async () => {
    const page = await gloss.context.newPage();
    await page.goto(fixtureUrl('article.html'));
    await page.locator('article').waitFor();
    await select(page, 'logistics hubs will be set up in the eastern part of the Alliance');
    expect(await askPage(gloss, page, 'composeFromSelection', { kind: 'fact' })).toBe(true);
    await waitForPopover(page, (view) => view?.text.includes('About which entity?') ?? false);
    await page.keyboard.type('Wiesbaden');
    await clickInPopover(page, 'Wiesbaden');
    await clickInPopover(page, 'Save fact');
    await waitForPopover(page, (view) => view === null);

    const { entities } = await callBackground(manager, 'listEntities', { packId: 'my-knowledge' });
    const own = entities.find((e) => e.name === 'Wiesbaden');
    expect(own).toMatchObject({ type: 'place', factCount: 1 });
    // The card shows the identity: the pack's facts about Wiesbaden and the new one, from its own source.
    const view = await callBackground(manager, 'getEntity', { key: own?.key ?? '' });
    const added = view?.facts.find((fact) => fact.packId === 'my-knowledge');
    expect(added).toMatchObject({
      text: 'logistics hubs will be set up in the eastern part of the Alliance',
      source: {
        title: 'NATO approves plan for enhanced support to Ukraine',
        url: fixtureUrl('article.html'),
      },
    });
    expect(added?.quote).toContain('The headquarters for coordinating assistance to Kyiv');
    await page.close();
  });
});
