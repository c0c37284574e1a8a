import { browser } from 'wxt/browser';

export interface TargetTab {
  id: number;
  /** Undefined when the browser hides it: no `tabs` permission and no activeTab grant for this tab. */
  url: string | undefined;
}

/**
 * The tab the popup is about: the active tab of the popup's window.
 *
 * Test hook: `popup.html?tabId=123` looks at tab 123 instead. The e2e tests open the popup as a
 * page of its own, which would otherwise be the active tab; the parameter changes nothing else.
 */
export async function findTargetTab(search: string = location.search): Promise<TargetTab | null> {
  const requested = Number(new URLSearchParams(search).get('tabId'));
  const tab =
    Number.isInteger(requested) && requested > 0
      ? await browser.tabs.get(requested).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return null;
  return { id: tab.id, url: tab.url || tab.pendingUrl || undefined };
}

/**
 * Runs Gloss's content script in a tab that was open before Gloss was installed or updated
 * (the browser only injects manifest content scripts into pages loaded afterwards).
 */
export async function rescanTab(tabId: number): Promise<void> {
  if (!browser.scripting) throw new Error('Gloss lacks the permission to rescan pages.');
  const target = { tabId, allFrames: true };
  await browser.scripting.insertCSS({ target, files: ['/content-scripts/content.css'] });
  await browser.scripting.executeScript({ target, files: ['/content-scripts/content.js'] });
}
