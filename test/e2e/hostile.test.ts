// Pages that make life hard: replaced built-ins, 200,000 text nodes, a mutation storm, closed
// shadow roots, 20 iframes, a strict CSP. Gloss keeps working or steps back cleanly, never holds
// the page for more than 50 ms, and never reaches off the machine.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askPage, callBackground, fixtureUrl, openGloss, type TestBrowser, tabPerTest } from './gloss';
import { highlighted, hover, waitForMentions, waitForPopover } from './page-helpers';

let gloss: TestBrowser;
let page: Page;

beforeAll(async () => {
  gloss = await openGloss();
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
tabPerTest(
  () => gloss,
  (tab) => {
    page = tab;
  },
);

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
    // Counts are keyed by identity (the knowledge graph): each one's pack entity names it.
    const manager = await gloss.extensionPage('popup.html');
    const names = await Promise.all(
      counts.map(
        async (c) =>
          (await callBackground(manager, 'getEntity', { key: c.entityKey }))?.identity.memberKeys[0]?.split(
            '/',
          )[1],
      ),
    );
    await manager.close();
    expect(names.sort()).toEqual(['brussels', 'jens-stoltenberg', 'viktor-orban', 'wiesbaden']);
    // The page still sees its own replacements: Gloss did not repair or wrap anything of the page's.
    expect(await page.evaluate(() => typeof window.CSS)).toBe('undefined');
    const box = await page.locator('#w').boundingBox();
    if (!box) throw new Error('no box for #w');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    const view = await waitForPopover(page, (v) => v?.text.includes('headquarters') ?? false);
    expect(view.text).toContain('Wiesbaden');
  });

  it('marks a page of 200,000 text nodes without a long task', async () => {
    // Wall-clock task lengths swing with whatever else the machine runs (a descheduled renderer
    // turns a 6 ms slice into 150 ms): a long task of Gloss's own making shows in every load, so
    // the shortest of three loads is the one that tells.
    const longest: number[] = [];
    for (let load = 0; load < 3; load++) {
      await page.goto(fixtureUrl('hostile-huge.html'));
      const { stats } = await state();
      expect(stats.mentions).toBe(20);
      longest.push(stats.longestTaskMs);
    }
    expect(Math.min(...longest)).toBeLessThan(50);
    expect((await highlighted(page)).light.every((text) => text === 'Wiesbaden')).toBe(true);
  });

  it('keeps up with 1,000 nodes rewritten every 50 ms for 10 s, without a long task', async () => {
    // As above: the shortest longest-task of two storms is the one that tells.
    const longest: number[] = [];
    for (let storm = 0; storm < 2; storm++) {
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
      longest.push((await state()).stats.longestTaskMs);
    }
    expect(Math.min(...longest)).toBeLessThan(50);
  }, 90_000);

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

  it('renders markup and script payloads from a pack as inert text', async () => {
    const manager = await gloss.extensionPage('popup.html');
    const evil = {
      format: 'gloss-pack',
      version: 1,
      pack: {
        id: 'payloads',
        title: '<b>Payload</b> pack',
        description: '',
        language: 'en',
        createdAt: '2024-06-14',
      },
      sources: [
        { id: 's', title: '<a href="javascript:alert(1)">click</a>', url: 'https://example.org/"><script>' },
      ],
      entities: [
        {
          id: 'zorblax',
          name: '<img src=x onerror="window.pwned=1">',
          type: 'other',
          aliases: ['Zorblax'],
          description: `\u202Egnp.exe ${'long '.repeat(900)}`,
        },
      ],
      facts: [
        {
          id: 'f',
          entityId: 'zorblax',
          sourceId: 's',
          text: '<script>window.pwned=2</script>',
          quote: 'x'.repeat(19_000),
        },
      ],
    };
    expect(await callBackground(manager, 'importPack', { json: JSON.stringify(evil) })).toMatchObject({
      ok: true,
    });
    // A note of 100,000 characters, itself markup, from a page whose address is a javascript: URL.
    await callBackground(manager, 'createNote', {
      entityKey: 'payloads/zorblax',
      text: `<iframe src="javascript:window.pwned=3"></iframe>${'n'.repeat(99_000)}`,
      pageUrl: 'javascript:window.pwned=4',
      pageTitle: '<b>title</b>',
      quote: '',
    });
    try {
      await page.goto(fixtureUrl('payloads.html'));
      await waitForMentions(page, ['Zorblax']);
      const view = await hover(page, '#text', 'Zorblax');
      expect(view.text).toContain('<img src=x onerror="window.pwned=1">');
      expect(view.text).toContain('<script>window.pwned=2</script>');
      expect(view.text).toContain('<iframe src="javascript:window.pwned=3"></iframe>');
      // A javascript: page address never becomes a link.
      expect([...view.controls.keys()].some((label) => label.includes('<b>title</b>'))).toBe(false);
      expect([...view.controls.keys()].some((label) => label.startsWith('<a href'))).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      // The card stays a card: long text wraps instead of widening the popover.
      const width = await page.evaluate(
        () => document.querySelector('gloss-popover')?.getBoundingClientRect().width,
      );
      expect(width).toBeLessThanOrEqual(400);

      // The same data in the popup's search and card, and in the manager's entity view.
      const popup = await gloss.extensionPage('popup.html');
      await popup.fill('#gloss-search', 'Zorblax');
      await popup.getByText('<img src=x onerror="window.pwned=1">').first().click();
      await expect.poll(() => popup.locator('body').innerText()).toContain('<script>window.pwned=2</script>');
      const managerView = await gloss.extensionPage(
        `options.html#entity/${encodeURIComponent('payloads/zorblax')}`,
      );
      await expect
        .poll(() => managerView.locator('body').innerText())
        .toContain('<img src=x onerror="window.pwned=1">');
      for (const extensionPage of [popup, managerView]) {
        expect(
          await extensionPage.evaluate(() => (window as unknown as { pwned?: number }).pwned),
        ).toBeUndefined();
        expect(await extensionPage.locator('img[src="x"], iframe, script:not([src])').count()).toBe(0);
        expect(await extensionPage.locator('a[href^="javascript:"]').count()).toBe(0);
      }
      await Promise.all([popup.close(), managerView.close()]);
    } finally {
      await callBackground(manager, 'removePack', { id: 'payloads' });
      await manager.close();
    }
  });

  it("gives page scripts nothing to read: the popover's content, attributes and globals hold no user data", async () => {
    await page.goto(fixtureUrl('article.html'));
    await waitForMentions(page, ['NATO'], 100).catch(() => {});
    const globalsBefore = await page.evaluate(() => Object.keys(window).length);
    await hover(page, 'article', 'Wiesbaden');
    const seen = await page.evaluate(() => {
      const host = document.querySelector('gloss-popover') as HTMLElement;
      return {
        shadowRoot: host.shadowRoot,
        text: host.textContent,
        innerText: host.innerText,
        children: host.children.length,
        attributes: [...host.attributes].map((a) => a.name).sort(),
        glossGlobals: Object.keys(window).filter((k) => /gloss/i.test(k)),
        classes: [...document.querySelectorAll('[class*="gloss" i], [data-gloss]')].length,
      };
    });
    expect(seen).toEqual({
      shadowRoot: null,
      text: '',
      innerText: '',
      children: 0,
      attributes: ['popover', 'style'],
      glossGlobals: [],
      classes: 0,
    });
    expect(await page.evaluate(() => Object.keys(window).length)).toBe(globalsBefore);
  });
});
