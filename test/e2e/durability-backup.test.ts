// Nothing the user made is lost, in real Chromium: captures waiting for review are listed in the
// manager and can be discarded there, and expire by a daily alarm; a backup with one bad record
// still imports, and the manager says what was left out.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBackground, eventually, openGloss, openManager, type TestBrowser } from './gloss';

let gloss: TestBrowser;
let manager: Page;

beforeAll(async () => {
  gloss = await openGloss();
  manager = await openManager(gloss);
});
afterAll(async () => {
  await gloss?.close();
});

describe('captures waiting for review', () => {
  it('lists a captured draft with its title, site and size, and Discard removes it', async () => {
    // What the popup's "Add this article to Gloss" sends once Readability has read the page.
    const { draftId } = await callBackground(manager, 'captureArticle', {
      title: 'NATO approves the Wiesbaden plan',
      url: 'https://news.example/nato-plan',
      siteName: 'News Example',
      text: 'NATO Secretary General Jens Stoltenberg said the headquarters will be located in Wiesbaden.',
      language: 'en',
    });
    await manager.goto(`chrome-extension://${gloss.extensionId}/options.html#backup`);
    const row = manager.getByTestId('draft');
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('NATO approves the Wiesbaden plan');
    expect(text).toContain('News Example');
    expect(text).toMatch(/\d+(\.\d)? (KB|bytes)/);
    expect(await row.getByRole('link', { name: 'Open' }).getAttribute('href')).toBe(`#review/${draftId}`);

    await row.getByRole('button', { name: /Discard/ }).click();
    await eventually(() => row.count()).toBe(0);
    await expect.poll(() => manager.getByText('No captures are waiting.').count()).toBe(1);
    expect(await callBackground(manager, 'getDraft', { id: draftId })).toBeNull();
    expect(await callBackground(manager, 'listDrafts', undefined)).toEqual([]);
  });
});

describe('storage', () => {
  it('asks for unlimitedStorage (Chromium never evicts such an extension) and alarms, for draft expiry', async () => {
    const manifest = await manager.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.permissions).toEqual(expect.arrayContaining(['unlimitedStorage', 'alarms']));
    await eventually(() =>
      gloss.serviceWorker.evaluate(async () => Boolean(await chrome.alarms.get('gloss-expire-drafts'))),
    ).toBe(true);
  });
});

describe('importing a backup with a bad record', () => {
  it('imports the rest and lists what was left out, with its path and reason', async () => {
    const backup = JSON.parse(await callBackground(manager, 'exportAll', undefined));
    const good = {
      id: 'e2e-good-note',
      entityKey: 'nato-ukraine-2024/wiesbaden',
      entityName: 'Wiesbaden',
      text: 'Imported despite its neighbour',
      pageUrl: `https://example.org/${'long/'.repeat(2500)}`,
      pageTitle: 'Example',
      quote: '',
      createdAt: 1,
      updatedAt: 1,
    };
    backup.notes.push(good, { ...good, id: 'e2e-bad-note', text: '   ' });
    backup.settings = { ...backup.settings, disabledSites: 5 };
    const file = join(tmpdir(), `gloss-e2e-backup-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(backup));

    await manager.goto(`chrome-extension://${gloss.extensionId}/options.html#backup`);
    await manager.getByTestId('backup-file').setInputFiles(file);
    await expect.poll(() => manager.getByTestId('backup-result').count(), { timeout: 15_000 }).toBe(1);
    const report = (await manager.locator('.gloss-import-result').textContent()) ?? '';
    expect(report).toContain('2 records were left out');
    expect(report).toMatch(/notes\[\d+\]\.text: blank string/);
    expect(report).toContain('settings.disabledSites');
    expect(report).toContain('1 value was too long and clipped');
    const notes = await callBackground(manager, 'listNotes', {});
    const imported = notes.find((n) => n.id === 'e2e-good-note');
    expect(imported?.pageUrl.length).toBeLessThanOrEqual(10_000);
    expect(notes.some((n) => n.id === 'e2e-bad-note')).toBe(false);
  });
});

const DAY = 86_400_000;

describe('reminders in the manager', () => {
  it('warns from day 23 that a capture will be discarded, and counts the days', async () => {
    const { draftId } = await callBackground(manager, 'captureArticle', {
      title: 'An old capture',
      url: 'https://news.example/old',
      text: 'Jens Stoltenberg spoke in Wiesbaden.',
      language: 'en',
    });
    // Make the draft 25 days old, in the background's own database.
    await gloss.serviceWorker.evaluate(
      async ({ id, age }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('gloss');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const store = db.transaction('settings', 'readwrite').objectStore('settings');
        const record = await new Promise<{ key: string; value: { createdAt: number } }>((resolve) => {
          const get = store.get(`draft:${id}`);
          get.onsuccess = () => resolve(get.result);
        });
        record.value.createdAt = Date.now() - age;
        await new Promise((resolve) => {
          store.put(record).onsuccess = resolve;
        });
        db.close();
      },
      { id: draftId, age: 25 * DAY },
    );
    await manager.goto(`chrome-extension://${gloss.extensionId}/options.html#notes`);
    await manager.reload();
    const warning = manager.getByTestId('drafts-expiring');
    await eventually(() => warning.count()).toBe(1);
    expect(await warning.textContent()).toContain('1 review will be discarded in 5 days');
    await callBackground(manager, 'discardDraft', { id: draftId });
  });

  it('reminds to save a backup when an old note was never saved to a file, until one is exported', async () => {
    const old = Date.now() - 40 * DAY;
    const backup = {
      format: 'gloss-backup',
      version: 1,
      exportedAt: '',
      packs: [],
      notes: [
        {
          id: 'e2e-old-note',
          entityKey: 'nato-ukraine-2024/wiesbaden',
          entityName: 'Wiesbaden',
          text: 'Written long ago',
          pageUrl: '',
          pageTitle: '',
          quote: '',
          createdAt: old,
          updatedAt: old,
        },
      ],
      settings: {},
    };
    await callBackground(manager, 'importAll', { json: JSON.stringify(backup) });
    await manager.goto(`chrome-extension://${gloss.extensionId}/options.html#backup`);
    await manager.reload();
    const reminder = manager.getByTestId('backup-reminder');
    await eventually(() => reminder.count()).toBe(1);
    expect(await reminder.textContent()).toMatch(
      /\d+ notes? older than 30 days (was|were) never saved to a file/,
    );

    const download = manager.waitForEvent('download');
    await manager.getByRole('button', { name: 'Export everything' }).click();
    await download;
    await eventually(() => reminder.count()).toBe(0);
  });
});
