// Launches Debian's Firefox ESR with the built Firefox extension installed as a temporary add-on,
// through puppeteer-core over WebDriver BiDi. Never downloads a browser: it uses the system binary
// (`apt-get install firefox-esr`).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from './static-server';

export const FIREFOX_EXTENSION_DIR = resolve(ROOT, process.env.GLOSS_OUT_DIR ?? '.output', 'firefox-mv3');

export function firefoxPath(): string {
  for (const name of ['firefox-esr', 'firefox']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {}
  }
  throw new Error('Firefox not found. Install it with: sudo apt-get install -y firefox-esr');
}

/** A WebDriver BiDi command, sent on puppeteer's own session (Firefox allows one session at a time). */
export type BidiSend = (method: string, params: object) => Promise<{ result: unknown }>;

export interface FirefoxGloss {
  browser: Browser;
  /** The add-on id from the manifest (`browser_specific_settings.gecko.id`). */
  addonId: string;
  /** The moz-extension:// host, fixed for this profile so extension pages have a known address. */
  uuid: string;
  send: BidiSend;
  /** The BiDi browsing context of a page (its top frame). */
  contextOf(page: Page): string;
  /** Opens an extension page (e.g. `popup.html`) in a new tab and waits for it to load. */
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  extensionDir?: string;
  headless?: boolean;
}

export async function launchFirefoxGloss(options: FirefoxLaunchOptions = {}): Promise<FirefoxGloss> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const manifestFile = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:firefox\` first`);
  }
  const addonId: string = JSON.parse(readFileSync(manifestFile, 'utf8')).browser_specific_settings.gecko.id;
  // Firefox gives each add-on a random moz-extension:// host per profile; this pref, read when the
  // add-on starts, fixes it, so the tests can open the popup and the options page by address.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: options.headless ?? true,
    protocol: 'webDriverBiDi',
    defaultViewport: { width: 1280, height: 900 },
    // Without it, Firefox's BiDi refuses to navigate a tab to a moz-extension:// page
    // ("Navigation to … is not allowed in this context", isWebdriverSafeNavigationURL).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  // BiDi webExtension.install: a temporary add-on, as about:debugging's "Load Temporary Add-on…".
  await browser.installExtension(extensionDir);
  // puppeteer-core exposes no typed way to send a raw BiDi command; its connection does.
  const connection = (browser as unknown as { connection: { send: BidiSend } }).connection;
  const send: BidiSend = (method, params) => connection.send(method, params);
  const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

  return {
    browser,
    addonId,
    uuid,
    send,
    contextOf,
    async extensionPage(path) {
      const page = await browser.newPage();
      // Firefox sends no BiDi navigation events for a tab that moves into the extension process, so
      // puppeteer's goto() would wait forever: navigate without waiting, then wait for the document.
      await send('browsingContext.navigate', {
        context: contextOf(page),
        url: `moz-extension://${uuid}/${path}`,
        wait: 'none',
      });
      const deadline = Date.now() + 15_000;
      for (;;) {
        const ready = await page
          .evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete')
          .catch(() => false);
        if (ready) return page;
        if (Date.now() > deadline) throw new Error(`extension page ${path} did not load`);
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    close: () => browser.close(),
  };
}
