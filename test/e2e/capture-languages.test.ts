// Capture in other languages (issue 14) in real Chromium: a German article captured from the popup
// proposes its real names, not its common nouns (German capitalises every noun), and the review
// links "Ungarn" and "Deutschland" to the bundled pack's Hungary and Germany by their German labels.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callBackground, fixtureUrl, openGloss, openManager, openReview, type TestBrowser } from './gloss';

const expected = JSON.parse(
  readFileSync(new URL('../fixtures/extract/capture-de.expected.json', import.meta.url), 'utf8'),
) as { names: string[]; notNames: string[]; linked: Record<string, string> };

let gloss: TestBrowser;
let manager: Page;

beforeAll(async () => {
  gloss = await openGloss();
  manager = await openManager(gloss);
});
afterEach(() => {
  expect(gloss.errors.splice(0)).toEqual([]);
});
afterAll(async () => {
  await gloss?.close();
});

describe('adding a German article', () => {
  it('proposes its names, not its nouns, and links Ungarn and Deutschland to what Gloss knows', async () => {
    const article = await gloss.context.newPage();
    await article.goto(fixtureUrl('extract/capture-de.html'));
    const { popup, review, names } = await openReview(gloss, article);
    expect(names).toEqual(expect.arrayContaining(expected.names));
    for (const noun of expected.notNames) expect(names, noun).not.toContain(noun);

    const draft = await callBackground(manager, 'getDraft', { id: review.url().split('#review/')[1] ?? '' });
    expect(draft?.pack.pack.language).toBe('de');
    const pack = draft?.pack as NonNullable<typeof draft>['pack'];
    const preview = await callBackground(manager, 'previewLinks', { pack });
    for (const [name, known] of Object.entries(expected.linked)) {
      const entity = pack.entities.find((e) => e.name === name);
      expect(preview[entity?.id ?? ''], name).toMatchObject({ decision: 'link', identity: { name: known } });
      // The review says so on the candidate's row.
      await review.locator(`[data-candidate-id="${entity?.id}"] [data-link="link"]`).waitFor();
    }
    // Its facts are the article's sentences, verbatim.
    const ungarn = pack.entities.find((e) => e.name === 'Ungarn');
    const quotes = pack.facts.filter((f) => f.entityId === ungarn?.id).map((f) => f.quote);
    expect(quotes).toContain('Ungarn hat am Dienstag erneut ein Hilfspaket für die Ukraine blockiert.');
    await Promise.all([popup.close(), review.close(), article.close()]);
  });
});
