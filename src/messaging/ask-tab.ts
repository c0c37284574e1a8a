import { browser } from 'wxt/browser';
import type { ContentProtocol } from '@/src/messaging/content-protocol';

type Reply<K extends keyof ContentProtocol> = {
  res?: ReturnType<ContentProtocol[K]>;
  err?: { message: string };
};

let nextId = 1;

/**
 * How the popup and the background ask a tab's content script (frame 0 unless told):
 * `contentMessaging.sendMessage(type, data, { tabId, frameId: 0 })`, minus its console noise: the
 * popup asks every second, often of a tab where no content script answers, and
 * @webext-core/messaging 4.0.0 hands chrome.tabs.sendMessage a callback that never reads
 * runtime.lastError, so each such ask logs "Unchecked runtime.lastError" as an error. Same
 * envelope ({ id, type, data, timestamp } → { res } | { err }) and the same ContentProtocol types.
 */
export async function askTab<K extends keyof ContentProtocol>(
  tabId: number,
  type: K,
  data: Parameters<ContentProtocol[K]>[0],
  frameId = 0,
): Promise<ReturnType<ContentProtocol[K]>> {
  const message = { id: nextId++, type, data, timestamp: Date.now() };
  const reply = (await browser.tabs.sendMessage(tabId, message, { frameId })) as Reply<K> | undefined;
  if (!reply) throw new Error('No response');
  if (reply.err) throw new Error(reply.err.message);
  return reply.res as ReturnType<ContentProtocol[K]>;
}
