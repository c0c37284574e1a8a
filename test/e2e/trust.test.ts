// The background's trust boundary in Chromium, with real senders: a message from the content
// script's isolated world of a web page (reached through the DevTools protocol, as a subverted
// content script would send it) against one from Gloss's own extension page.
import type { CDPSession, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type EnvelopeReply, envelope } from '@/src/messaging/envelope';
import type { GlossProtocol } from '@/src/messaging/protocol';
import { bundledPackFile, callBackground, fixtureUrl, openGloss, type TestBrowser } from './gloss';

let browser: TestBrowser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

/** The content script's world in the page's top frame: where Gloss's content script runs. */
async function contentScriptWorld(page: Page, extensionId: string): Promise<{ cdp: CDPSession; id: number }> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: Array<{ id: number; origin: string; auxData?: { frameId?: string; isDefault?: boolean } }> =
    [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable'); // Reports the worlds that exist already.
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const isGloss = (world: (typeof worlds)[0]) =>
    world.origin === `chrome-extension://${extensionId}` &&
    world.auxData?.frameId === frameTree.frame.id &&
    world.auxData?.isDefault === false;
  await expect.poll(() => worlds.some(isGloss), { timeout: 15_000 }).toBe(true);
  return { cdp, id: (worlds.find(isGloss) as (typeof worlds)[0]).id };
}

/** Sends a message from that world, as the content script would (envelope built here, in Node). */
async function sendFromContentScript<K extends keyof GlossProtocol>(
  world: { cdp: CDPSession; id: number },
  type: K,
  data: unknown,
): Promise<EnvelopeReply> {
  const message = JSON.stringify(envelope(type, data));
  const { result, exceptionDetails } = (await world.cdp.send('Runtime.evaluate', {
    contextId: world.id,
    expression: `chrome.runtime.sendMessage(${message})`,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value: EnvelopeReply }; exceptionDetails?: unknown };
  expect(exceptionDetails).toBeUndefined();
  return result.value;
}

describe('who may call the background', () => {
  it("refuses privileged calls from a web page's content script and answers Gloss's own pages", async () => {
    browser = await openGloss();
    const file = bundledPackFile();
    const page = await browser.context.newPage();
    await page.goto(fixtureUrl('article.html'));
    const world = await contentScriptWorld(page, browser.extensionId);

    // What a content script needs still works from there.
    const card = await sendFromContentScript(world, 'getEntity', { key: `${file.pack.id}/wiesbaden` });
    expect((card.res as { entity: { name: string } }).entity.name).toBe('Wiesbaden');

    for (const [type, data] of [
      ['deleteAllData', undefined],
      ['exportAll', undefined],
      ['listNotes', {}],
      ['removePack', { id: file.pack.id }],
    ] as const) {
      const refused = await sendFromContentScript(world, type, data);
      expect(refused.err?.message, type).toBe(
        `Gloss refused "${type}" from a web page: only Gloss's own pages (popup, manager) may call it.`,
      );
    }
    const malformed = await sendFromContentScript(world, 'getEntity', { key: 42 });
    expect(malformed.err?.message).toMatch(/^Gloss refused "getEntity": key: Invalid type/);

    // Nothing was deleted, and Gloss's own page may do what the content script may not.
    const manager = await browser.extensionPage('options.html');
    const packs = await callBackground(manager, 'listPacks', undefined);
    expect(packs.map((pack) => pack.id)).toContain(file.pack.id);
    expect(JSON.parse(await callBackground(manager, 'exportAll', undefined))).toHaveProperty('packs');
    expect(browser.errors).toEqual([]);
  });
});
