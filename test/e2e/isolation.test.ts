// The card out of the page's reach: what the reader types into a card goes to Gloss's own frame,
// never through the page's document; events the page makes up itself open nothing; and the card
// still works where the page allows no frames at all.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickInPopover, hover, readHost, readPopover, waitForPopover } from './card-frame';
import { askPage, fixtureUrl, openGloss, type TestBrowser } from './gloss';
import { waitForMentions } from './page-helpers';

let gloss: TestBrowser;
let page: Page;

beforeAll(async () => {
  gloss = await openGloss();
  page = await gloss.context.newPage();
});
afterAll(async () => {
  await gloss?.close();
});

/** What the page's capture listeners on document and window saw of keys and text. */
const seen = (page: Page) => page.evaluate(() => (window as unknown as { seen: string[] }).seen);

async function openListeningPage(): Promise<void> {
  await page.goto(fixtureUrl('isolation.html'));
  await waitForMentions(page, ['NATO', 'Wiesbaden', 'Kyiv']);
}

describe('typing into the card', () => {
  it('a note typed in the card reaches Gloss, and the page sees no key and no text of it', async () => {
    await openListeningPage();
    await hover(page, '#text', 'Wiesbaden');
    await clickInPopover(page, 'Add note');
    await clickInPopover(page, 'textarea');
    await page.keyboard.type('Private: ask Anna about the HQ');
    await page.keyboard.press('Control+Enter');
    await waitForPopover(page, (v) => v?.text.includes('Private: ask Anna about the HQ') ?? false);
    expect(await seen(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await waitForPopover(page, (v) => v === null);
  });

  it('a note typed in the selection composer reaches Gloss, and the page sees nothing of it', async () => {
    await openListeningPage();
    await page.evaluate(() => {
      const text = document.querySelector('#quote')?.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 4);
      range.setEnd(text, 23);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    expect(await askPage(gloss, page, 'composeFromSelection', { kind: 'note' })).toBe(true);
    await waitForPopover(page, (v) => v?.text.includes('Note on this selection') ?? false);
    await page.keyboard.type('Second secret, from the composer');
    await page.keyboard.press('Control+Enter');
    await waitForPopover(page, (v) => v === null);
    // Saving closes the composer and gives the focus back to the page, which then sees the keys
    // of Ctrl+Enter let go: nothing of what was typed.
    expect((await seen(page)).filter((e) => e !== 'keyup:Enter' && e !== 'keyup:Control')).toEqual([]);
    const notes = await gloss.serviceWorker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('gloss');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      return new Promise<string[]>((resolve) => {
        const all = db.transaction('notes').objectStore('notes').getAll();
        all.onsuccess = () => resolve(all.result.map((n: { text: string }) => n.text));
      });
    });
    expect(notes).toContain('Second secret, from the composer');
  });
});

describe('events the page makes up', () => {
  it('synthetic pointer and mouse events over every mention open no card and change nothing', async () => {
    await openListeningPage();
    await page.mouse.move(1, 1);
    const changes = await page.evaluate(async () => {
      const added: string[] = [];
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) added.push(node.nodeName);
      }).observe(document.documentElement, { childList: true, subtree: true });
      const highlight = [...CSS.highlights.values()][0];
      const ranges = highlight ? ([...highlight] as Range[]) : [];
      const sizes = () =>
        JSON.stringify([...document.documentElement.children].map((e) => e.getBoundingClientRect()));
      const before = sizes();
      const deadline = performance.now() + 1500;
      while (performance.now() < deadline) {
        for (const range of ranges) {
          const box = range.getBoundingClientRect();
          const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true };
          const target = document.elementFromPoint(at.clientX, at.clientY) ?? document.body;
          for (const type of ['pointerover', 'pointerenter', 'pointermove']) {
            target.dispatchEvent(new PointerEvent(type, { ...at, pointerType: 'mouse', composed: true }));
          }
          for (const type of ['mouseover', 'mousemove']) target.dispatchEvent(new MouseEvent(type, at));
          window.dispatchEvent(new PointerEvent('pointermove', { ...at, pointerType: 'mouse' }));
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      // Longer than the hover delay.
      await new Promise((r) => setTimeout(r, 800));
      return {
        ranges: ranges.length,
        added,
        hosts: document.querySelectorAll('gloss-popover').length,
        frames: window.frames.length,
        sameSizes: sizes() === before,
      };
    });
    expect(changes.ranges).toBe(3);
    expect(changes).toEqual({ ranges: 3, added: [], hosts: 0, frames: 0, sameSizes: true });
    expect(await readHost(page)).toBeNull();
  });

  it('synthetic Esc, pointer-down or blur do not close an open card', async () => {
    await openListeningPage();
    await hover(page, '#text', 'Wiesbaden');
    await page.evaluate(async () => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      document.body.dispatchEvent(new PointerEvent('pointerdown', { clientX: 2, clientY: 2, bubbles: true }));
      document.dispatchEvent(new PointerEvent('pointerleave'));
      window.dispatchEvent(new FocusEvent('blur'));
      await new Promise((r) => setTimeout(r, 600));
    });
    expect((await readPopover(page))?.text).toContain('headquarters');
    await page.keyboard.press('Escape');
    await waitForPopover(page, (v) => v === null);
  });
});

describe('what the page can learn of the card', () => {
  it("the card's box has one size whatever it shows, and the page cannot read the frame", async () => {
    await openListeningPage();
    const size = () =>
      page.evaluate(() => {
        const box = document.querySelector('gloss-popover')?.getBoundingClientRect();
        return box && { width: box.width, height: box.height };
      });
    await hover(page, '#text', 'Kyiv');
    const small = await size();
    await page.mouse.move(1, 1);
    await waitForPopover(page, (v) => v === null);
    await hover(page, '#text', 'Wiesbaden');
    const large = await size();
    expect(small).toBeTruthy();
    expect(large).toEqual(small);
    const probe = await page.evaluate(() => {
      const host = document.querySelector('gloss-popover') as HTMLElement;
      return {
        children: host.childNodes.length,
        shadowRoot: host.shadowRoot,
        attributes: host.getAttributeNames(),
        // A frame in a shadow tree is not among the page's window.frames.
        frames: window.frames.length,
        entries: performance
          .getEntries()
          .map((e) => e.name)
          .filter((name) => /extension:|card\.html/.test(name)),
      };
    });
    expect(probe).toEqual({
      children: 0,
      shadowRoot: null,
      attributes: ['popover', 'style'],
      frames: 0,
      entries: [],
    });
  });
});

describe('a page that allows no frames', () => {
  it('shows the card all the same (default-src none; frame-src none)', async () => {
    await page.goto(fixtureUrl('frame-csp.html'));
    await waitForMentions(page, ['Wiesbaden']);
    const view = await hover(page, '#text', 'Wiesbaden');
    expect(view.text).toContain('headquarters');
    expect(view.frame).not.toBeNull();
  });
});

describe('errors', () => {
  it('logged none, and made no request off the machine', () => {
    expect(gloss.errors).toEqual([]);
    expect(gloss.offMachine).toEqual([]);
  });
});
