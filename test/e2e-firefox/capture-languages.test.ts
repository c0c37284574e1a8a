// Capture of a German article in Firefox ESR (issue 14): the background's extraction (with Firefox's
// Intl.Segmenter) proposes the article's names, not its nouns, and links "Ungarn" and "Deutschland"
// to the bundled pack's Hungary and Germany. The popup's button is Chromium's test
// (test/e2e/capture-languages.test.ts); here the page's article text goes to the same message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureUrl, withGloss } from '../spec/gloss.spec';
import { firefoxDriver } from './driver';

const expected = JSON.parse(
  readFileSync(new URL('../fixtures/extract/capture-de.expected.json', import.meta.url), 'utf8'),
) as { names: string[]; notNames: string[]; linked: Record<string, string> };

const t = withGloss(firefoxDriver);

describe('capture in German, in Firefox', () => {
  it('proposes the names, not the nouns, and links Ungarn and Deutschland', async () => {
    await t.page.goto(fixtureUrl('extract/capture-de.html'));
    const article = await t.page.evaluate(
      () => ({
        title: document.title,
        text: document.querySelector('article')?.textContent ?? '',
        language: document.documentElement.lang,
      }),
      undefined,
    );
    const { draftId } = await t.gloss.callBackground('captureArticle', {
      ...article,
      url: fixtureUrl('extract/capture-de.html'),
    });
    const draft = await t.gloss.callBackground('getDraft', { id: draftId });
    const pack = draft?.pack as NonNullable<typeof draft>['pack'];
    const names = pack.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(expected.names));
    for (const noun of expected.notNames) expect(names, noun).not.toContain(noun);
    const preview = await t.gloss.callBackground('previewLinks', { pack });
    for (const [name, known] of Object.entries(expected.linked)) {
      const id = pack.entities.find((e) => e.name === name)?.id ?? '';
      expect(preview[id], name).toMatchObject({ decision: 'link', identity: { name: known } });
    }
    await t.gloss.callBackground('discardDraft', { id: draftId });
  });
});
