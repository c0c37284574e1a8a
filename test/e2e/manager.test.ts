// The manager (options page, in a tab) driven as a person would: through its controls, checking
// the result in the background's knowledge base.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoteInput } from '@/src/messaging/protocol';
import { bundledPackFile, callBackground, openGloss, type TestBrowser } from './gloss';

const PACK_ID = 'nato-ukraine-2024';
const WIESBADEN = `${PACK_ID}/wiesbaden`;

let browser: TestBrowser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function openManager(hash = '#notes'): Promise<{ browser: TestBrowser; page: Page }> {
  browser = await openGloss();
  const page = await browser.extensionPage(`options.html${hash}`);
  await page.locator('.gloss-manager').waitFor();
  // The bundled pack is installed on first start; wait for it so every test starts alike.
  // The bundled packs: NATO, and "Countries of the world" (off).
  await expect.poll(async () => (await callBackground(page, 'listPacks', undefined)).length).toBe(2);
  return { browser, page };
}

const noteInput = (text: string, overrides: Partial<NoteInput> = {}): NoteInput => ({
  entityKey: WIESBADEN,
  text,
  pageUrl: 'https://example.org/nato-plan',
  pageTitle: 'NATO approves plan',
  quote: 'The headquarters for coordinating assistance to Kyiv will be located in Wiesbaden.',
  ...overrides,
});

const go = async (page: Page, hash: string) => {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
};

describe('the manager', () => {
  it('shows notes live, edits one in place, and restores a deleted note with Undo', async () => {
    const { page } = await openManager('#notes');
    // Created after the page loaded: the list must follow the knowledge base by itself.
    const note = await callBackground(page, 'createNote', noteInput('Check the <b>HQ</b> opening date'));
    const row = page.locator(`[data-note-id="${note.id}"]`);
    await expect.poll(() => row.textContent()).toContain('Check the <b>HQ</b> opening date');
    expect(await row.textContent()).toContain('Wiesbaden');
    expect(await row.locator('a[href="https://example.org/nato-plan"]').textContent()).toBe(
      'NATO approves plan',
    );

    await row.getByRole('button', { name: 'Edit' }).click();
    const textarea = row.getByRole('textbox', { name: 'Note' });
    await expect.poll(() => textarea.evaluate((el) => el === document.activeElement)).toBe(true);
    await textarea.fill('Opening date: autumn 2024');
    await row.getByRole('button', { name: 'Save' }).click();
    await row.locator('.gloss-note-text', { hasText: 'Opening date: autumn 2024' }).waitFor();
    const [edited] = await callBackground(page, 'listNotes', {});
    expect(edited).toMatchObject({
      id: note.id,
      text: 'Opening date: autumn 2024',
      createdAt: note.createdAt,
    });
    // Focus goes back to the Edit button, not to <body>.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Edit');

    await row.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await callBackground(page, 'listNotes', {})).length).toBe(0);
    await expect.poll(() => row.count()).toBe(0);
    const undo = page.locator('.gloss-toast').getByRole('button', { name: 'Undo' });
    await undo.click();
    // Lossless: the same id, dates and text come back.
    await expect.poll(() => callBackground(page, 'listNotes', {})).toEqual([edited]);
    await row.waitFor();
    await page.locator('.gloss-toast').waitFor({ state: 'detached' });
    expect(browser?.errors).toEqual([]);
  });

  it('exports everything, deletes all data (typing DELETE), and imports the backup back', async () => {
    const { page } = await openManager('#backup');
    await callBackground(page, 'createNote', noteInput('First note'));
    await callBackground(page, 'createNote', noteInput('Second note', { pageUrl: 'https://example.com/b' }));
    await callBackground(page, 'setPackEnabled', { id: PACK_ID, enabled: false });
    const notesBefore = await callBackground(page, 'listNotes', {});
    const packsBefore = await callBackground(page, 'listPacks', undefined);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export everything' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gloss-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    expect(JSON.parse(readFileSync(file, 'utf8')).notes).toHaveLength(2);

    const [markdown] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export notes as Markdown' }).click(),
    ]);
    expect(markdown.suggestedFilename()).toMatch(/^gloss-notes-\d{4}-\d{2}-\d{2}\.md$/);
    const md = readFileSync(await markdown.path(), 'utf8');
    expect(md).toContain('## Wiesbaden');
    expect(md).toContain('First note');
    expect(md).toContain('[NATO approves plan](<https://example.com/b>)');

    await go(page, '#settings');
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete all Gloss data?' });
    const confirm = dialog.getByRole('button', { name: 'Delete everything' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Type DELETE to confirm' }).fill('DELETE');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    expect(await callBackground(page, 'listNotes', {})).toEqual([]);
    expect(await callBackground(page, 'listPacks', undefined)).toEqual([]);

    await go(page, '#backup');
    await page.getByTestId('backup-file').setInputFiles(file);
    await expect
      .poll(() => page.getByTestId('backup-result').textContent())
      .toBe('Imported 2 packs; notes: 2 added, 0 updated, 0 already up to date.');
    expect(await callBackground(page, 'listNotes', {})).toEqual(notesBefore);
    const strip = (packs: typeof packsBefore) => packs.map(({ installedAt, updatedAt, ...rest }) => rest);
    expect(strip(await callBackground(page, 'listPacks', undefined))).toEqual(strip(packsBefore));
    expect(browser?.errors).toEqual([]);
  });

  it('previews a pack file, names the errors of a malformed one and changes nothing', async () => {
    const { page } = await openManager('#knowledge');
    const packsBefore = await callBackground(page, 'listPacks', undefined);
    const upload = (name: string, data: unknown) =>
      page.getByTestId('pack-file').setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(data)),
      });
    const errorLines = async (name: string) => {
      await page.locator('.gloss-error-block', { hasText: name }).waitFor();
      return page.locator('.gloss-error-list li').allTextContents();
    };

    const ghost = bundledPackFile();
    ghost.pack.id = 'broken-pack';
    ghost.facts[0].entityId = 'ghost';
    await upload('ghost.gloss-pack.json', ghost);
    expect(await errorLines('ghost.gloss-pack.json')).toEqual([
      'facts[0].entityId: no entity with id "ghost"',
    ]);
    expect(await page.getByRole('button', { name: /Import pack|Replace pack/ }).count()).toBe(0);

    const emptyAlias = bundledPackFile();
    emptyAlias.entities[3].aliases = [''];
    await upload('alias.gloss-pack.json', emptyAlias);
    expect(await errorLines('alias.gloss-pack.json')).toEqual(['entities[3].aliases[0]: empty string']);

    // Even when sent to the background anyway, the pack is refused whole.
    const refused = await callBackground(page, 'importPack', { json: JSON.stringify(ghost) });
    expect(refused.ok).toBe(false);
    expect(await callBackground(page, 'listPacks', undefined)).toEqual(packsBefore);

    // A valid file: the preview says what it adds and what it replaces, then imports.
    const update = bundledPackFile();
    update.pack.title = 'NATO plan, second edition';
    update.entities = update.entities.slice(0, 2);
    const kept = new Set(update.entities.map((e: { id: string }) => e.id));
    update.facts = update.facts.filter((f: { entityId: string }) => kept.has(f.entityId));
    await upload('update.gloss-pack.json', update);
    const preview = page.locator('.gloss-preview');
    await preview.waitFor();
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('NATO plan, second edition');
    expect(text).toContain(`2 entities · ${update.facts.length} facts · ${update.sources.length} sources`);
    const installed = packsBefore.find((p) => p.id === PACK_ID);
    expect(text).toContain(`Replaces the installed pack “${installed?.title}”`);
    await preview.getByRole('button', { name: 'Replace pack' }).click();
    await page.locator('.gloss-success', { hasText: 'NATO plan, second edition' }).waitFor();
    const after = (await callBackground(page, 'listPacks', undefined)).find((p) => p.id === PACK_ID);
    expect(after).toMatchObject({ id: PACK_ID, title: 'NATO plan, second edition', entityCount: 2 });
    // The list follows the import by itself.
    await page.locator(`[data-pack-id="${PACK_ID}"]`, { hasText: '2 entities' }).waitFor();
    expect(browser?.errors).toEqual([]);
  });

  it('switches a pack off and on, and removes it only after confirming', async () => {
    const { page } = await openManager('#knowledge');
    const row = page.locator(`[data-pack-id="${PACK_ID}"]`);
    const toggle = row.getByRole('switch');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect
      .poll(
        async () =>
          (await callBackground(page, 'listPacks', undefined)).find((p) => p.id === PACK_ID)?.enabled,
      )
      .toBe(false);
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await toggle.press('Space');
    await expect
      .poll(
        async () =>
          (await callBackground(page, 'listPacks', undefined)).find((p) => p.id === PACK_ID)?.enabled,
      )
      .toBe(true);

    await row.getByRole('button', { name: 'Remove…' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Cancel (Esc) keeps the pack and gives the focus back to the Remove button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            `${document.activeElement?.tagName} ${document.activeElement?.textContent?.slice(0, 20)} ${document.hasFocus()}`,
        ),
      )
      .toBe('BUTTON Remove… true');
    expect(await callBackground(page, 'listPacks', undefined)).toHaveLength(2); // and "Countries of the world"

    await row.getByRole('button', { name: 'Remove…' }).click();
    dialog = page.getByRole('dialog');
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    await dialog.getByRole('button', { name: 'Remove pack' }).click();
    await expect
      .poll(async () => (await callBackground(page, 'listPacks', undefined)).map((p) => p.id))
      .toEqual(['countries-of-the-world']);
    await row.waitFor({ state: 'detached' });
    expect(browser?.errors).toEqual([]);
  });

  it('lists an orphaned note and re-attaches it to another entity', async () => {
    const { page } = await openManager('#notes');
    const mine = await callBackground(page, 'saveEntity', {
      name: 'Temporary place',
      type: 'place',
      aliases: [],
    });
    const note = await callBackground(
      page,
      'createNote',
      noteInput('About a place that goes away', { entityKey: mine.key }),
    );
    await callBackground(page, 'deleteEntity', { key: mine.key });
    const row = page.locator(`[data-note-id="${note.id}"]`);
    await expect.poll(() => row.textContent()).toContain('Orphaned');
    await page.getByRole('combobox', { name: 'Entity' }).selectOption('orphaned');
    expect(await page.locator('.gloss-note-row').count()).toBe(1);

    const wiesbaden = (await callBackground(page, 'getEntity', { key: WIESBADEN }))?.identity.id as string;
    await row.getByRole('button', { name: 'Re-attach…' }).click();
    await row.getByRole('searchbox', { name: 'Attach this note to' }).fill('Wiesb');
    await row.getByRole('button', { name: /^Wiesbaden/ }).click();
    await expect
      .poll(async () => (await callBackground(page, 'listNotes', {}))[0])
      // Notes attach to identities (issue 13): Wiesbaden's.
      .toMatchObject({ id: note.id, entityKey: wiesbaden, orphaned: false });
    // No longer orphaned, so the "Orphaned notes" filter no longer shows it.
    await row.waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Entity' }).selectOption('');
    await row.locator(`a[href="#entity/${encodeURIComponent(wiesbaden)}"]`).waitFor();
    expect(await row.textContent()).not.toContain('Orphaned');
    expect(browser?.errors).toEqual([]);
  });

  it('saves settings as they change and follows changes made elsewhere', async () => {
    const { page, browser } = await openManager('#settings');
    const stored = () =>
      browser.serviceWorker.evaluate(
        async () => (await chrome.storage.local.get('settings')).settings,
      ) as Promise<Record<string, unknown> | undefined>;
    const delay = page.getByRole('spinbutton', { name: /Delay before the card opens/ });
    await delay.fill('5000');
    await delay.press('Enter');
    await expect.poll(async () => (await stored())?.hoverDelay).toBe(2000);
    expect(await delay.inputValue()).toBe('2000');
    await page.getByRole('radio', { name: /Tint/ }).check();
    await expect.poll(async () => (await stored())?.highlightStyle).toBe('tint');
    await page.getByRole('textbox', { name: 'Add a site' }).fill('https://News.Example.com/page');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(async () => (await stored())?.disabledSites).toEqual(['news.example.com']);
    await page.getByRole('button', { name: 'Remove news.example.com' }).click();
    await expect.poll(async () => (await stored())?.disabledSites).toEqual([]);

    // Another context changes the settings: the page follows.
    await browser.serviceWorker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({
        settings: { ...(settings as object), hoverDelay: 750, highlightStyle: 'hover' },
      });
    });
    await expect.poll(() => delay.inputValue()).toBe('750');
    expect(await page.getByRole('radio', { name: /Off until hover/ }).isChecked()).toBe(true);
    expect(await page.locator('.gloss-shortcuts').textContent()).toContain('Alt+Shift+G');
    expect(browser.errors).toEqual([]);
  });

  it('has no serious or critical accessibility violation on any view', async () => {
    const { page } = await openManager('#notes');
    await callBackground(page, 'createNote', noteInput('A note for the accessibility check'));
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const views: Array<[string, string]> = [
      ['#notes', '.gloss-note-row'],
      ['#knowledge', '.gloss-entity-list li'],
      [`#entity/${encodeURIComponent(WIESBADEN)}`, '.gloss-entity-page'],
      ['#backup', 'text=Export everything'],
      ['#settings', 'text=Keyboard shortcuts'],
    ];
    // Extension pages forbid inline scripts (CSP), so addScriptTag cannot inject axe; evaluating
    // through the DevTools protocol is not subject to the page's CSP.
    await page.evaluate(readFileSync(axePath, 'utf8'));
    const failures: string[] = [];
    let checked = 0;
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const [hash, ready] of views) {
        await go(page, hash);
        await page.locator(ready).first().waitFor();
        const results = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run(): Promise<AxeResults> } }).axe;
          const { passes, violations } = await axe.run();
          return {
            passes: passes.length,
            violations: violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              nodes: v.nodes.map((n) => n.target.join(' ')),
            })),
          };
        });
        checked += results.passes;
        for (const violation of results.violations) {
          if (violation.impact === 'serious' || violation.impact === 'critical') {
            failures.push(
              `${colorScheme} ${hash}: ${violation.id} (${violation.impact}) at ${violation.nodes.join(', ')}`,
            );
          }
        }
      }
    }
    // axe really ran (a page without it would pass vacuously).
    expect(checked).toBeGreaterThan(50);
    expect(failures).toEqual([]);
    expect(browser?.errors).toEqual([]);
  });
});

interface AxeResults {
  passes: unknown[];
  violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: string[] }> }>;
}
