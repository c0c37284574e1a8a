// test/e2e/bad-lang.test.ts's main path in Firefox ESR: on a page with <html lang="en_US">, whose
// tag Intl rejects with a RangeError, mentions are marked and hovering one opens its card. The
// shared lifetime (withGloss) fails the test on any error logged meanwhile, a RangeError included.
import { describe, expect, it } from 'vitest';
import { fixtureUrl, withGloss } from '../spec/gloss.spec';
import { waitForMentions } from '../spec/views';
import { firefoxDriver } from './driver';

const MENTIONS = ['Stoltenberg', 'Brussels', 'Kyiv', 'Wiesbaden', 'US'];
const t = withGloss(firefoxDriver);

describe('a page with lang="en_US" in Firefox', () => {
  it('marks its mentions and opens the card on hover', async () => {
    await t.page.goto(fixtureUrl('bad-lang.html'));
    expect(await t.page.evaluate(() => document.documentElement.lang, undefined)).toBe('en_US');
    expect(await waitForMentions(t.page, MENTIONS)).toEqual(MENTIONS);
    const view = await t.page.hover('article', 'Wiesbaden');
    expect(view.text).toContain('Wiesbaden');
    expect(view.text).toMatch(/headquarters for coordinating assistance to Kyiv/);
  });
});
