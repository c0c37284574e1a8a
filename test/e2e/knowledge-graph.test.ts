// The knowledge graph in Chromium: two packs that both speak of Russia are one identity to the
// page (one highlighted thing, one mention count) and to the card (facts from both sources).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '@/src/core/pack';
import { askPage, callBackground, fixtureUrl, openGloss, type TestBrowser } from './gloss';
import { hoverWord, waitForMentions } from './page-helpers';

let gloss: TestBrowser;
let manager: Page;

function pack(id: string, date: string, fact: string, extra: Pack['entities'] = []): Pack {
  return {
    format: 'gloss-pack',
    version: 2,
    pack: { id, version: 1, title: `Pack ${id}`, description: '', language: 'en', createdAt: date },
    sources: [{ id: 'src', title: `Article ${id}`, url: `https://news.example/${id}`, publishedAt: date }],
    entities: [{ id: 'russia', name: 'Russia', type: 'place', aliases: ['Russian Federation'] }, ...extra],
    facts: [{ id: 'f1', entityId: 'russia', sourceId: 'src', text: fact, quote: `${fact} (quoted)` }],
  };
}

beforeAll(async () => {
  gloss = await openGloss();
  manager = await gloss.extensionPage('options.html');
  // Only the two packs below speak of Russia: the bundled one goes.
  await callBackground(manager, 'removePack', { id: 'nato-ukraine-2024' });
  for (const p of [
    pack('alpha', '2024-06-10', 'Russia launched a campaign of hostile actions.'),
    pack('beta', '2024-06-12', 'Russia was discussed by NATO defence ministers.'),
  ]) {
    const result = await callBackground(manager, 'importPack', { json: JSON.stringify(p) });
    expect(result.ok).toBe(true);
  }
});
afterAll(async () => {
  await gloss?.close();
});

describe('one identity for Russia from two packs', () => {
  it('is one identity in the background, with facts from both sources', async () => {
    const byAlpha = await callBackground(manager, 'getEntity', { key: 'alpha/russia' });
    const byBeta = await callBackground(manager, 'getEntity', { key: 'beta/russia' });
    expect(byAlpha?.identity.id).toMatch(/^i:/);
    expect(byBeta?.identity.id).toBe(byAlpha?.identity.id);
    expect(byAlpha?.identity.sourceCount).toBe(2);
    expect(byAlpha?.facts.map((f) => f.source?.title)).toEqual(['Article beta', 'Article alpha']);
  });

  it('marks Russia on a page as one identity, and the card shows both sources’ facts', async () => {
    const page = await gloss.context.newPage();
    await page.goto(fixtureUrl('article.html'));
    // "Russia’s" three times; "Russian" is another word.
    expect(await waitForMentions(page, ['Russia', 'Russia', 'Russia'])).toEqual([
      'Russia',
      'Russia',
      'Russia',
    ]);
    const state = await askPage(gloss, page, 'pageState', undefined);
    const identity = (await callBackground(manager, 'getEntity', { key: 'alpha/russia' }))?.identity.id;
    // One identity on the page with all three mentions: the popup lists it once, no chooser on hover.
    expect(state.counts).toEqual([{ entityKey: identity, count: 3 }]);

    const card = await hoverWord(page, 'Russia’s hostile', 'Russia');
    expect(card.text).toContain('Russia launched a campaign of hostile actions.');
    expect(card.text).toContain('Russia was discussed by NATO defence ministers.');
    expect(card.text).toContain('From 2 sources');

    // The page is remembered on the identity's page ("seen on"): one visit, with its title.
    await expect
      .poll(async () => (await callBackground(manager, 'getEntityPage', { key: identity ?? '' }))?.seenOn)
      .toEqual([
        expect.objectContaining({
          url: fixtureUrl('article.html'),
          title: 'NATO approves plan for enhanced support to Ukraine',
          count: 1,
        }),
      ]);
    await page.close();
  });

  it('links a 10,000-entity pack at import', async () => {
    const alpha = await callBackground(manager, 'getEntity', { key: 'alpha/russia' });
    const big = pack(
      'big',
      '2024-06-20',
      'Russia is in the big pack.',
      Array.from({ length: 9_999 }, (_, i) => ({
        id: `e${i}`,
        name: `Invented Place ${i}`,
        type: 'place' as const,
        aliases: [],
      })),
    );
    const t0 = Date.now();
    expect((await callBackground(manager, 'importPack', { json: JSON.stringify(big) })).ok).toBe(true);
    console.log(`importing and linking a 10,000-entity pack in Chromium: ${Date.now() - t0} ms`);
    // Russia of the big pack joins the others: same name, same type.
    const joined = await callBackground(manager, 'getEntity', { key: 'big/russia' });
    expect(joined?.identity.id).toBe(alpha?.identity.id);
    expect(joined?.identity.sourceCount).toBe(3);
    await callBackground(manager, 'removePack', { id: 'big' });
  });

  it('keeps an unlink apart, also after the pack is upgraded', async () => {
    await callBackground(manager, 'linkEntity', { entityKey: 'beta/russia', to: null });
    const alpha = await callBackground(manager, 'getEntity', { key: 'alpha/russia' });
    const beta = await callBackground(manager, 'getEntity', { key: 'beta/russia' });
    expect(beta?.identity.id).not.toBe(alpha?.identity.id);
    expect(alpha?.identity.sourceCount).toBe(1);

    const upgraded = pack('beta', '2024-06-12', 'Russia was discussed by NATO defence ministers.');
    upgraded.pack.version = 2;
    expect((await callBackground(manager, 'importPack', { json: JSON.stringify(upgraded) })).ok).toBe(true);
    const after = await callBackground(manager, 'getEntity', { key: 'beta/russia' });
    expect(after?.identity.id).toBe(beta?.identity.id);
    expect(after?.identity.memberKeys).toEqual(['beta/russia']);
  });
});
