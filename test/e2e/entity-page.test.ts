// One entity across packs (issue 13), in real Chromium: two imported packs and the bundled one
// all know Wiesbaden. The popup lists it once on a page that mentions it and links to its entity
// page; the manager lists it once among its entities; the manager's entity page shows the facts of every source on a timeline and the aliases
// with their packs; unlinking one pack's entity makes two identities, and stays so after a reload.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '@/src/core/pack';
import {
  callBackground,
  clickToolbarButton,
  fixtureUrl,
  openGloss,
  openManager,
  type TestBrowser,
} from './gloss';
import { waitForMentions } from './page-helpers';

const { mentions } = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/article.expected.json'), 'utf8'),
) as { mentions: string[] };

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });

function pack(id: string, title: string, alias: string, date: string, fact: string): Pack {
  return {
    format: 'gloss-pack',
    version: 2,
    pack: { id, version: 1, title, description: `${title}, for the test`, language: 'en', createdAt: date },
    sources: [{ id: 's1', title: `${title} article`, url: `https://example.org/${id}`, publishedAt: date }],
    entities: [{ id: 'wiesbaden', name: 'Wiesbaden', type: 'place', aliases: [alias] }],
    facts: [{ id: 'f1', entityId: 'wiesbaden', sourceId: 's1', text: fact, quote: `${fact} (quoted)` }],
  };
}

const ALPHA = pack(
  'alpha',
  'Alpha pack',
  'Landeshauptstadt Wiesbaden',
  '2023-03-01',
  'Alpha: Wiesbaden has hot springs.',
);
const BETA = pack(
  'beta',
  'Beta pack',
  'Wiesbaden (Hesse)',
  '2024-09-10',
  'Beta: Wiesbaden hosts the NSATU command.',
);

let gloss: TestBrowser;
let manager: Page;

const identityOf = async (key: string) => (await callBackground(manager, 'getEntity', { key }))?.identity.id;

beforeAll(async () => {
  gloss = await openGloss();
  // Wait for the bundled pack so the imports come after it.
  manager = await openManager(gloss, 'options.html#knowledge');
  for (const file of [ALPHA, BETA]) {
    const result = await callBackground(manager, 'importPack', { json: JSON.stringify(file) });
    expect(result.ok).toBe(true);
  }
});
afterAll(async () => {
  await gloss?.close();
});

describe('one entity across packs', () => {
  it('is one identity, listed once in the popup with its summed count and a link to its page', async () => {
    const identity = await identityOf('alpha/wiesbaden');
    expect(identity).toBeTruthy();
    expect(await identityOf('beta/wiesbaden')).toBe(identity);
    expect(await identityOf('nato-ukraine-2024/wiesbaden')).toBe(identity);

    const article = await gloss.context.newPage();
    await article.goto(fixtureUrl('article.html'));
    expect(await waitForMentions(article, mentions, 10_000)).toEqual(mentions);
    const tabId = await clickToolbarButton(gloss, article);
    const popup = await gloss.extensionPage(`popup.html?tabId=${tabId}`);
    const rows = popup.locator('[data-testid="page-entities"] li', {
      has: popup.locator('.gloss-popup-item-name', { hasText: /^Wiesbaden$/ }),
    });
    await eventually(() => rows.count()).toBe(1);
    const count = mentions.filter((text) => text === 'Wiesbaden').length;
    expect(await rows.locator('[data-testid="mention-count"] [aria-hidden]').textContent()).toBe(
      String(count),
    );
    expect(await rows.locator('[data-testid="open-entity-page"]').getAttribute('href')).toBe(
      `chrome-extension://${gloss.extensionId}/options.html#entity/${encodeURIComponent(identity ?? '')}`,
    );
    // Its card in the popup (found by search): facts from every source, "From N sources" leading them.
    await popup.fill('#gloss-search', 'Wiesbaden');
    const hits = popup.locator(`[data-testid="search-results"] [data-entity-key="${identity}"]`);
    await eventually(() => hits.count()).toBeGreaterThan(0);
    await hits.first().click();
    const panel = popup.getByTestId('entity-panel');
    await eventually(() => panel.locator('.gloss-fact-text').allTextContents()).toEqual(
      expect.arrayContaining([BETA.facts[0]?.text, ALPHA.facts[0]?.text]),
    );
    const texts = await panel.locator('.gloss-fact-text').allTextContents();
    // Newest source first: Beta (Sep 2024) before Alpha (Mar 2023).
    expect(texts.indexOf(BETA.facts[0]!.text)).toBeLessThan(texts.indexOf(ALPHA.facts[0]!.text));
    expect(await panel.getByTestId('source-count').textContent()).toMatch(/^From \d+ sources$/);
    await popup.close();
    await article.close();
  });

  it("is listed once in the manager's entities, with every pack's facts, and links to its page", async () => {
    const identity = await identityOf('alpha/wiesbaden');
    await manager.getByLabel('Find an entity').fill('Wiesbaden');
    const rows = manager.locator('.gloss-entity-link', {
      has: manager.locator('.gloss-entity-name', { hasText: /^Wiesbaden$/ }),
    });
    await eventually(() => rows.count()).toBe(1);
    expect(await rows.getAttribute('href')).toBe(`#entity/${encodeURIComponent(identity ?? '')}`);
    // The bundled pack's facts and one from each imported pack.
    const own = (await callBackground(manager, 'getEntities', { keys: ['nato-ukraine-2024/wiesbaden'] }))[0];
    expect(await rows.textContent()).toContain(`${(own?.factCount ?? 0) + 2} facts`);
    await manager.getByLabel('Find an entity').fill('');
    // The entity search of the pickers ("Link to…" here) lists it once too.
    await manager.evaluate(
      (hash) => {
        location.hash = hash;
      },
      `#entity/${encodeURIComponent(identity ?? '')}`,
    );
    await manager.getByRole('button', { name: 'Link to… (Wiesbaden, Alpha pack)' }).click();
    await manager.getByLabel('Link “Wiesbaden” to').fill('Wiesbaden');
    const picks = manager.locator('.gloss-picker-results li', {
      has: manager.locator('.gloss-choice-name', { hasText: /^Wiesbaden$/ }),
    });
    await eventually(() => picks.count()).toBe(1);
    await manager.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows the entity page; an unlinked member makes two identities and stays unlinked after a reload', async () => {
    const identity = (await identityOf('alpha/wiesbaden')) ?? '';
    await manager.evaluate(
      (hash) => {
        location.hash = hash;
      },
      `#entity/${encodeURIComponent(identity)}`,
    );
    const timeline = manager.getByTestId('timeline');
    await eventually(() => timeline.textContent()).toContain(ALPHA.facts[0]!.text);
    expect(await timeline.textContent()).toContain(BETA.facts[0]!.text);
    const dates = await timeline.locator('> li > h3').allTextContents();
    expect(dates.indexOf('10 Sep 2024')).toBeGreaterThanOrEqual(0);
    expect(dates.indexOf('10 Sep 2024')).toBeLessThan(dates.indexOf('1 Mar 2023'));
    const aliases = await manager.getByTestId('entity-aliases').locator('li').allTextContents();
    expect(aliases).toEqual(
      expect.arrayContaining([
        'Landeshauptstadt Wiesbaden from Alpha pack',
        'Wiesbaden (Hesse) from Beta pack',
      ]),
    );
    const members = manager.getByTestId('members');
    expect(await members.locator('[data-member-key="beta/wiesbaden"]').count()).toBe(1);

    await manager.getByRole('button', { name: 'Unlink Wiesbaden (Beta pack)' }).click();
    await eventually(() => identityOf('beta/wiesbaden')).not.toBe(identity);
    expect(await identityOf('alpha/wiesbaden')).toBe(identity);
    await eventually(() => members.locator('[data-member-key="beta/wiesbaden"]').count()).toBe(0);
    await eventually(() => timeline.textContent()).not.toContain(BETA.facts[0]!.text);

    await manager.reload();
    await eventually(() => manager.getByTestId('timeline').textContent()).toContain(ALPHA.facts[0]!.text);
    expect(await manager.getByTestId('timeline').textContent()).not.toContain(BETA.facts[0]!.text);
    expect(await manager.getByTestId('members').locator('[data-member-key="beta/wiesbaden"]').count()).toBe(
      0,
    );
    const beta = await callBackground(manager, 'getEntityPage', { key: 'beta/wiesbaden' });
    expect(beta?.identity.id).not.toBe(identity);
    expect(beta?.members.map((m) => [m.key, m.manual])).toEqual([['beta/wiesbaden', true]]);
    expect(gloss.errors).toEqual([]);
  });
});
