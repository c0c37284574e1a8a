import { browser } from 'wxt/browser';
import type { ContentProtocol } from '@/src/messaging/content-protocol';
import { type EnvelopeReply, envelope, unwrapReply } from '@/src/messaging/envelope';

/**
 * How the popup and the background ask a tab's content script (frame 0 unless told):
 * `contentMessaging.sendMessage(type, data, { tabId, frameId: 0 })`, minus its console noise: the
 * popup asks every second, often of a tab where no content script answers, and
 * @webext-core/messaging 4.0.0 hands chrome.tabs.sendMessage a callback that never reads
 * runtime.lastError, so each such ask logs "Unchecked runtime.lastError" as an error. Same
 * envelope (src/messaging/envelope.ts) and the same ContentProtocol types.
 */
export async function askTab<K extends keyof ContentProtocol>(
  tabId: number,
  type: K,
  data: Parameters<ContentProtocol[K]>[0],
  frameId = 0,
): Promise<ReturnType<ContentProtocol[K]>> {
  const reply = await browser.tabs.sendMessage(tabId, envelope(type, data), { frameId });
  return unwrapReply(reply as EnvelopeReply<ReturnType<ContentProtocol[K]>> | undefined);
}
