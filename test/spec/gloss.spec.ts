// Gloss end to end, written once and run in both browsers: by the `e2e` project in Chromium
// (test/e2e/content.test.ts) and by the `firefox` project in Firefox ESR
// (test/e2e-firefox/gloss.test.ts). Mentions marked, the popover and its facts, a note saved from
// it and listed by the manager, the keyboard command, what the popup lists for a page, and settings
// taking effect live. Each test opens its own tab, starts from the bundled knowledge with no notes
// and default settings, and must log no error of its own.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { GlossDriver, PageDriver } from './driver';
import { highlighted, waitForMentions } from './views';

export const fixtureUrl = (name: string) => `${inject('baseUrl')}/fixtures/${name}`;
const expectedFile = (name: string) => resolve(import.meta.dirname, `../fixtures/${name}.expected.json`);
/** What a fixture page carries as its expected result (`article` → article.expected.json). */
export const expected = (name: string) => JSON.parse(readFileSync(expectedFile(name), 'utf8'));

const article = expected('article') as { mentions: string[]; notMentions: string[] };
const times = (...names: string[]) => article.mentions.filter((text) => names.includes(text)).length;
const NOTE = 'Ask about the opening date of the HQ';
const WIESBADEN = 'nato-ukraine-2024/wiesbaden';

export interface SpecContext<D extends GlossDriver = GlossDriver> {
  readonly gloss: D;
  /** This test's own tab. */
  readonly page: PageDriver;
  /** Shows a fixture in this test's tab and waits until Gloss has marked what it expects there. */
  open(name: string): Promise<PageDriver>;
  /** Opens an extension page that is closed when the test ends. */
  extensionPage(path: string): Promise<PageDriver>;
}

/**
 * One browser with Gloss for the file; a fresh tab for every test, and after it: the tab and any
 * extension page it opened closed, notes and settings it left reset, and no error logged meanwhile.
 */
export function withGloss<D extends GlossDriver>(factory: () => Promise<D>): SpecContext<D> {
  let gloss: D;
  let page: PageDriver;
  let opened: PageDriver[] = [];
  beforeAll(async () => {
    gloss = await factory();
  });
  afterAll(async () => {
    await gloss?.close();
  });
  beforeEach(async () => {
    page = await gloss.newPage();
  });
  afterEach(async () => {
    for (const other of [page, ...opened]) await other.close();
    opened = [];
    for (const note of await gloss.callBackground('listNotes', {})) {
      await gloss.callBackground('deleteNote', { id: note.id });
    }
    await gloss.setSettings(undefined);
    expect(gloss.takeErrors()).toEqual([]);
  });
  return {
    get gloss() {
      return gloss;
    },
    get page() {
      return page;
    },
    async open(name) {
      await page.bringToFront();
      await page.goto(fixtureUrl(name));
      const base = name.replace(/\.html$/, '');
      if (existsSync(expectedFile(base))) await waitForMentions(page, expected(base).mentions);
      return page;
    },
    async extensionPage(path) {
      const extensionPage = await gloss.extensionPage(path);
      opened.push(extensionPage);
      return extensionPage;
    },
  };
}

/** Saves a note on the entity under `text` from its popover, as a person would. */
async function addNote(page: PageDriver, text: string, note: string) {
  await page.hover('article', text);
  await page.clickInPopover('Add note');
  // The form takes focus itself; clicking into it as well keeps the test from racing that.
  await page.clickInPopover('textarea');
  await page.type(note);
  await page.press('Control+Enter');
  await page.waitForPopover((v) => v?.text.includes(note) ?? false);
}

export function glossSpec(t: SpecContext) {
  describe('highlighting', () => {
    it('marks every mention of the article, and nothing that only looks like one', async () => {
      await t.page.goto(fixtureUrl('article.html'));
      expect(await waitForMentions(t.page, article.mentions)).toEqual(article.mentions);
      const marked = (await highlighted(t.page)).light;
      for (const word of article.notMentions) expect(marked).not.toContain(word);
    });

    it('marks text in open shadow roots and in iframes', async () => {
      await t.page.goto(fixtureUrl('shadow-iframe.html'));
      const want = expected('shadow-iframe');
      expect(await waitForMentions(t.page, want.mentions)).toEqual(want.mentions);
      await expect.poll(async () => (await highlighted(t.page)).shadow).toEqual(want.shadow);
      const frame = t.page.frame('frame-child.html');
      expect(frame).toBeDefined();
      if (frame) expect(await waitForMentions(frame, want.frame)).toEqual(want.frame);
    });
  });

  describe('the popover', () => {
    it('shows the Wiesbaden fact about the coordination headquarters, with its source', async () => {
      const page = await t.open('article.html');
      const view = await page.hover('article', 'Wiesbaden');
      expect(view.text).toContain('Wiesbaden');
      expect(view.text).toMatch(/headquarters for coordinating assistance to Kyiv/);
      expect(view.text).toContain('14 Jun 2024');
      await page.clickInPopover('Show source sentence');
      const withQuote = await page.waitForPopover(
        (v) => v?.text.includes('US military base is already in operation') ?? false,
      );
      expect(withQuote.text).toContain(
        'The headquarters for coordinating assistance to Kyiv will be located in Wiesbaden',
      );
      // Clicked into, it stays until a click outside.
      await page.click(5, 5);
      await page.waitForPopover((v) => v === null);
    });

    it('saves a note, keeps it across a reload, and shows it on another page that mentions the entity', async () => {
      const page = await t.open('article.html');
      await addNote(page, 'Wiesbaden', NOTE);
      expect(await t.gloss.callBackground('listNotes', { entityKey: WIESBADEN })).toEqual([
        expect.objectContaining({ text: NOTE, pageUrl: fixtureUrl('article.html'), orphaned: false }),
      ]);

      await page.reload();
      await waitForMentions(page, article.mentions);
      await page.hover('article', 'Wiesbaden');
      let view = await page.waitForPopover((v) => v?.text.includes(NOTE) ?? false);
      expect(view.text).toContain('NATO approves plan for enhanced support to Ukraine');

      await t.open('inline-splits.html');
      await page.hover('#nested', 'baden');
      view = await page.waitForPopover((v) => v?.text.includes(NOTE) ?? false);
      expect(view.text).toContain('Wiesbaden');
    });

    it('the manager (options page) lists a note', async () => {
      const note = await t.gloss.callBackground('createNote', {
        entityKey: WIESBADEN,
        text: NOTE,
        pageUrl: fixtureUrl('article.html'),
        pageTitle: 'NATO approves plan',
        quote: '',
      });
      const manager = await t.extensionPage('options.html#notes');
      await expect
        .poll(() =>
          manager.evaluate(
            (id) => document.querySelector(`[data-note-id="${id}"] .gloss-note-text`)?.textContent ?? '',
            note.id,
          ),
        )
        .toContain(NOTE);
    });

    it('the keyboard command moves to the next mention and puts focus in the popover; Esc gives it back', async () => {
      const page = await t.open('inline-splits.html');
      await page.focus('a[href="#stoltenberg"]');
      // What the manifest command does: the background asks the tab's content script.
      expect(await t.gloss.askTab(page, 'focusMention', { direction: 1 })).toBe(true);
      const view = await page.waitForPopover((v) => v?.text.includes('Washington Summit') ?? false);
      expect(view.text).toContain('Event');
      const focused = () => page.evaluate(() => document.activeElement?.localName, undefined);
      expect(await focused()).toBe('gloss-popover');
      await page.press('Tab');
      await page.press('Tab');
      expect(await focused()).toBe('gloss-popover');
      await page.press('Escape');
      expect(await page.readPopover()).toBeNull();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'), undefined)).toBe(
        '#stoltenberg',
      );
    });
  });

  describe('the popup', () => {
    it("the page's content script reports every mention, which the popup lists", async () => {
      const page = await t.open('article.html');
      const state = await t.gloss.askTab(page, 'pageState', undefined);
      expect(state).toMatchObject({ site: '127.0.0.1', active: true });
      expect(state.stats.mentions).toBe(article.mentions.length);
      expect(state.counts.reduce((n, c) => n + c.count, 0)).toBe(article.mentions.length);
      // Pages count mentions by identity (one entity per real thing, whichever packs know it).
      const wiesbaden = (await t.gloss.callBackground('getEntity', { key: WIESBADEN }))?.identity.id;
      expect(state.counts.find((c) => c.entityKey === wiesbaden)?.count).toBe(times('Wiesbaden'));
    });

    it('the popup for the tab (popup.html?tabId=) lists the entities on the page with their counts', async () => {
      const tabId = await t.gloss.tabIdOf(await t.open('article.html'));
      const popup = await t.extensionPage(`popup.html?tabId=${tabId}`);
      const listed = () =>
        popup.evaluate(
          () =>
            [...document.querySelectorAll('[data-testid="page-entities"] button')].map((button) => ({
              name: button.querySelector('.gloss-popup-item-name')?.textContent,
              count: Number(button.querySelector('[data-testid="mention-count"] [aria-hidden]')?.textContent),
            })),
          undefined,
        );
      await expect.poll(async () => (await listed()).length, { timeout: 10_000 }).toBeGreaterThan(0);
      const entities = await listed();
      expect(entities).toContainEqual({ name: 'NATO', count: times('NATO', 'Alliance') });
      expect(entities).toContainEqual({ name: 'Wiesbaden', count: times('Wiesbaden') });
      expect(entities.find((e) => e.name === 'Jens Stoltenberg')?.count).toBe(
        times('Jens Stoltenberg', 'Stoltenberg'),
      );
    });

    it('the popup shows the knowledge base', async () => {
      const popup = await t.extensionPage('popup.html');
      await expect
        .poll(() => popup.evaluate(() => document.body.textContent ?? '', undefined))
        .toContain('2 packs (1 off) · 18 entities · 59 facts'); // "Countries of the world", off, adds nothing
    });
  });

  describe('settings take effect live, without a reload', () => {
    it('switches the site off and on, pauses, and changes the highlight style', async () => {
      const page = await t.open('article.html');
      const { mentions } = article;
      await t.gloss.setSettings({ disabledSites: [new URL(page.url()).hostname] });
      expect(await waitForMentions(page, [])).toEqual([]);
      await t.gloss.setSettings({ disabledSites: [] });
      expect(await waitForMentions(page, mentions)).toEqual(mentions);
      await t.gloss.setSettings({ pausedUntil: Date.now() + 60_000 });
      expect(await waitForMentions(page, [])).toEqual([]);
      await t.gloss.setSettings({ highlightStyle: 'tint' });
      const sizeOf = (name: string) =>
        page.evaluate((name) => (CSS.highlights.has(name) ? CSS.highlights.get(name)?.size : -1), name);
      await expect.poll(() => sizeOf('gloss-tint')).toBe(mentions.length);
      expect(await sizeOf('gloss-underline')).toBe(-1);
    });
  });
}
