// Speaking to Gloss from one of its own extension pages, the way its popup and manager do, in both
// browsers: the background through chrome.runtime, a tab's content script through chrome.tabs. The
// request is built here in Node with the protocol's own envelope and passed in as an argument.
import type { ContentProtocol } from '@/src/messaging/content-protocol';
import { type EnvelopeReply, envelope, unwrapReply } from '@/src/messaging/envelope';
import type { GlossProtocol } from '@/src/messaging/protocol';
import type { PageSurface } from './views';

/** Calls the background from an extension page. */
export async function callBackground<K extends keyof GlossProtocol>(
  extensionPage: PageSurface,
  type: K,
  data: Parameters<GlossProtocol[K]>[0],
): Promise<ReturnType<GlossProtocol[K]>> {
  const reply = await extensionPage.evaluate(
    // The callback form: Chromium and Firefox both take it, and it does not reject without a listener.
    (message) => new Promise<EnvelopeReply | undefined>((done) => chrome.runtime.sendMessage(message, done)),
    envelope(type, data),
  );
  return unwrapReply(reply) as ReturnType<GlossProtocol[K]>;
}

/** The browser's id of the tab showing `url` (-1 when none does), asked from an extension page. */
export function tabIdOf(extensionPage: PageSurface, url: string): Promise<number> {
  return extensionPage.evaluate(
    (url) =>
      // Not `query({ url })`: a match pattern cannot name the server's port.
      new Promise<number>((done) =>
        chrome.tabs.query({}, (tabs) => done(tabs.find((t) => t.url === url)?.id ?? -1)),
      ),
    url,
  );
}

/**
 * The id of the active tab of the last focused window, asked from an extension page: in Chromium,
 * where Gloss holds no host permission until the user grants one, tabs do not show their address.
 */
export function activeTabId(extensionPage: PageSurface): Promise<number> {
  return extensionPage.evaluate(
    () =>
      new Promise<number>((done) =>
        chrome.tabs.query({ active: true, lastFocusedWindow: true }, ([tab]) => done(tab?.id ?? -1)),
      ),
    undefined,
  );
}

/** Asks a tab's content script (frame 0), as the background and the popup do. */
export async function askTab<K extends keyof ContentProtocol>(
  extensionPage: PageSurface,
  tabId: number,
  type: K,
  data: Parameters<ContentProtocol[K]>[0],
): Promise<ReturnType<ContentProtocol[K]>> {
  const reply = await extensionPage.evaluate(
    ({ tabId, message }) =>
      new Promise<EnvelopeReply | undefined>((done) =>
        chrome.tabs.sendMessage(tabId, message, { frameId: 0 }, done),
      ),
    { tabId, message: envelope(type, data) },
  );
  return unwrapReply(reply) as ReturnType<ContentProtocol[K]>;
}

/** Replaces Gloss's stored settings, as the popup and the manager do; `undefined` removes them. */
export function setSettings(extensionPage: PageSurface, settings: object | undefined): Promise<void> {
  return extensionPage.evaluate(
    (settings) =>
      settings === null ? chrome.storage.local.remove('settings') : chrome.storage.local.set({ settings }),
    settings ?? null,
  );
}
