// Reads the article of a page with Mozilla's Readability, for "Add this article to Gloss". Runs
// only in the script the popup injects on demand (entrypoints/capture.ts), never in the always-on
// content script. Readability changes the document it reads, so it reads a copy.
import { Readability } from '@mozilla/readability';
import type { ArticleInput } from '@/src/core/extract';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dt, dd, td, th';

export function readArticle(doc: Document): ArticleInput | null {
  const copy = doc.cloneNode(true) as Document;
  const parsed = new Readability(copy).parse();
  const html = parsed?.content ?? '';
  const text = (html && blockText(html)) || parsed?.textContent?.trim() || '';
  if (!text) return null;
  const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() || undefined;
  const url = doc.location?.href ?? doc.URL;
  return {
    title: clean(parsed?.title) ?? clean(doc.title) ?? '',
    url: url.split('#')[0] ?? url,
    text,
    publishedAt: clean(parsed?.publishedTime) ?? publishedFromMeta(doc),
    siteName: clean(parsed?.siteName),
    language: clean(parsed?.lang) ?? clean(doc.documentElement.lang),
    byline: clean(parsed?.byline),
  };
}

/** Paragraphs (and headings, list items…) one per line pair, so sentences never run together. */
function blockText(html: string): string {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const blocks = [...body.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const parts = blocks.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return parts.length ? parts.join('\n\n') : (body.textContent ?? '').trim();
}

function publishedFromMeta(doc: Document): string | undefined {
  const meta = doc.querySelector<HTMLMetaElement>(
    'meta[property="article:published_time"], meta[name="date"], meta[itemprop="datePublished"]',
  );
  const time = doc.querySelector<HTMLTimeElement>('article time[datetime], time[datetime]');
  return meta?.content.trim() || time?.dateTime.trim() || undefined;
}
