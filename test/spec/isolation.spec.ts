// The card out of the page's reach, written once and run in both browsers (test/e2e/isolation.test.ts
// in Chromium, test/e2e-firefox/isolation.test.ts in Firefox ESR): what the reader types into a card
// goes to Gloss's own frame, never through the page's document; events the page makes up itself
// open and close nothing; and the page finds no trace of the frame or its extension address (in
// Firefox, moz-extension://<uuid>/ with a UUID per installation, which would tell browsers apart).
import { describe, expect, it } from 'vitest';
import { fixtureUrl, type SpecContext } from './gloss.spec';
import { waitForMentions } from './views';

const NOTE = 'Private: ask Anna about the HQ';

export function isolationSpec(t: SpecContext) {
  /** What the page's capture listeners on document and window saw of keys, text and messages. */
  const seen = () => t.page.evaluate(() => (window as unknown as { seen: string[] }).seen, undefined);

  async function openListeningPage() {
    await t.page.bringToFront();
    await t.page.goto(fixtureUrl('isolation.html'));
    await waitForMentions(t.page, ['NATO', 'Wiesbaden', 'Kyiv']);
    return t.page;
  }

  describe('typing into the card', () => {
    it('a note typed in the card reaches Gloss, and the page sees no key and no text of it', async () => {
      const page = await openListeningPage();
      // Anything posted to the page's window too (the port goes to the frame's window only).
      await page.evaluate(() => {
        const log = (window as unknown as { seen: string[] }).seen;
        window.addEventListener('message', (e) => log.push(`message:${e.origin}`), true);
      }, undefined);
      await page.hover('#text', 'Wiesbaden');
      await page.clickInPopover('Add note');
      await page.clickInPopover('textarea');
      await page.type(NOTE);
      await page.press('Control+Enter');
      await page.waitForPopover((v) => v?.text.includes(NOTE) ?? false);
      expect(await seen()).toEqual([]);
      expect((await t.gloss.callBackground('listNotes', {})).map((n) => n.text)).toContain(NOTE);
    });

    it("the page finds no trace of the card's frame or its address while the reader types in it", async () => {
      const page = await openListeningPage();
      await page.hover('#text', 'Wiesbaden');
      await page.clickInPopover('Add note');
      await page.clickInPopover('textarea');
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
          attributes: host.getAttributeNames(),
          active: document.activeElement?.localName,
          activeAttributes: document.activeElement?.getAttributeNames(),
          // A frame in a shadow tree is not among the page's window.frames.
          frames: window.frames.length,
          mentionsExtension: /extension:|card\.html/.test(everything),
        };
      }, undefined);
      expect(probe).toEqual({
        shadowRoot: null,
        children: 0,
        attributes: ['popover', 'style'],
        active: 'gloss-popover',
        activeAttributes: ['popover', 'style'],
        frames: 0,
        mentionsExtension: false,
      });
    });
  });

  describe('events the page makes up', () => {
    it('synthetic pointer and mouse events over every mention open no card and change nothing', async () => {
      const page = await openListeningPage();
      await page.move(1, 1);
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
            const at = {
              clientX: box.left + box.width / 2,
              clientY: box.top + box.height / 2,
              bubbles: true,
            };
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
      }, undefined);
      expect(changes).toEqual({ ranges: 3, added: [], hosts: 0, frames: 0, sameSizes: true });
      expect(await page.readPopover()).toBeNull();
    });

    it('synthetic Esc, pointer-down or blur do not close an open card', async () => {
      const page = await openListeningPage();
      await page.hover('#text', 'Wiesbaden');
      await page.evaluate(async () => {
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        document.body.dispatchEvent(
          new PointerEvent('pointerdown', { clientX: 2, clientY: 2, bubbles: true }),
        );
        document.dispatchEvent(new PointerEvent('pointerleave'));
        window.dispatchEvent(new FocusEvent('blur'));
        await new Promise((r) => setTimeout(r, 600));
      }, undefined);
      expect((await page.readPopover())?.text).toContain('headquarters');
      await page.press('Escape');
      await page.waitForPopover((v) => v === null);
    });
  });

  describe('what the page can learn of the card', () => {
    it("the card's box has one size whatever it shows", async () => {
      const page = await openListeningPage();
      const size = () =>
        page.evaluate(() => {
          const box = document.querySelector('gloss-popover')?.getBoundingClientRect();
          return box && { width: box.width, height: box.height };
        }, undefined);
      await page.hover('#text', 'Kyiv');
      const small = await size();
      await page.move(1, 1);
      await page.waitForPopover((v) => v === null);
      await page.hover('#text', 'Wiesbaden');
      const large = await size();
      expect(small).toBeTruthy();
      expect(large).toEqual(small);
    });
  });
}
