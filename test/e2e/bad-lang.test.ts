// A page whose <html lang> is not a tag Intl accepts ("en_US") still gets its cards: the card's
// source sentence is cut with Intl.Segmenter, which threw a RangeError there (hardening item 14).
import { describe, expect, it } from 'vitest';
import { fixtureUrl, glossWithPage } from './gloss';
import { hover, readPopover, waitForMentions, waitForPopover } from './page-helpers';

const MENTIONS = ['Stoltenberg', 'Brussels', 'Kyiv', 'Wiesbaden', 'US'];

const at = glossWithPage();

describe('a page with lang="en_US"', () => {
  it('marks its mentions and opens the card on hover', async () => {
    await at.page.goto(fixtureUrl('bad-lang.html'));
    expect(await at.page.evaluate(() => document.documentElement.lang)).toBe('en_US');
    expect(await waitForMentions(at.page, MENTIONS)).toEqual(MENTIONS);
    const view = await hover(at.page, 'article', 'Wiesbaden');
    expect(view.text).toContain('Wiesbaden');
    expect(view.text).toMatch(/headquarters for coordinating assistance to Kyiv/);
    expect(at.gloss.errors.filter((e) => /RangeError|locale|language tag/i.test(e))).toEqual([]);
  });

  it('still opens cards after the page changes its tag to other odd ones', async () => {
    for (const lang of ['pt_BR', 'x', 'zz-ZZZZ-invalid-', '']) {
      await at.page.mouse.move(5, 5);
      await waitForPopover(at.page, (v) => v === null);
      await at.page.evaluate((lang) => {
        document.documentElement.lang = lang;
      }, lang);
      const view = await hover(at.page, 'article', 'Brussels');
      expect(view.text, `lang="${lang}"`).toContain('Brussels');
    }
    expect(await readPopover(at.page)).not.toBeNull();
    expect(at.gloss.errors.filter((e) => /RangeError|locale|language tag/i.test(e))).toEqual([]);
  });
});
