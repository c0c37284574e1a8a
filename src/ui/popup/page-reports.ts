import { browser } from 'wxt/browser';
import type { Envelope } from '@/src/messaging/envelope';

/**
 * Calls `listener` when the content script in a tab's top frame reports a change of what it found.
 * The content script already tells the background (`reportPage`, for the badge, at most twice a
 * second); runtime messages from content scripts reach every extension page, so the popup hears
 * the same report instead of asking the page every second. It only listens: it never answers, so
 * the background's reply is the one the content script gets.
 */
export function onPageReport(tabId: number, listener: () => void): () => void {
  const onMessage = (message: unknown, sender: { tab?: { id?: number }; frameId?: number }) => {
    const type = (message as Partial<Envelope> | null)?.type;
    if (type === 'reportPage' && sender.tab?.id === tabId && (sender.frameId ?? 0) === 0) listener();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
