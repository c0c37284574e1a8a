// Capture quality (issue 8): entities extracted from the bundled article and three corpus pages,
// scored against hand-made labels in test/fixtures/extract (page texts stay in ../shared).
import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { extractPack } from '../../src/core/extract';
import { foldText } from '../../src/core/normalize';
import { entityNames, type Pack, validatePack } from '../../src/core/pack';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const key = (s: string) => foldText(s, true);
const NOW = new Date('2024-06-15T12:00:00.000Z');

interface Labels {
  entities: string[];
  sameAs?: string[][];
}

/** Precision: extracted entities with a labelled name; recall: labelled entities (sameAs groups) found. */
function score(pack: Pack, labels: Labels) {
  const labelled = new Set(labels.entities.map(key));
  const extractedNames = pack.entities.map((e) => entityNames(e).map(key));
  const good = extractedNames.filter((names) => names.some((n) => labelled.has(n)));
  const groups = new Map<string, number>();
  for (const [i, name] of labels.entities.entries()) groups.set(key(name), i);
  for (const [i, group] of (labels.sameAs ?? []).entries()) for (const n of group) groups.set(key(n), -1 - i);
  const found = new Set(extractedNames.flat());
  const all = new Set(groups.values());
  const hit = new Set([...groups].filter(([n]) => found.has(n)).map(([, g]) => g));
  return {
    precision: good.length / pack.entities.length,
    recall: hit.size / all.size,
    junk: pack.entities.filter((_, i) => !good.includes(extractedNames[i] as string[])).map((e) => e.name),
  };
}

function checkPack(pack: Pack, text: string) {
  expect(validatePack(JSON.parse(JSON.stringify(pack)))).toMatchObject({ ok: true });
  for (const fact of pack.facts) {
    expect(text.includes(fact.quote), fact.quote).toBe(true);
    expect(fact.text.length).toBeLessThanOrEqual(200);
  }
  for (const e of pack.entities)
    expect(
      pack.facts.some((f) => f.entityId === e.id),
      e.name,
    ).toBe(true);
}

describe('extractPack on the bundled article', () => {
  const text = read('../shared/article/nato-ukraine-support-2024-06-14.txt');
  const article = {
    title: 'NATO approves plan for enhanced support to Ukraine',
    url: 'https://example.org/news/nato-ukraine',
    text,
    publishedAt: '2024-06-14',
    siteName: 'Example News',
  };

  it('covers the bundled pack and finds mostly real entities', () => {
    const started = performance.now();
    const pack = extractPack(article, { now: NOW });
    const ms = performance.now() - started;
    checkPack(pack, text);
    const bundled = JSON.parse(read('assets/packs/nato-ukraine-2024.json')) as Pack;
    const names = new Set(pack.entities.flatMap((e) => entityNames(e).map(key)));
    const covered = bundled.entities.filter((e) => entityNames(e).some((n) => names.has(key(n))));
    const coverage = covered.length / bundled.entities.length;
    const { precision, recall, junk } = score(
      pack,
      JSON.parse(read('test/fixtures/extract/article.labels.json')),
    );
    console.log(
      `article: coverage ${(coverage * 100).toFixed(0)}% (${covered.length}/${bundled.entities.length}), precision ${(precision * 100).toFixed(0)}%, recall ${(recall * 100).toFixed(0)}%, ${pack.entities.length} entities, ${pack.facts.length} facts, ${ms.toFixed(0)} ms; not labelled: ${junk.join(', ')}`,
    );
    expect(coverage).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.8);
  });

  it('builds the pack and source from the article metadata, deterministically', () => {
    const pack = extractPack(article, { now: NOW });
    expect(pack.pack).toMatchObject({
      id: 'example.org-news-nato-ukraine-2024-06-14',
      title: article.title,
      language: 'en',
      version: 1,
      createdAt: NOW.toISOString(),
    });
    expect(pack.pack.description).toBe('Captured from Example News on 2024-06-15');
    expect(pack.sources).toEqual([
      {
        id: 'article',
        title: article.title,
        url: article.url,
        publisher: 'Example News',
        publishedAt: '2024-06-14',
      },
    ]);
    expect(extractPack(article, { now: NOW })).toEqual(pack);
    const stoltenberg = pack.entities.find((e) => e.name === 'Jens Stoltenberg');
    expect(stoltenberg).toMatchObject({ type: 'person', aliases: ['Stoltenberg'] });
    expect(pack.entities.find((e) => e.name === 'Washington Summit')?.type).toBe('event');
    expect(pack.entities.some((e) => /^(Allies|Experts|Read|These|Originally)$/.test(e.name))).toBe(false);
    expect(pack.facts.filter((f) => f.entityId === 'nato').length).toBeLessThanOrEqual(8);
  });

  it('refuses non-web URLs and odd metadata without failing', () => {
    const pack = extractPack(
      {
        title: ' ',
        url: 'javascript:alert(1)',
        text: 'Angela Merkel met Emmanuel Macron in Paris.',
        publishedAt: 'garbage',
        language: 'not a tag!',
      },
      { now: NOW },
    );
    expect(validatePack(pack).ok).toBe(true);
    expect(pack.sources[0]?.url).toBeUndefined();
    expect(pack.sources[0]?.publishedAt).toBeUndefined();
    expect(pack.pack.language).toBe('en');
  });

  it('names a person’s accent-free form and an organisation’s acronym', () => {
    const text2 =
      'Viktor Orbán spoke first. The North Atlantic Treaty Organization (NATO) met. Later, Orbán left, and NATO agreed.';
    const pack = extractPack({ title: 't', url: 'https://a.example/x', text: text2 }, { now: NOW });
    checkPack(pack, text2);
    expect(pack.entities.find((e) => e.name === 'Viktor Orbán')?.aliases).toEqual(
      expect.arrayContaining(['Orbán', 'Viktor Orban', 'Orban']),
    );
    expect(pack.entities.find((e) => e.name === 'North Atlantic Treaty Organization')?.aliases).toContain(
      'NATO',
    );
  });
});

function pageText(page: string) {
  const window = new Window({
    url: 'https://example.com/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  window.document.write(read(`../shared/corpus/pages/${page}.html`));
  const parsed = new Readability(window.document as unknown as Document).parse();
  void window.happyDOM.close();
  return {
    title: parsed?.title ?? page,
    text: parsed?.textContent ?? '',
    siteName: parsed?.siteName ?? undefined,
  };
}

// Thresholds are what the extractor meets today, with a little room.
const PAGES: Array<[string, number, number]> = [
  ['dw-com-colonial', 0.85, 0.8],
  ['nytimes-4', 0.8, 0.8],
  ['cnn', 0.85, 0.8],
];

describe.each(PAGES)('extractPack on corpus page %s', (page, minPrecision, minRecall) => {
  it(`has precision ≥ ${minPrecision} and recall ≥ ${minRecall} against hand labels`, () => {
    const { title, text, siteName } = pageText(page);
    const started = performance.now();
    const pack = extractPack({ title, text, siteName, url: `https://example.com/${page}` }, { now: NOW });
    const ms = performance.now() - started;
    checkPack(pack, text);
    const { precision, recall, junk } = score(
      pack,
      JSON.parse(read(`test/fixtures/extract/${page}.labels.json`)),
    );
    console.log(
      `${page}: precision ${(precision * 100).toFixed(0)}%, recall ${(recall * 100).toFixed(0)}%, ${pack.entities.length} entities, ${text.length} chars, ${ms.toFixed(0)} ms; not labelled: ${junk.join(', ')}`,
    );
    expect(precision).toBeGreaterThanOrEqual(minPrecision);
    expect(recall).toBeGreaterThanOrEqual(minRecall);
  }, 30_000);
});
