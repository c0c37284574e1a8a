// The PageDriver of the shared specs (test/spec/) over Playwright and Debian's Chromium: Gloss
// loaded unpacked, the background reached from one of its own pages, the popover read through the
// DevTools protocol (page-helpers.ts).
import type { Page } from 'playwright-core';
import { commonPageDriver, type GlossDriver, type PageDriver } from '../spec/driver';
import * as extension from '../spec/extension';
import { openGloss, type TestBrowser } from './gloss';
import { clickInPopover, hover, readPopover, surface, waitForPopover } from './page-helpers';

/** The Playwright page behind each PageDriver, for the Chromium-only tests in the same file. */
const playwrightPages = new WeakMap<PageDriver, Page>();

function pageDriver(page: Page): PageDriver {
  const driver: PageDriver = {
    ...commonPageDriver(page, surface),
    press: (keys) => page.keyboard.press(keys),
    hover: (selector, text) => hover(page, selector, text),
    readPopover: () => readPopover(page),
    waitForPopover: (until, timeout) => waitForPopover(page, until, timeout),
    clickInPopover: (label) => clickInPopover(page, label),
  };
  playwrightPages.set(driver, page);
  return driver;
}

export interface ChromiumDriver extends GlossDriver {
  /** The browser itself, for what only Chromium tests do (locators, CDP, the service worker). */
  playwright: TestBrowser;
  pageOf(page: PageDriver): Page;
}

export async function chromiumDriver(): Promise<ChromiumDriver> {
  const gloss = await openGloss();
  // Gloss's background answers its own pages; the popup, opened as a tab, is one it always has.
  const control = surface(await gloss.extensionPage('popup.html'));
  // Chromium shows a tab's address only to an extension with a host permission for it: the tab is
  // found as the active one instead.
  const tabIdOf = async (page: PageDriver) => {
    await page.bringToFront();
    return extension.activeTabId(control);
  };
  return {
    browser: 'chromium',
    playwright: gloss,
    pageOf(page) {
      const found = playwrightPages.get(page);
      if (!found) throw new Error('not a page of this driver');
      return found;
    },
    newPage: async () => pageDriver(await gloss.context.newPage()),
    extensionPage: async (path) => pageDriver(await gloss.extensionPage(path)),
    callBackground: (type, data) => extension.callBackground(control, type, data),
    tabIdOf,
    askTab: async (page, type, data) => extension.askTab(control, await tabIdOf(page), type, data),
    setSettings: (settings) => extension.setSettings(control, settings),
    takeErrors: () => [
      ...gloss.errors.splice(0),
      ...gloss.offMachine.splice(0).map((request) => `off the machine: ${request}`),
    ],
    close: () => gloss.close(),
  };
}
