// Calling Gloss's background from an extension page, the way Gloss's own pages do: through
// chrome.runtime, in the message envelope @webext-core/messaging uses
// ({ id, type, data, timestamp } → { res } | { err }). Shared by the e2e tests and the benchmarks.
import type { Page } from 'playwright-core';
import type { GlossProtocol } from '../../src/messaging/protocol';

export async function callBackground<K extends keyof GlossProtocol>(
  page: Page,
  type: K,
  data: Parameters<GlossProtocol[K]>[0],
): Promise<ReturnType<GlossProtocol[K]>> {
  const reply = await page.evaluate(
    ([type, data]) =>
      chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() }) as Promise<{
        res?: unknown;
        err?: { message: string };
      }>,
    [type, data] as const,
  );
  if (reply?.err) throw new Error(reply.err.message);
  return reply?.res as ReturnType<GlossProtocol[K]>;
}
