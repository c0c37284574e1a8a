// The card out of the page's reach in Chromium: the shared spec (test/spec/isolation.spec.ts, also
// run in Firefox ESR), and what is tested here only: a note typed in the selection composer stays
// out of the page too, and the card still works where the page allows no frames at all.
import { describe, expect, it } from 'vitest';
import { withGloss } from '../spec/gloss.spec';
import { isolationSpec } from '../spec/isolation.spec';
import { chromiumDriver } from './driver';
import { askPage, fixtureUrl } from './gloss';
import { hover, waitForMentions, waitForPopover } from './page-helpers';

// The tests below share the spec's lifetime: a tab of their own, notes and settings reset, and no
// error or request off the machine, after each test.
const t = withGloss(chromiumDriver);
isolationSpec(t);

describe('typing into the selection composer', () => {
  it('a note typed in the selection composer reaches Gloss, and the page sees nothing of it', async () => {
    const page = t.gloss.pageOf(t.page);
    await page.goto(fixtureUrl('isolation.html'));
    await waitForMentions(page, ['NATO', 'Wiesbaden', 'Kyiv']);
    await page.evaluate(() => {
      const text = document.querySelector('#quote')?.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 4);
      range.setEnd(text, 23);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    expect(await askPage(t.gloss.playwright, page, 'composeFromSelection', { kind: 'note' })).toBe(true);
    await waitForPopover(page, (v) => v?.text.includes('Note on this selection') ?? false);
    await page.keyboard.type('Second secret, from the composer');
    await page.keyboard.press('Control+Enter');
    await waitForPopover(page, (v) => v === null);
    // Saving closes the composer and gives the focus back to the page, which then sees the keys
    // of Ctrl+Enter let go: nothing of what was typed.
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.filter((e) => e !== 'keyup:Enter' && e !== 'keyup:Control')).toEqual([]);
    const notes = await t.gloss.callBackground('listNotes', {});
    expect(notes.map((n) => n.text)).toContain('Second secret, from the composer');
  });
});

describe('a page that allows no frames', () => {
  it('shows the card all the same (default-src none; frame-src none)', async () => {
    const page = t.gloss.pageOf(t.page);
    await page.goto(fixtureUrl('frame-csp.html'));
    await waitForMentions(page, ['Wiesbaden']);
    const view = await hover(page, '#text', 'Wiesbaden');
    expect(view.text).toContain('headquarters');
    expect(view.frame).not.toBeNull();
  });
});
