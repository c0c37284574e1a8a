// Pages that make life hard: replaced built-ins, 200,000 text nodes, a mutation storm, closed
// shadow roots, 20 iframes, a strict CSP. Gloss keeps working or steps back cleanly, never holds
// the page for more than 50 ms, and never reaches off the machine.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askPage, fixtureUrl, openGloss, type TestBrowser } from './gloss';
import { highlighted, hover, waitForMentions, waitForPopover } from './page-helpers';

let gloss: TestBrowser;
let page: Page;

beforeAll(async () => {
  gloss = await openGloss();
  page = await gloss.context.newPage();
  // The page's own long tasks, for context when one of Gloss's would show up.
  await gloss.context.addInitScript(() => {
    const longTasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = longTasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
});
afterAll(async () => {
  await gloss?.close();
});

async function state() {
  await expect
    .poll(async () => (await askPage(gloss, page, 'pageState', undefined)).stats.firstScanMs, {
      timeout: 20_000,
    })
    .not.toBeNull();
  return askPage(gloss, page, 'pageState', undefined);
}

describe('hostile pages', () => {
  it("keeps working when the page replaces the built-ins (its world is not Gloss's)", async () => {
    await page.goto(fixtureUrl('hostile-prototypes.html'));
    // The page has taken CSS away from its own world, so ask Gloss what it marked.
    await expect
      .poll(async () => (await askPage(gloss, page, 'pageState', undefined)).stats.mentions, {
        timeout: 10_000,
      })
      .toBe(4);
    const { counts } = await askPage(gloss, page, 'pageState', undefined);
    expect(counts.map((c) => c.entityKey.split('/')[1]).sort()).toEqual([
      'brussels',
      'jens-stoltenberg',
      'viktor-orban',
      'wiesbaden',
    ]);
    // The page still sees its own replacements: Gloss did not repair or wrap anything of the page's.
    expect(await page.evaluate(() => typeof window.CSS)).toBe('undefined');
    const box = await page.locator('#w').boundingBox();
    if (!box) throw new Error('no box for #w');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    const view = await waitForPopover(page, (v) => v !== null);
    expect(view.text).toContain('headquarters');
  });

  it('marks a page of 200,000 text nodes without a long task', async () => {
    await page.goto(fixtureUrl('hostile-huge.html'));
    const { stats } = await state();
    expect(stats.mentions).toBe(20);
    expect(stats.longestTaskMs).toBeLessThan(50);
    expect((await highlighted(page)).light.every((text) => text === 'Wiesbaden')).toBe(true);
  });

  it('keeps up with 1,000 nodes rewritten every 50 ms for 10 s, without a long task', async () => {
    await page.goto(fixtureUrl('hostile-mutations.html'));
    await page.waitForFunction(() => (window as unknown as { stormDone: boolean }).stormDone, undefined, {
      timeout: 20_000,
      polling: 500,
    });
    // After the storm: the steady mention and the four of the last round, nothing stale.
    expect(await waitForMentions(page, ['Brussels', 'Kyiv', 'Kyiv', 'Kyiv', 'Kyiv'])).toEqual([
      'Brussels',
      'Kyiv',
      'Kyiv',
      'Kyiv',
      'Kyiv',
    ]);
    const { stats } = await state();
    expect(stats.longestTaskMs).toBeLessThan(50);
  });

  it('leaves closed shadow roots alone and marks the rest', async () => {
    await page.goto(fixtureUrl('hostile-closed-shadow.html'));
    expect(await waitForMentions(page, ['Hungary'])).toEqual(['Hungary']);
    expect((await highlighted(page)).shadow).toEqual([]);
  });

  it('works in each of 20 iframes', async () => {
    await page.goto(fixtureUrl('hostile-iframes.html'));
    expect(await waitForMentions(page, ['Germany'])).toEqual(['Germany']);
    await expect
      .poll(async () => {
        const frames = page.frames().filter((f) => f.url().includes('frame-child.html'));
        const marked = await Promise.all(frames.map(async (f) => (await highlighted(f)).light.length));
        return marked.filter((n) => n === 2).length;
      })
      .toBe(20);
  });

  it('works under a strict Content-Security-Policy, popover included', async () => {
    await page.goto(fixtureUrl('strict-csp.html'));
    expect(await waitForMentions(page, ['Wiesbaden'])).toEqual(['Wiesbaden']);
    const view = await hover(page, '#text', 'Wiesbaden');
    expect(view.text).toContain('headquarters');
  });

  it('logged no error of its own, and made no request off the machine', () => {
    expect(gloss.errors.filter((e) => e.includes('chrome-extension://') || /gloss/i.test(e))).toEqual([]);
    expect(gloss.offMachine).toEqual([]);
  });
});
