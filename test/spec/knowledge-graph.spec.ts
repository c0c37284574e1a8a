// The knowledge graph's main path for the card and the popup (issue 13), in both browsers: two
// packs that both know Russia (as captures of two articles would be) are one identity. The page
// marks it as one thing, the card shows both sources' facts under "From 2 sources" without asking
// which Russia is meant, and the popup's page list and the manager's entities have it once.
// Run in Chromium (test/e2e/knowledge-graph-shared.test.ts) and Firefox ESR.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Pack } from '@/src/core/pack';
import { fixtureUrl, type SpecContext } from './gloss.spec';
import { waitForMentions } from './views';

const BUNDLED = 'nato-ukraine-2024';
const FACTS = {
  alpha: 'Russia launched a campaign of hostile actions.',
  beta: 'Russia was discussed by NATO defence ministers.',
};

function pack(id: keyof typeof FACTS, date: string): Pack {
  return {
    format: 'gloss-pack',
    version: 2,
    pack: { id, version: 1, title: `Pack ${id}`, description: '', language: 'en', createdAt: date },
    sources: [{ id: 'src', title: `Article ${id}`, url: `https://news.example/${id}`, publishedAt: date }],
    entities: [{ id: 'russia', name: 'Russia', type: 'place', aliases: [] }],
    facts: [{ id: 'f1', entityId: 'russia', sourceId: 'src', text: FACTS[id], quote: FACTS[id] }],
  };
}

export function knowledgeGraphSpec(t: SpecContext) {
  beforeAll(async () => {
    // The bundled pack knows Russia too; switched off, only the two packs below speak of it.
    await t.gloss.callBackground('setPackEnabled', { id: BUNDLED, enabled: false });
    for (const p of [pack('alpha', '2024-06-10'), pack('beta', '2024-06-12')]) {
      expect(await t.gloss.callBackground('importPack', { json: JSON.stringify(p) })).toMatchObject({
        ok: true,
      });
    }
  });
  afterAll(async () => {
    for (const id of ['alpha', 'beta']) await t.gloss.callBackground('removePack', { id });
    await t.gloss.callBackground('setPackEnabled', { id: BUNDLED, enabled: true });
  });

  it('makes one identity of the two packs’ Russia', async () => {
    const alpha = await t.gloss.callBackground('getEntity', { key: 'alpha/russia' });
    const beta = await t.gloss.callBackground('getEntity', { key: 'beta/russia' });
    expect(alpha?.identity.id).toMatch(/^i:/);
    expect(beta?.identity.id).toBe(alpha?.identity.id);
    expect(alpha?.identity.memberKeys).toEqual(expect.arrayContaining(['alpha/russia', 'beta/russia']));
  });

  it('shows both sources’ facts on the card, "From 2 sources", without a chooser', async () => {
    await t.page.goto(fixtureUrl('knowledge-graph.html'));
    expect(await waitForMentions(t.page, ['Russia', 'Russia'])).toEqual(['Russia', 'Russia']);
    const card = await t.page.hover('article', 'Russia');
    expect(card.text).not.toContain('Which “');
    expect(card.text).toContain('From 2 sources');
    expect(card.text).toContain(FACTS.alpha);
    expect(card.text).toContain(FACTS.beta);
    // Newest source first.
    expect(card.text.indexOf(FACTS.beta)).toBeLessThan(card.text.indexOf(FACTS.alpha));
  });

  it('lists Russia once in the popup, with both mentions', async () => {
    await t.page.goto(fixtureUrl('knowledge-graph.html'));
    await waitForMentions(t.page, ['Russia', 'Russia']);
    const identity = (await t.gloss.callBackground('getEntity', { key: 'alpha/russia' }))?.identity.id;
    const state = await t.gloss.askTab(t.page, 'pageState', undefined);
    expect(state.counts).toEqual([{ entityKey: identity, count: 2 }]);

    const popup = await t.extensionPage(`popup.html?tabId=${await t.gloss.tabIdOf(t.page)}`);
    const rows = await popup.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const items = [...document.querySelectorAll('[data-testid="page-entities"] button')];
        if (items.length > 0) {
          return items.map((button) => ({
            name: button.querySelector('.gloss-popup-item-name')?.textContent,
            count: Number(button.querySelector('[data-testid="mention-count"] [aria-hidden]')?.textContent),
          }));
        }
        await new Promise((done) => setTimeout(done, 100));
      }
      return [];
    }, undefined);
    expect(rows).toEqual([{ name: 'Russia', count: 2 }]);
  });

  it('lists Russia once among the manager’s entities, linked to its page', async () => {
    const identity = (await t.gloss.callBackground('getEntity', { key: 'alpha/russia' }))?.identity.id;
    const manager = await t.extensionPage('options.html#knowledge');
    const rows = await manager.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const search = document.querySelector<HTMLInputElement>('.gloss-browser input[type="search"]');
        if (search && search.value !== 'Russia') {
          search.value = 'Russia';
          search.dispatchEvent(new Event('input', { bubbles: true }));
        }
        const links = [...document.querySelectorAll('.gloss-entity-link')].filter(
          (link) => link.querySelector('.gloss-entity-name')?.textContent === 'Russia',
        );
        // Past the debounce, the answer to "Russia" is in (a filtered list of one entity).
        if (
          search?.value === 'Russia' &&
          links.length > 0 &&
          document.querySelectorAll('.gloss-entity-link').length < 5
        )
          return links.map((link) => link.getAttribute('href'));
        await new Promise((done) => setTimeout(done, 100));
      }
      return [];
    }, undefined);
    expect(rows).toEqual([`#entity/${encodeURIComponent(identity ?? '')}`]);
  });
}
