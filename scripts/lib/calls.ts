// Calling Gloss's background from an extension page, the way Gloss's own pages do: through
// chrome.runtime, in the envelope @webext-core/messaging uses (src/messaging/envelope.ts). The
// request is built here in Node and handed to the page as an argument. Shared by the e2e tests and
// the benchmarks.
import type { Page } from 'playwright-core';
import { type EnvelopeReply, envelope, unwrapReply } from '../../src/messaging/envelope';
import type { GlossProtocol } from '../../src/messaging/protocol';

export async function callBackground<K extends keyof GlossProtocol>(
  page: Page,
  type: K,
  data: Parameters<GlossProtocol[K]>[0],
): Promise<ReturnType<GlossProtocol[K]>> {
  const reply = await page.evaluate(
    (message) => chrome.runtime.sendMessage(message) as Promise<EnvelopeReply>,
    envelope(type, data),
  );
  return unwrapReply(reply as EnvelopeReply<ReturnType<GlossProtocol[K]>>);
}
