// The card out of the page's reach, in Firefox ESR: a note typed into the card goes to Gloss's own
// frame, not through the page's document; events the page makes up open nothing; and the page
// finds no trace of the frame's moz-extension://<uuid>/ address (the UUID is per installation,
// so it would tell sites apart the reader's browser).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickInPopover, hover, readPopover, waitForPopover } from './card-frame';
import { type FirefoxTestBrowser, fixtureUrl, openFirefoxGloss, waitForMentions } from './firefox';

let gloss: FirefoxTestBrowser;
let page: Page;

beforeAll(async () => {
  gloss = await openFirefoxGloss();
  page = await gloss.newPage();
});
afterAll(async () => {
  await gloss?.close();
});

const seen = () => page.evaluate(() => (window as unknown as { seen: string[] }).seen);

async function openListeningPage(): Promise<void> {
  await page.bringToFront();
  await page.goto(fixtureUrl('isolation.html'));
  await waitForMentions(page, ['NATO', 'Wiesbaden', 'Kyiv']);
}

describe('the card in Firefox', () => {
  it('a note typed in the card reaches Gloss, and the page sees no key and no text of it', async () => {
    await openListeningPage();
    // Anything posted to the page's window (the port goes to the frame's window only).
    await page.evaluate(() => {
      window.addEventListener(
        'message',
        (e) => (window as unknown as { seen: string[] }).seen.push(`message:${e.origin}`),
        true,
      );
    });
    await hover(gloss, page, '#text', 'Wiesbaden');
    await clickInPopover(gloss, page, 'Add note');
    await clickInPopover(gloss, page, 'textarea');
    await page.keyboard.type('Private: ask Anna about the HQ');
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await waitForPopover(gloss, page, (v) => v?.text.includes('Private: ask Anna about the HQ') ?? false);
    expect(await seen()).toEqual([]);
  });

  it("the page finds no trace of the frame's moz-extension address", async () => {
    // The card from the test above is still open.
    expect(await readPopover(gloss, page)).not.toBeNull();
    const probe = await page.evaluate(() => {
      const host = document.querySelector('gloss-popover') as HTMLElement;
      const everything = [
        document.documentElement.outerHTML,
        document.referrer,
        location.href,
        ...host.getAttributeNames().map((name) => host.getAttribute(name) ?? ''),
        ...performance.getEntries().map((e) => e.name),
      ].join('\n');
      return {
        shadowRoot: host.shadowRoot,
        children: host.childNodes.length,
        active: document.activeElement?.localName,
        activeAttributes: document.activeElement?.getAttributeNames(),
        // A frame in a shadow tree is not among the page's window.frames.
        frames: window.frames.length,
        mentionsExtension: /moz-extension|card\.html/.test(everything),
      };
    });
    expect(probe).toEqual({
      shadowRoot: null,
      children: 0,
      active: 'gloss-popover',
      activeAttributes: ['popover', 'style'],
      frames: 0,
      mentionsExtension: false,
    });
  });

  it('synthetic pointer and mouse events over every mention open no card', async () => {
    await openListeningPage();
    await page.mouse.move(1, 1);
    const result = await page.evaluate(async () => {
      const added: string[] = [];
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) added.push(node.nodeName);
      }).observe(document.documentElement, { childList: true, subtree: true });
      const highlight = [...CSS.highlights.values()][0];
      const ranges = highlight ? ([...highlight] as Range[]) : [];
      const deadline = performance.now() + 1500;
      while (performance.now() < deadline) {
        for (const range of ranges) {
          const box = range.getBoundingClientRect();
          const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true };
          const target = document.elementFromPoint(at.clientX, at.clientY) ?? document.body;
          for (const type of ['pointerover', 'pointermove']) {
            target.dispatchEvent(new PointerEvent(type, { ...at, pointerType: 'mouse', composed: true }));
          }
          for (const type of ['mouseover', 'mousemove']) target.dispatchEvent(new MouseEvent(type, at));
          window.dispatchEvent(new PointerEvent('pointermove', { ...at, pointerType: 'mouse' }));
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 800));
      return { ranges: ranges.length, added, hosts: document.querySelectorAll('gloss-popover').length };
    });
    expect(result).toEqual({ ranges: 3, added: [], hosts: 0 });
  });

  it('logged no errors', () => {
    expect(gloss.errors).toEqual([]);
  });
});
