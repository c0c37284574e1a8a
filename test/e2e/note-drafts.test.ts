// The note editor keeps what the user typed (hardening 9 and 10), in real Chromium: a half-written
// note outlives knowledge changing in another tab and the card closing; two tabs saving one note
// do not silently overwrite each other.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBackground, fixtureUrl, openGloss, type TestBrowser } from './gloss';
import { clickInPopover, hover, readPopover, waitForMentions, waitForPopover } from './page-helpers';

const PACK_ID = 'nato-ukraine-2024';
const WIESBADEN = `${PACK_ID}/wiesbaden`;

let gloss: TestBrowser;
beforeAll(async () => {
  gloss = await openGloss();
});
afterAll(async () => {
  await gloss?.close();
});

async function openManager(hash: string): Promise<Page> {
  const page = await gloss.extensionPage(`options.html${hash}`);
  await page.locator('.gloss-manager').waitFor();
  // The bundled packs: NATO, and "Countries of the world" (off).
  await expect.poll(async () => (await callBackground(page, 'listPacks', undefined)).length).toBe(2);
  return page;
}

async function openArticle(): Promise<Page> {
  const page = await gloss.context.newPage();
  await page.goto(fixtureUrl('article.html'));
  await expect.poll(async () => (await waitForMentions(page, [], 50)).length).toBeGreaterThan(50);
  return page;
}

const notesAbout = async (page: Page, entityKey: string) =>
  (await callBackground(page, 'listNotes', { entityKey })).map((note) => note.text);

describe('a half-written note', () => {
  it('survives a pack toggled in another tab, and comes back when the card is closed and opened again', async () => {
    const page = await openArticle();
    await hover(page, 'article', 'Wiesbaden');
    await clickInPopover(page, 'Add note');
    await clickInPopover(page, 'textarea');
    await page.keyboard.type('Half a thought');

    // The manager, in another tab, switches the pack off and on again.
    const manager = await openManager('#knowledge');
    const toggle = manager.locator(`[data-pack-id="${PACK_ID}"]`).getByRole('switch');
    await toggle.click();
    await expect
      .poll(
        async () =>
          (await callBackground(manager, 'listPacks', undefined)).find((p) => p.id === PACK_ID)?.enabled,
      )
      .toBe(false);
    await toggle.click();
    await expect
      .poll(
        async () =>
          (await callBackground(manager, 'listPacks', undefined)).find((p) => p.id === PACK_ID)?.enabled,
      )
      .toBe(true);

    // Back on the page the text is still there: in the open editor, or (if the page closed the card
    // on the knowledge change) in the editor of the card opened again.
    await page.bringToFront();
    await expect.poll(async () => (await waitForMentions(page, [], 50)).length).toBeGreaterThan(50);
    const open = await readPopover(page);
    if (!open?.controls.has('textarea')) {
      await hover(page, 'article', 'Wiesbaden');
      await clickInPopover(page, 'Add note');
    }
    await clickInPopover(page, 'textarea');
    await page.keyboard.press('End');
    await page.keyboard.type(' about the HQ');
    await page.keyboard.press('Control+Enter');
    await waitForPopover(page, (v) => v?.text.includes('Half a thought about the HQ') ?? false);
    expect(await notesAbout(manager, WIESBADEN)).toContain('Half a thought about the HQ');

    // Closed by a click elsewhere, then opened again: the draft is back.
    await clickInPopover(page, 'Add note');
    await clickInPopover(page, 'textarea');
    await page.keyboard.type('Second draft');
    await page.mouse.click(5, 5);
    await expect.poll(() => readPopover(page)).toBeNull();
    await hover(page, 'article', 'Wiesbaden');
    await clickInPopover(page, 'Add note');
    await waitForPopover(page, (v) => v?.text.includes('Your unsaved text is back.') ?? false);
    await clickInPopover(page, 'textarea');
    await page.keyboard.press('End');
    await page.keyboard.type(', continued');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => notesAbout(manager, WIESBADEN)).toContain('Second draft, continued');

    await Promise.all([page.close(), manager.close()]);
    expect(gloss.errors).toEqual([]);
  });

  it('in the manager, the open editor keeps its text while knowledge changes in another tab', async () => {
    const card = await openManager(`#entity/${encodeURIComponent(WIESBADEN)}`);
    await card.getByRole('button', { name: 'Add note' }).click();
    const box = card.getByRole('textbox', { name: 'Note' });
    await box.pressSequentially('Typed in the manager');

    const other = await openManager('#knowledge');
    await callBackground(other, 'setPackEnabled', { id: PACK_ID, enabled: false });
    await callBackground(other, 'setPackEnabled', { id: PACK_ID, enabled: true });
    await card.bringToFront();
    // The entity page reloads on each change; the form stays.
    await card.waitForTimeout(500);
    expect(await card.locator('.gloss-entity-page h1').textContent()).toContain('Wiesbaden');
    expect(await box.inputValue()).toBe('Typed in the manager');
    await Promise.all([card.close(), other.close()]);
  });
});

describe('two tabs editing one note', () => {
  it('the later save does not silently win: both texts are shown and the user keeps theirs', async () => {
    const setup = await openManager('#notes');
    const created = await callBackground(setup, 'createNote', {
      entityKey: WIESBADEN,
      text: 'The original',
      pageUrl: 'https://example.org/',
      pageTitle: 'Example',
      quote: '',
    });
    await setup.close();
    const [a, b] = [await openManager('#notes'), await openManager('#notes')];
    const rowIn = (page: Page) => page.locator(`[data-note-id="${created.id}"]`);
    for (const page of [a, b]) {
      await page.bringToFront();
      await rowIn(page).getByRole('button', { name: 'Edit' }).click();
    }
    await b.bringToFront();
    await rowIn(b).getByRole('textbox', { name: 'Note' }).fill('Edited in tab B');
    await rowIn(b).getByRole('button', { name: 'Save' }).click();
    await rowIn(b).locator('.gloss-note-text', { hasText: 'Edited in tab B' }).waitFor();

    await a.bringToFront();
    await rowIn(a).getByRole('textbox', { name: 'Note' }).fill('Edited in tab A');
    await rowIn(a).getByRole('button', { name: 'Save' }).click();
    await rowIn(a).locator('.gloss-conflict-theirs', { hasText: 'Edited in tab B' }).waitFor();
    expect(await rowIn(a).getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Edited in tab A');
    expect((await callBackground(a, 'listNotes', {})).find((n) => n.id === created.id)?.text).toBe(
      'Edited in tab B',
    );

    await rowIn(a).getByRole('button', { name: 'Keep mine' }).click();
    await rowIn(a).locator('.gloss-note-text', { hasText: 'Edited in tab A' }).waitFor();
    expect((await callBackground(a, 'listNotes', {})).find((n) => n.id === created.id)?.text).toBe(
      'Edited in tab A',
    );
    await rowIn(b).locator('.gloss-note-text', { hasText: 'Edited in tab A' }).waitFor();
    await Promise.all([a.close(), b.close()]);
    expect(gloss.errors).toEqual([]);
  });
});
