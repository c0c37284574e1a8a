/**
 * Capture quality per labelled page: precision and recall of what the review keeps by default,
 * and of every candidate the extractor offers, against the hand labels in test/fixtures/extract.
 * Run: node --import tsx bench/capture.bench.ts   (GLOSS_SHARED=… when ../shared is elsewhere);
 * `--languages` for the articles in other languages, `--junk` to list what is wrong.
 * test/unit/extract.test.ts holds floors on the same figures.
 */
import { existsSync } from 'node:fs';
import { type ArticleInput, extractPack } from '../src/core/extract';
import { captureLanguage } from '../src/core/extract/languages';
import { candidatesOf, packFromCandidates } from '../src/core/review';
import { labelsOf, pageText, read, readShared, score } from './lib/capture';

const NOW = new Date('2024-06-15T12:00:00.000Z');

/** The bundled article and the English corpus pages with labels. */
export const LABELLED_PAGES = [
  'dw-com-colonial',
  'nytimes-4',
  'cnn',
  'yahoo-2',
  'bbc-1',
  'nytimes-1',
  'wapo-1',
];

/**
 * Articles in other languages (issue 14): corpus pages, and two written for the tests where the
 * corpus has none (test/fixtures/extract/<page>.article.json: Ukrainian, Hungarian).
 */
export const LANGUAGE_PAGES = [
  'heise',
  'lemonde-1',
  'aktualne',
  'folha',
  'football-ua-podolski-ru',
  'forsal-pl-godzina-pracy',
  'rp-pl-unijne-fundusze',
  'lastampa-it-temperature',
  'nytimes-5',
  'uk-zelenskyi-orban',
  'hu-orban-brusszel',
];

export interface PageRow {
  page: string;
  /** The language capture read it in. */
  lang: string;
  candidates: number;
  kept: number;
  keptScore: ReturnType<typeof score>;
  allScore: ReturnType<typeof score>;
}

export function articleOf(page: string) {
  if (page === 'article')
    return {
      title: 'NATO approves plan for enhanced support to Ukraine',
      text: readShared('article/nato-ukraine-support-2024-06-14.txt'),
      url: 'https://example.org/news/nato-ukraine',
    };
  if (existsSync(new URL(`../test/fixtures/extract/${page}.article.json`, import.meta.url)))
    return JSON.parse(read(`test/fixtures/extract/${page}.article.json`)) as ArticleInput;
  return { ...pageText(page), url: `https://example.com/${page}` };
}

export function measure(page: string): PageRow {
  const article = articleOf(page);
  const pack = extractPack(article, { now: NOW });
  const kept = packFromCandidates(pack, candidatesOf(pack)).entities;
  const labels = labelsOf(page);
  return {
    page,
    lang: captureLanguage(article.text, article.language),
    candidates: pack.entities.length,
    kept: kept.length,
    keptScore: score(kept, labels),
    allScore: score(pack.entities, labels),
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

if (process.argv[1]?.endsWith('capture.bench.ts')) {
  const languages = process.argv.includes('--languages');
  const rows = (languages ? LANGUAGE_PAGES : ['article', ...LABELLED_PAGES]).map(measure);
  console.log(
    '| page | language | candidates | kept by default | precision (kept) | recall (kept) | precision (all) | recall (all) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows)
    console.log(
      `| ${r.page} | ${r.lang} | ${r.candidates} | ${r.kept} | ${pct(r.keptScore.precision)} | ${pct(r.keptScore.recall)} | ${pct(r.allScore.precision)} | ${pct(r.allScore.recall)} |`,
    );
  if (process.argv.includes('--junk'))
    for (const r of rows)
      console.log(`${r.page}: junk ${r.allScore.junk.join(', ')}; missed ${r.allScore.missed.join(', ')}`);
}
