// What a shared spec asks of a browser with Gloss installed. One implementation drives Debian's
// Chromium through Playwright (test/e2e/driver.ts), the other Debian's Firefox ESR over WebDriver
// BiDi through puppeteer-core (test/e2e-firefox/driver.ts); test/spec/*.spec.ts run against both.
import type { ContentProtocol } from '@/src/messaging/content-protocol';
import type { GlossProtocol } from '@/src/messaging/protocol';
import type { PageSurface, Pointer, PopoverText } from './views';

/** One tab. Keys are named as in Playwright (`Escape`, `Tab`, `Control+Enter`). */
export interface PageDriver extends PageSurface, Pointer {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): string;
  bringToFront(): Promise<void>;
  /** The child frame whose address ends with `suffix`. */
  frame(suffix: string): PageSurface | undefined;
  focus(selector: string): Promise<void>;
  press(keys: string): Promise<void>;
  type(text: string): Promise<void>;
  /** Moves the pointer onto `text` in the element matching `selector` and waits for the popover. */
  hover(selector: string, text: string): Promise<PopoverText>;
  readPopover(): Promise<PopoverText | null>;
  waitForPopover(until: (view: PopoverText | null) => boolean, timeout?: number): Promise<PopoverText>;
  clickInPopover(label: string): Promise<void>;
  close(): Promise<void>;
}

export interface GlossDriver {
  readonly browser: 'chromium' | 'firefox';
  newPage(): Promise<PageDriver>;
  /** Opens an extension page (`popup.html`, `options.html#notes`) in a new tab. */
  extensionPage(path: string): Promise<PageDriver>;
  callBackground<K extends keyof GlossProtocol>(
    type: K,
    data: Parameters<GlossProtocol[K]>[0],
  ): Promise<ReturnType<GlossProtocol[K]>>;
  /** The id of the tab `page` shows, for `popup.html?tabId=`. */
  tabIdOf(page: PageDriver): Promise<number>;
  /** Asks the content script of `page` (frame 0), as the background does for the keyboard command. */
  askTab<K extends keyof ContentProtocol>(
    page: PageDriver,
    type: K,
    data: Parameters<ContentProtocol[K]>[0],
  ): Promise<ReturnType<ContentProtocol[K]>>;
  /** Replaces the stored settings (`undefined` removes them). */
  setSettings(settings: object | undefined): Promise<void>;
  /**
   * Console errors and uncaught exceptions (and, where the browser can tell, requests that would
   * leave the machine) since the last call; each call starts a new collection.
   */
  takeErrors(): string[];
  close(): Promise<void>;
}

/** What Playwright's and puppeteer's pages both have, and a driver needs no more of. */
interface BrowserPage<F> {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  url(): string;
  bringToFront(): Promise<void>;
  frames(): F[];
  focus(selector: string): Promise<void>;
  keyboard: { type(text: string): Promise<void> };
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    click(x: number, y: number): Promise<void>;
  };
  close(): Promise<unknown>;
}

/** The part of a PageDriver both libraries implement alike; `surface` adapts their evaluate. */
export function commonPageDriver<F extends { url(): string }, P extends BrowserPage<F>>(
  page: P,
  surface: (frame: P | F) => PageSurface,
): Omit<PageDriver, 'press' | 'hover' | 'readPopover' | 'waitForPopover' | 'clickInPopover'> {
  return {
    ...surface(page),
    move: (x, y, steps) => page.mouse.move(x, y, steps ? { steps } : undefined),
    click: (x, y) => page.mouse.click(x, y),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    url: () => page.url(),
    bringToFront: () => page.bringToFront(),
    frame(suffix) {
      const frame = page.frames().find((f) => f.url().endsWith(suffix));
      return frame && surface(frame);
    },
    focus: (selector) => page.focus(selector),
    type: (text) => page.keyboard.type(text),
    close: async () => void (await page.close()),
  };
}
