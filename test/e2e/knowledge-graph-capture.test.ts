// The knowledge graph from captures (issue 13, "Checked"), in real Chromium: three English news
// pages of the corpus — two New York Times pages that both name the United States, a Yahoo page
// on Russia — are added through the popup's "Add this article" and saved with the review's
// defaults. Each entity they share, with each other or with the bundled pack, is then one
// identity (the United States: three sources; Russia: two), the card shows its facts
// from every source without asking which one is meant, the popup lists it once, and an unlink
// stays unlinked after the browser restarts with the same profile.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askPage,
  baseUrl,
  callBackground,
  clickToolbarButton,
  fixtureUrl,
  OFF_MACHINE,
  openGloss,
  openReview,
  type TestBrowser,
} from './gloss';
import { hoverWord } from './page-helpers';

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });

/** nytimes-1 and nytimes-4 name the United States; yahoo-2 names Russia. */
const PAGES = ['nytimes-1', 'nytimes-4', 'yahoo-2'];
const BUNDLED = 'nato-ukraine-2024';
const corpusUrl = (name: string) => `${baseUrl()}/corpus/${name}.html`;

let gloss: TestBrowser;
let manager: Page;
/** The pack each page became, by page. */
const packOf = new Map<string, string>();

/** "Add this article" in the popup, then "Save as a pack" on the review as it opens: its defaults. */
async function capture(name: string): Promise<string> {
  const article = await gloss.context.newPage();
  await article.goto(corpusUrl(name), { waitUntil: 'load' });
  let before = new Set<string>();
  const { popup, review } = await openReview(gloss, article, async () => {
    before = new Set((await callBackground(manager, 'listPacks', undefined)).map((p) => p.id));
  });
  await review.getByRole('button', { name: 'Save as a pack' }).click();
  await review
    .getByTestId('review-saved')
    .waitFor({ timeout: 10_000 })
    .catch(async (e) => {
      // Say why: the review shows what kept the pack from being saved.
      throw new Error(`${name}: ${((await review.locator('body').textContent()) ?? '').slice(-400)}`, {
        cause: e,
      });
    });
  const added = (await callBackground(manager, 'listPacks', undefined)).find((p) => !before.has(p.id));
  if (!added) throw new Error(`no pack saved for ${name}`);
  await Promise.all([popup.close(), review.close(), article.close()]);
  return added.id;
}

beforeAll(async () => {
  gloss = await openGloss();
  await gloss.context.route(OFF_MACHINE, (route) => route.abort());
  manager = await gloss.extensionPage('options.html#notes');
  for (let i = 0; i < 100 && (await callBackground(manager, 'listPacks', undefined)).length === 0; i++) {
    await manager.waitForTimeout(100);
  }
});
afterAll(async () => {
  await gloss?.close();
});

describe('three captured news pages', () => {
  it('are each saved as a pack with the review’s defaults', async () => {
    for (const name of PAGES) packOf.set(name, await capture(name));
    expect(packOf.size).toBe(3);
  }, 180_000);

  it('makes each entity they share one identity, with the bundled pack’s too', async () => {
    const [sudan, budget, space] = PAGES.map((name) => packOf.get(name) ?? '');
    const us = await Promise.all(
      [BUNDLED, sudan, budget].map((packId) =>
        callBackground(manager, 'getEntity', { key: `${packId}/united-states` }),
      ),
    );
    const identity = us[0]?.identity.id;
    expect(identity).toMatch(/^i:/);
    expect(us.map((view) => view?.identity.id)).toEqual([identity, identity, identity]);
    expect(us[0]?.identity.memberKeys).toEqual(
      expect.arrayContaining([
        `${BUNDLED}/united-states`,
        `${sudan}/united-states`,
        `${budget}/united-states`,
      ]),
    );
    // Its facts come from every source: the bundled pack's and each capture's.
    const packs = new Set(us[0]?.facts.map((fact) => fact.packId));
    for (const packId of [BUNDLED, sudan, budget]) expect(packs).toContain(packId);

    const russia = await Promise.all(
      [BUNDLED, space].map((packId) => callBackground(manager, 'getEntity', { key: `${packId}/russia` })),
    );
    expect(russia[1]?.identity.id).toBe(russia[0]?.identity.id);
    expect(russia[0]?.identity.id).not.toBe(identity);
  });

  it('shows the card of the United States with facts from every source, without a chooser', async () => {
    const [sudan, budget] = PAGES.map((name) => packOf.get(name) ?? '');
    const view = await callBackground(manager, 'getEntity', { key: `${sudan}/united-states` });
    const page = await gloss.context.newPage();
    await page.goto(fixtureUrl('article.html'));
    const card = await hoverWord(page, 'the United States from', 'United States');
    expect(card.text).not.toContain('Which “');
    expect(card.text).toContain(`From ${view?.identity.sourceCount} sources`);
    expect(view?.identity.sourceCount).toBeGreaterThanOrEqual(3);
    // One fact of each source is on the card (newest source first: the captures lead).
    for (const packId of [BUNDLED, sudan, budget]) {
      const fact = view?.facts.find((f) => f.packId === packId);
      expect(card.text, packId).toContain(fact?.text.slice(0, 60));
    }
    await page.close();
  });

  it('lists the United States once in the popup, with all its mentions', async () => {
    const view = await callBackground(manager, 'getEntity', { key: `${BUNDLED}/united-states` });
    const page = await gloss.context.newPage();
    await page.goto(corpusUrl('nytimes-1'), { waitUntil: 'load' });
    await eventually(async () =>
      (await askPage(gloss, page, 'pageState', undefined)).counts.some(
        (c) => c.entityKey === view?.identity.id,
      ),
    ).toBe(true);
    const { counts } = await askPage(gloss, page, 'pageState', undefined);
    const keys = counts.map((c) => c.entityKey);
    // One key per identity: none of its members' pack keys, and itself once.
    expect(new Set(keys).size).toBe(keys.length);
    for (const member of view?.identity.memberKeys ?? []) expect(keys).not.toContain(member);

    const tabId = await clickToolbarButton(gloss, page);
    const popup = await gloss.extensionPage(`popup.html?tabId=${tabId}`);
    await popup.getByTestId('page-entities').waitFor();
    const names = await popup
      .locator('[data-testid="page-entities"] .gloss-popup-item-name')
      .evaluateAll((items) => items.map((item) => item.textContent));
    expect(names.filter((name) => name === 'United States')).toHaveLength(1);
    await Promise.all([popup.close(), page.close()]);
  });

  it('keeps an unlinked capture apart after a browser restart with the same profile', async () => {
    const budget = packOf.get('nytimes-4') ?? '';
    const key = `${budget}/united-states`;
    const together = (await callBackground(manager, 'getEntity', { key: `${BUNDLED}/united-states` }))
      ?.identity;
    await callBackground(manager, 'linkEntity', { entityKey: key, to: null });
    const apart = (await callBackground(manager, 'getEntity', { key }))?.identity;
    expect(apart?.id).not.toBe(together?.id);
    expect(apart?.memberKeys).toEqual([key]);

    const { profileDir } = gloss;
    await gloss.close();
    gloss = await openGloss({ profileDir });
    manager = await gloss.extensionPage('options.html#notes');
    for (let i = 0; i < 100 && (await callBackground(manager, 'listPacks', undefined)).length === 0; i++) {
      await manager.waitForTimeout(100);
    }
    const after = (await callBackground(manager, 'getEntity', { key }))?.identity;
    expect(after?.memberKeys).toEqual([key]);
    const rest = (await callBackground(manager, 'getEntity', { key: `${BUNDLED}/united-states` }))?.identity;
    expect(rest?.memberKeys).not.toContain(key);
    expect(rest?.memberKeys).toEqual(
      expect.arrayContaining([`${BUNDLED}/united-states`, `${packOf.get('nytimes-1')}/united-states`]),
    );
    expect(gloss.errors).toEqual([]);
  });
});

describe('a capture whose page dates itself with a time-zone offset', () => {
  // bbc-1 gives its date as "2015-07-24T05:36:09+01:00". The review's defaults must save: the pack
  // id made from the address and that date may not carry the "+" the pack format refuses in ids.
  it('saves bbc-1 with the review’s defaults, its "US" joining the United States', async () => {
    // The test before kept nytimes-4's United States apart: two identities of that name make a new
    // "US" unsure (proposed, not linked). Linked back by hand, there is one United States again.
    const bundledUs = (await callBackground(manager, 'getEntity', { key: `${BUNDLED}/united-states` }))
      ?.identity;
    await callBackground(manager, 'linkEntity', {
      entityKey: `${packOf.get('nytimes-4')}/united-states`,
      to: bundledUs?.id ?? null,
    });
    const packId = await capture('bbc-1');
    expect(packId).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}._:-]*$/u);
    const us = await callBackground(manager, 'getEntity', { key: `${packId}/us` });
    const bundled = await callBackground(manager, 'getEntity', { key: `${BUNDLED}/united-states` });
    expect(us?.identity.id).toBe(bundled?.identity.id);
  }, 60_000);
});
