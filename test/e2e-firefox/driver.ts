// The PageDriver of the shared specs (test/spec/) over WebDriver BiDi (puppeteer-core) and Debian's
// Firefox ESR: Gloss installed as a temporary add-on, the background reached from one of its own
// pages, the popover read through BiDi's shadow-root serialization (firefox.ts).
import type { Page } from 'puppeteer-core';
import { commonPageDriver, type GlossDriver, type PageDriver } from '../spec/driver';
import * as extension from '../spec/extension';
import {
  clickInPopover,
  type FirefoxTestBrowser,
  hover,
  openFirefoxGloss,
  pressBrowserShortcut,
  readPopover,
  surface,
  waitForPopover,
} from './firefox';

type KeyName = Parameters<Page['keyboard']['press']>[0];

function pageDriver(gloss: FirefoxTestBrowser, page: Page): PageDriver {
  return {
    ...commonPageDriver(page, surface),
    // puppeteer presses one key at a time: hold the modifiers of `Control+Enter` around the last.
    async press(keys) {
      const modifiers = keys.split('+') as KeyName[];
      const key = modifiers.pop() as KeyName;
      for (const modifier of modifiers) await page.keyboard.down(modifier);
      await page.keyboard.press(key);
      for (const modifier of modifiers.reverse()) await page.keyboard.up(modifier);
    },
    hover: (selector, text) => hover(gloss, page, selector, text),
    readPopover: () => readPopover(gloss, page),
    waitForPopover: (until, timeout) => waitForPopover(gloss, page, until, timeout),
    clickInPopover: (label) => clickInPopover(gloss, page, label),
  };
}

export interface FirefoxDriver extends GlossDriver {
  /** Presses a shortcut in the browser window, where Firefox handles extension commands. */
  pressBrowserShortcut(keys: string): Promise<void>;
}

export async function firefoxDriver(): Promise<FirefoxDriver> {
  const gloss = await openFirefoxGloss();
  // Gloss's background answers its own pages; the popup, opened as a tab, is one it always has.
  const control = surface(await gloss.extensionPage('popup.html'));
  return {
    browser: 'firefox',
    newPage: async () => pageDriver(gloss, await gloss.newPage()),
    extensionPage: async (path) => pageDriver(gloss, await gloss.extensionPage(path)),
    callBackground: (type, data) => extension.callBackground(control, type, data),
    tabIdOf: (page) => extension.tabIdOf(control, page.url()),
    askTab: async (page, type, data) =>
      extension.askTab(control, await extension.tabIdOf(control, page.url()), type, data),
    setSettings: (settings) => extension.setSettings(control, settings),
    takeErrors: () => gloss.errors.splice(0),
    pressBrowserShortcut: (keys) => pressBrowserShortcut(gloss, keys),
    close: () => gloss.close(),
  };
}
