// Firefox ESR: Gloss's storage is made persistent by the background (unlimitedStorage grants it
// there without a prompt), and draft expiry has its daily alarm.
import { describe, expect, it } from 'vitest';
import { withGloss } from '../spec/gloss.spec';
import { firefoxDriver } from './driver';

const t = withGloss(firefoxDriver);

describe('storage in Firefox', () => {
  it('is persistent, with no prompt, and the draft-expiry alarm exists', async () => {
    const page = await t.extensionPage('options.html#notes');
    await expect
      .poll(() => page.evaluate(() => navigator.storage.persisted(), undefined), {
        timeout: 15_000,
        interval: 200,
      })
      .toBe(true);
    const alarm = await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await api.alarms.get('gloss-expire-drafts'))?.name ?? null;
    }, undefined);
    expect(alarm).toBe('gloss-expire-drafts');
  });
});
