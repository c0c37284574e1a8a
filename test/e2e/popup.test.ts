// The toolbar popup against a real tab: what it lists for the page, what its controls do to the
// page, search and the card, the honest states, and accessibility. The toolbar button is clicked
// on the page's tab (granting activeTab, as for a user), then the popup is opened as a page of its
// own with `?tabId=` (its test hook) pointing at that tab.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundledPackFile, callBackground, fixtureUrl, openGloss, type TestBrowser } from './gloss';
import { readPopover, waitForMentions, waitForPopover } from './page-helpers';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const { mentions } = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/article.expected.json'), 'utf8'),
) as { mentions: string[] };
const PACK = 'nato-ukraine-2024';
const times = (...names: string[]) => mentions.filter((text) => names.includes(text)).length;

/** Asserts on what the popup shows once it has caught up (storage and messages are asynchronous). */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });

let gloss: TestBrowser;
let article: Page;
let articleTab: number;

/**
 * Clicks Gloss's toolbar button on the page's tab (through the DevTools protocol), which grants
 * activeTab for it as a real click does, and returns the tab's id, found as the active tab.
 */
async function clickToolbarButton(page: Page): Promise<number> {
  await page.bringToFront();
  const browserCdp = await (gloss.context.browser() as Browser).newBrowserCDPSession();
  const { targetInfos } = (await browserCdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
    targetInfos: Array<{ targetId: string; url: string }>;
  };
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await browserCdp.send('Extensions.triggerAction', { id: gloss.extensionId, targetId: tab.targetId });
  await browserCdp.detach();
  return gloss.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
}

/**
 * Leaves the page without a working content script, as an extension update does (Chromium cannot
 * reload an extension loaded with --load-extension in this harness): in the content script's own
 * world, announce a newer instance, which makes WXT invalidate the running one.
 */
async function orphanContentScript(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }> =
    [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = contexts.find(
    (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${gloss.extensionId}`,
  );
  if (!world) throw new Error('no content-script world in the page');
  await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    expression: `document.dispatchEvent(new CustomEvent(chrome.runtime.id + ':content:wxt:content-script-started', {
      detail: { contentScriptName: 'content', messageId: 'popup-test' },
    }))`,
  });
  await cdp.detach();
}

/** The identity an entity of a pack belongs to: what the popup's lists are keyed by. */
const identityOf = async (page: Page, entityKey: string) =>
  (await callBackground(page, 'getEntity', { key: entityKey }))?.identity.id ?? entityKey;

const openPopup = (tabId: number) => gloss.extensionPage(`popup.html?tabId=${tabId}`);

/** Violations axe rates serious or critical, as "rule: target" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script.
    const result = await (window as any).axe.run(document);
    return result.violations as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The "On this page" list as the user sees it: group headings, names and counts. */
function pageGroups(popup: Page) {
  return popup.evaluate(() =>
    [...document.querySelectorAll('[data-testid="page-entities"] section')].map((section) => ({
      group: section.querySelector('h3')?.textContent,
      entities: [...section.querySelectorAll('button')].map((button) => ({
        name: button.querySelector('.gloss-popup-item-name')?.textContent,
        count: Number(button.querySelector('[data-testid="mention-count"] [aria-hidden]')?.textContent),
      })),
    })),
  );
}

/** A tab with the article, marked, whose toolbar button has been clicked. */
async function openArticle() {
  article = await gloss.context.newPage();
  await article.goto(fixtureUrl('article.html'));
  expect(await waitForMentions(article, mentions, 10_000)).toEqual(mentions);
  articleTab = await clickToolbarButton(article);
}

beforeAll(async () => {
  gloss = await openGloss();
  await openArticle();
});
afterAll(async () => {
  await gloss?.close();
});
// After every test: no error logged meanwhile, and everything as the next test expects it — only
// the article's tab open, no popover, default settings, no notes, the article marked (a tab
// whose content script a test left gone is replaced).
afterEach(async () => {
  expect(gloss.errors.splice(0)).toEqual([]);
  expect(gloss.offMachine.splice(0)).toEqual([]);
  const control = await gloss.extensionPage('popup.html');
  await control.evaluate(() => chrome.storage.local.remove('settings'));
  for (const note of await callBackground(control, 'listNotes', {})) {
    await callBackground(control, 'deleteNote', { id: note.id });
  }
  for (const page of gloss.context.pages()) if (page !== article) await page.close();
  await article.bringToFront();
  await article.keyboard.press('Escape');
  if ((await waitForMentions(article, mentions, 3000)).length !== mentions.length) {
    await article.close();
    await openArticle();
  }
});

describe('the popup on a page Gloss marked', () => {
  it('lists the entities on the page, grouped by type, with their mention counts', async () => {
    const popup = await openPopup(articleTab);
    await popup.getByTestId('page-entities').waitFor();
    const groups = await pageGroups(popup);
    expect(groups.map((g) => g.group)).toEqual(['People', 'Places', 'Organisations', 'Events', 'Other']);
    const find = (name: string) => groups.flatMap((g) => g.entities).find((e) => e.name === name);
    expect(find('NATO')).toEqual({ name: 'NATO', count: times('NATO', 'Alliance') });
    expect(find('Jens Stoltenberg')?.count).toBe(times('Jens Stoltenberg', 'Stoltenberg'));
    expect(find('Viktor Orbán')?.count).toBe(times('Orban'));
    expect(groups.find((g) => g.group === 'People')?.entities.map((e) => e.name)).toEqual([
      'Jens Stoltenberg',
      'Viktor Orbán',
    ]);
    // Every highlight on the page is one counted mention, and the heading says how many.
    const total = groups.flatMap((g) => g.entities).reduce((sum, e) => sum + e.count, 0);
    expect(total).toBe(mentions.length);
    await expect
      .poll(() => popup.locator('#gloss-this-page').textContent())
      .toContain(`${mentions.length} mentions`);
    await expect
      .poll(() => popup.getByTestId('packs').textContent())
      .toMatch(/2 packs \(1 off\) · 18 entities · 59 facts/); // "Countries of the world", off, adds nothing
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('goes to the next mention of an entity and opens its card on the page', async () => {
    const popup = await openPopup(articleTab);
    // The popup lists identities (issue 13): the bundled pack's Wiesbaden under its identity id.
    const wiesbaden = await identityOf(popup, `${PACK}/wiesbaden`);
    await popup.locator(`[data-entity-key="${wiesbaden}"]`).click();
    const view = await waitForPopover(article, (v) => v?.text.includes('Wiesbaden') ?? false);
    expect(view.text).toMatch(/headquarters/i);
    // The page scrolled to the mention: it is inside the viewport.
    const inView = await article.evaluate(() => {
      const range = [...(CSS.highlights.get('gloss-underline') ?? [])].find(
        (r) => r.toString() === 'Wiesbaden',
      ) as Range;
      const box = range.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    await popup.close();
    await article.bringToFront();
    await article.keyboard.press('Escape');
    await waitForPopover(article, (v) => v === null);
  });

  it('finds "orban" and opens Viktor Orbán’s card in the popup, where a note can be added', async () => {
    const popup = await openPopup(articleTab);
    await popup.getByRole('searchbox', { name: 'Search names, facts and notes' }).fill('orban');
    const orban = await identityOf(popup, `${PACK}/viktor-orban`);
    const hit = popup.locator(`[data-testid="search-results"] [data-entity-key="${orban}"]`).first();
    await eventually(() => hit.textContent()).toContain('Viktor Orbán');
    await hit.click();
    const panel = popup.getByTestId('entity-panel');
    await eventually(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('Viktor Orbán');
    const view = await callBackground(popup, 'getEntity', { key: orban });
    expect(view?.facts.length).toBeGreaterThan(0);
    expect(await panel.locator('.gloss-fact-text').allTextContents()).toEqual(view?.facts.map((f) => f.text));
    expect(await seriousViolations(popup)).toEqual([]);

    await panel.getByRole('button', { name: 'Add note' }).click();
    await panel.getByRole('textbox').fill('Asked about from the popup');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.locator('.gloss-note-text', { hasText: 'Asked about from the popup' }).waitFor();
    const notes = await callBackground(popup, 'listNotes', { entityKey: `${PACK}/viktor-orban` });
    // Written in the popup, about no page: stored as the manager's card stores it (useEntityNotes).
    expect(notes.map((n) => [n.text, n.pageUrl, n.pageTitle])).toEqual([
      ['Asked about from the popup', '', ''],
    ]);

    // Back returns to the results, with the focus on the hit that opened the card.
    await panel.getByRole('button', { name: 'Back' }).click();
    await expect
      .poll(() => popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.entityKey))
      .toBe(orban);
    // The note is searchable too.
    await popup.getByRole('searchbox').fill('from the popup');
    await popup.getByTestId('search-results').getByText('Asked about from the popup').waitFor();
    await eventually(() => popup.getByTestId('search-results').textContent()).toContain('Note:');
    await popup.close();
  });

  it('turns Gloss off for the site and on again, live on the page', async () => {
    const popup = await openPopup(articleTab);
    const toggle = popup.getByRole('switch', { name: /Gloss on 127\.0\.0\.1/ });
    await eventually(() => toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await eventually(() => toggle.getAttribute('aria-checked')).toBe('false');
    expect(await waitForMentions(article, [])).toEqual([]);
    await popup.getByTestId('site-off').waitFor();
    await toggle.press('Space');
    await eventually(() => toggle.getAttribute('aria-checked')).toBe('true');
    expect(await waitForMentions(article, mentions, 10_000)).toEqual(mentions);
    await popup.getByTestId('page-entities').waitFor();
    await popup.close();
  });

  it('pauses Gloss for an hour, says until when, and resumes', async () => {
    const popup = await openPopup(articleTab);
    const before = Date.now();
    await popup.getByRole('button', { name: 'Pause for 1 hour' }).click();
    const paused = popup.getByTestId('paused');
    const until = new Date(before + 3_600_000);
    const hhmm = (d: Date) =>
      `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    await expect
      .poll(() => paused.textContent())
      .toMatch(new RegExp(`Paused until .*(${hhmm(until)}|${hhmm(new Date(until.getTime() + 60_000))})`));
    expect(await waitForMentions(article, [])).toEqual([]);
    await paused.getByRole('button', { name: 'Resume' }).click();
    expect(await waitForMentions(article, mentions, 10_000)).toEqual(mentions);
    await popup.close();
  });
});

describe('honest states', () => {
  for (const url of ['chrome://version/', 'about:blank#gloss']) {
    it(`says plainly that Gloss cannot run on ${url}`, async () => {
      const page = await gloss.context.newPage();
      await page.goto(url);
      const popup = await openPopup(await clickToolbarButton(page));
      const notice = popup.getByTestId('restricted');
      await eventually(() => notice.textContent()).toContain('Gloss can’t run on this page.');
      expect(await popup.getByRole('switch').count()).toBe(0);
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.close();
      await page.close();
    });
  }

  it('offers to rescan a tab whose content script is gone (Gloss was updated), and the rescan works', async () => {
    await orphanContentScript(article);
    expect(await waitForMentions(article, [])).toEqual([]);
    const popup = await openPopup(articleTab);
    await popup.getByTestId('unreachable').waitFor({ timeout: 10_000 });
    await popup.getByRole('button', { name: 'Rescan this page' }).click();
    await popup.getByTestId('page-entities').waitFor({ timeout: 10_000 });
    expect(await waitForMentions(article, mentions, 10_000)).toEqual(mentions);
    expect(await readPopover(article)).toBeNull();
    await popup.close();
  });

  it('says how to add knowledge when the knowledge base is empty', async () => {
    const popup = await openPopup(articleTab);
    await callBackground(popup, 'removePack', { id: PACK });
    try {
      const notice = popup.getByTestId('knowledge-empty');
      await eventually(() => notice.textContent()).toContain('Your knowledge base is empty.');
      await notice.getByRole('button', { name: 'Open the manager' }).waitFor();
      // Only "Countries of the world" is left, switched off, and the notice offers to turn it on.
      await notice.getByRole('button', { name: 'Turn on Countries of the world' }).waitFor();
      await eventually(() => popup.getByTestId('packs').textContent()).toBe(
        '1 pack (1 off) · 0 entities · 0 facts',
      );
      expect(await waitForMentions(article, [])).toEqual([]);
    } finally {
      // The knowledge as the other tests expect it: the bundled pack back.
      expect(
        await callBackground(popup, 'importPack', { json: JSON.stringify(bundledPackFile()) }),
      ).toMatchObject({ ok: true });
    }
  });
});
