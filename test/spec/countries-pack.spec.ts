// The bundled "Countries of the world" pack, switched on from the popup's empty state (issue 14):
// a German page's "Deutschland" and "Ungarn" are then marked as Germany and Hungary, and the card
// cites the dataset. Run in Chromium (test/e2e/countries-pack.test.ts) and Firefox ESR.
import { expect, it } from 'vitest';
import { fixtureUrl, type SpecContext } from './gloss.spec';
import { waitForMentions } from './views';

const NATO = 'nato-ukraine-2024';
const COUNTRIES = 'countries-of-the-world';

export function countriesPackSpec(t: SpecContext) {
  it('is off until turned on from the popup; then "Deutschland" and "Ungarn" are Germany and Hungary', async () => {
    // The NATO pack knows "Deutschland" too: off, so what gets marked comes from the countries pack.
    await t.gloss.callBackground('setPackEnabled', { id: NATO, enabled: false });
    try {
      const packs = await t.gloss.callBackground('listPacks', undefined);
      expect(packs.find((p) => p.id === COUNTRIES)).toMatchObject({ enabled: false, bundled: true });
      await t.page.goto(fixtureUrl('countries-de.html'));
      expect(await waitForMentions(t.page, [], 1500)).toEqual([]);

      const popup = await t.extensionPage('popup.html');
      const clicked = await popup.evaluate(async (label) => {
        for (let i = 0; i < 100; i++) {
          const button = [...document.querySelectorAll('button')].find((b) => b.textContent === label);
          if (button) {
            button.click();
            return true;
          }
          await new Promise((done) => setTimeout(done, 100));
        }
        return false;
      }, 'Turn on Countries of the world');
      expect(clicked).toBe(true);

      await t.page.bringToFront();
      expect(await waitForMentions(t.page, ['Deutschland', 'Ungarn'])).toEqual(['Deutschland', 'Ungarn']);
      const card = await t.page.hover('article', 'Deutschland');
      expect(card.text).toContain('Germany');
      expect(card.text).toContain('Capital: Berlin.');
      expect(card.text).toContain('world-countries 5.1.0 (dataset)');
    } finally {
      await t.gloss.callBackground('setPackEnabled', { id: COUNTRIES, enabled: false });
      await t.gloss.callBackground('setPackEnabled', { id: NATO, enabled: true });
    }
  });
}
