/**
 * Benchmark texts: the visible text of the shared corpus pages plus the NATO
 * article, read from ../shared (never copied into the repository).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SHARED = resolve(here, '../../../shared');

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  shy: '\u00ad',
  thinsp: '\u2009',
  copy: '©',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const cp =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Rough visible text: drop scripts, styles, comments and tags; decode entities. */
export function visibleText(html: string): string {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(body).replace(/[ \t\r\n]+/g, ' ');
}

export interface BenchText {
  name: string;
  text: string;
}

export function loadTexts(): BenchText[] {
  const dir = join(SHARED, 'corpus/pages');
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({ name: f.replace(/\.html$/, ''), text: visibleText(readFileSync(join(dir, f), 'utf8')) }));
  texts.push({
    name: 'article',
    text: readFileSync(join(SHARED, 'article/nato-ukraine-support-2024-06-14.txt'), 'utf8'),
  });
  return texts;
}
