// Notes people care about survive concurrent use from several tabs: no created note is lost, and
// the newer edit of the same note wins and shows in the other tab at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hover, waitForPopover } from './card-frame';
import { callBackground, fixtureUrl, openGloss, type TestBrowser } from './gloss';
import { waitForMentions } from './page-helpers';

let gloss: TestBrowser;
beforeAll(async () => {
  gloss = await openGloss();
});
afterAll(async () => {
  await gloss?.close();
});

const note = (text: string) => ({
  entityKey: 'nato-ukraine-2024/wiesbaden',
  text,
  pageUrl: 'https://example.org/',
  pageTitle: 'Example',
  quote: '',
});

describe('two tabs at once', () => {
  it('loses no note when both create notes at the same time', async () => {
    const [a, b] = await Promise.all([gloss.extensionPage('popup.html'), gloss.extensionPage('popup.html')]);
    const texts = Array.from({ length: 25 }, (_, i) => i);
    await Promise.all([
      ...texts.map((i) => callBackground(a, 'createNote', note(`from A ${i}`))),
      ...texts.map((i) => callBackground(b, 'createNote', note(`from B ${i}`))),
    ]);
    const saved = (await callBackground(a, 'listNotes', {})).map((n) => n.text);
    expect(saved).toHaveLength(50);
    for (const i of texts) expect(saved).toEqual(expect.arrayContaining([`from A ${i}`, `from B ${i}`]));
    await Promise.all([a.close(), b.close()]);
  });

  it('the newer edit of the same note wins, and the other tab shows it at once', async () => {
    const manager = await gloss.extensionPage('popup.html');
    const shared = await callBackground(manager, 'createNote', note('first version'));
    const reader = await gloss.context.newPage();
    await reader.goto(fixtureUrl('article.html'));
    await expect.poll(async () => (await waitForMentions(reader, [], 50)).length).toBeGreaterThan(50);
    await hover(reader, 'article', 'Wiesbaden');
    await waitForPopover(reader, (v) => v?.text.includes('first version') ?? false);

    await callBackground(manager, 'updateNote', { id: shared.id, text: 'edited in the other tab' });
    const view = await waitForPopover(reader, (v) => v?.text.includes('edited in the other tab') ?? false);
    expect(view.text).not.toContain('first version');

    await callBackground(manager, 'updateNote', { id: shared.id, text: 'edited again, later' });
    const notes = await callBackground(manager, 'listNotes', {});
    expect(notes.find((n) => n.id === shared.id)?.text).toBe('edited again, later');
    await waitForPopover(reader, (v) => v?.text.includes('edited again, later') ?? false);
    expect(gloss.errors).toEqual([]);
    expect(gloss.offMachine).toEqual([]);
  });
});
