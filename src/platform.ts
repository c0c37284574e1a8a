// What differs between Chromium and Firefox, in one place; everything else in Gloss is the same
// code in both. The build decides (WXT's import.meta.env.FIREFOX), so each package carries one branch.
//
// Checked in Firefox ESR 153 (test/e2e-firefox) and needing no branch here:
// - Messaging: @webext-core/messaging calls `chrome.*` with callbacks; Firefox provides `chrome`
//   with callbacks in extension pages and content scripts (promises only on `browser`), so the one
//   protocol works unchanged. Firefox structured-clones messages where Chromium JSON-encodes them;
//   the protocol sends plain data only, which both treat alike.
// - Hit-testing: highlightsFromPoint is newer than the Highlight API, so a browser may have the one
//   without the other; src/content/hit-test.ts then falls back to caretPositionFromPoint, which
//   Firefox has long had (Firefox 153 has both).
// - Background: MV3 in both; WXT emits `background.scripts` (an event page) for Firefox and a
//   service worker for Chromium from the same entrypoint. Storage and IndexedDB are the same APIs.
import { browser } from 'wxt/browser';

export type BrowserFamily = 'firefox' | 'chromium';

export const BROWSER_FAMILY: BrowserFamily = import.meta.env.FIREFOX ? 'firefox' : 'chromium';

interface FirefoxCommands {
  openShortcutSettings(): Promise<void>;
}

export interface ShortcutSettings {
  /** Where the user changes Gloss's keyboard shortcuts, in the browser's own words. */
  where: string;
  /** Opens that place. */
  open(): Promise<void>;
}

/** Hosts where the browser lets no extension run (its add-on store and account pages). */
export function restrictedHosts(family: BrowserFamily = BROWSER_FAMILY): string[] {
  return family === 'firefox'
    ? // Firefox's extensions.webextensions.restrictedDomains default (Firefox ESR 153).
      [
        'accounts-static.cdn.mozilla.net',
        'accounts.firefox.com',
        'addons.cdn.mozilla.net',
        'addons.mozilla.org',
        'api.accounts.firefox.com',
        'content.cdn.mozilla.net',
        'discovery.addons.mozilla.org',
        'oauth.accounts.firefox.com',
        'profile.accounts.firefox.com',
        'support.mozilla.org',
        'sync.services.mozilla.com',
      ]
    : ['chromewebstore.google.com', 'microsoftedge.microsoft.com'];
}

/**
 * Why Gloss is not on a file:// page. Chromium has a per-extension switch; Firefox has none
 * (extension.isAllowedFileSchemeAccess() is always false there, and the content script does not run).
 */
export function fileAccessReason(family: BrowserFamily = BROWSER_FAMILY): string {
  return family === 'firefox'
    ? 'Firefox does not let extensions like Gloss into files opened from this computer.'
    : 'To use Gloss on files on this computer, turn on “Allow access to file URLs” for Gloss on the chrome://extensions page.';
}

/** Firefox has no page URL an extension may open for its shortcuts, but an API (Firefox 137+). */
export function shortcutSettings(family: BrowserFamily = BROWSER_FAMILY): ShortcutSettings {
  if (family === 'firefox') {
    return {
      where: 'about:addons → ⚙ → Manage Extension Shortcuts',
      // Firefox-only, so not in the (Chromium-derived) types of `browser`.
      open: () => (browser.commands as unknown as FirefoxCommands).openShortcutSettings(),
    };
  }
  return {
    where: 'chrome://extensions/shortcuts',
    open: async () => {
      await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
    },
  };
}
