// Names in other languages and their inflected forms, on pages in German (lang="de"), Polish (no
// lang at all: the words tell) and Russian (lang="en" on the page, wrongly; lang="ru" on some
// paragraphs), in both browsers. A pack with Russia, Ukraine, Germany, Hungary and Brussels
// labelled in those languages is imported beside the bundled one; each page carries its expected
// mentions (test/fixtures/lang/pages/*.expected.json), compounds, adjectives and demonyms among
// what must stay unmarked.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlossDriver } from './driver';
import { expected, fixtureUrl, type SpecContext } from './gloss.spec';
import { highlighted, waitForMentions } from './views';

const PAGES = ['de', 'pl', 'ru'];
const pack = readFileSync(resolve(import.meta.dirname, '../fixtures/lang/pages/languages-pack.json'), 'utf8');

export function languagesSpec(t: SpecContext<GlossDriver>): void {
  beforeAll(async () => {
    expect(await t.gloss.callBackground('importPack', { json: pack })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await t.gloss.callBackground('removePack', { id: 'languages' });
  });

  describe('pages in other languages', () => {
    it.each(PAGES)(
      'marks the names and their inflected forms on the %s page, and nothing else',
      async (lang) => {
        const want = expected(`lang/pages/${lang}`) as { mentions: string[]; notMentions: string[] };
        await t.page.goto(fixtureUrl(`lang/pages/${lang}.html`));
        expect(await waitForMentions(t.page, want.mentions)).toEqual(want.mentions);
        const marked = (await highlighted(t.page)).light;
        for (const word of want.notMentions) expect(marked).not.toContain(word);
      },
    );

    it('opens Russia’s card on hovering "Rosji"', async () => {
      await t.page.goto(fixtureUrl('lang/pages/pl.html'));
      await waitForMentions(t.page, expected('lang/pages/pl').mentions);
      const view = await t.page.hover('article', 'Rosji');
      expect(view.text).toContain('Russia');
      expect(view.text).toContain('The largest country by area.');
    });
  });
}
