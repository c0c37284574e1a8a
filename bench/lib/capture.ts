// Capture quality, shared by the unit test (test/unit/extract.test.ts) and bench/capture.bench.ts:
// a corpus page's article text as the popup's capture reads it, and scores against hand labels.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { Window } from 'happy-dom';
import { foldText } from '../../src/core/normalize';
import { entityNames, type Pack } from '../../src/core/pack';

const root = new URL('../../', import.meta.url);
export const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
// The corpus is ../shared beside the repository (never copied into it); GLOSS_SHARED points
// elsewhere, e.g. from a git worktree whose parent folder has no shared/.
const SHARED = process.env.GLOSS_SHARED ?? fileURLToPath(new URL('../shared', root));
/** A file of the shared corpus, e.g. `article/nato-ukraine-support-2024-06-14.txt`. */
export const readShared = (path: string) => readFileSync(join(SHARED, path), 'utf8');
const key = (s: string) => foldText(s, true);

/** Hand labels of a page: every entity a reader would keep, and which names are one entity. */
export interface Labels {
  entities: string[];
  sameAs?: string[][];
}

export const labelsOf = (page: string): Labels =>
  JSON.parse(read(`test/fixtures/extract/${page}.labels.json`));

/** A corpus page's HTML, decoded by its declared charset as a browser would (rp-pl: Windows-1250). */
function pageHtml(page: string): string {
  const bytes = readFileSync(join(SHARED, `corpus/pages/${page}.html`));
  const head = bytes.subarray(0, 4096).toString('latin1');
  const charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  return new TextDecoder(charset).decode(bytes);
}

/** A corpus page's article (title, text, site, language) through Readability, as capture reads it. */
export function pageText(page: string) {
  const window = new Window({
    url: 'https://example.com/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  // happy-dom loses the rest of a page after some inline <svg> symbol sheets (lastampa, forsal),
  // leaving Readability no article; the drawings hold no text, so they go first.
  window.document.write(pageHtml(page).replace(/<svg[\s\S]*?<\/svg>/gi, ''));
  const parsed = new Readability(window.document as unknown as Document).parse();
  void window.happyDOM.close();
  return {
    title: parsed?.title ?? page,
    text: parsed?.textContent ?? '',
    siteName: parsed?.siteName ?? undefined,
    language: parsed?.lang ?? undefined,
  };
}

export interface Score {
  precision: number;
  recall: number;
  /** Extracted entities none of whose names is labelled. */
  junk: string[];
  /** Labelled entities (sameAs groups) not found. */
  missed: string[];
}

/**
 * Precision: extracted entities with a labelled name; recall: labelled entities (a sameAs group
 * counts once) that some extracted entity names.
 */
export function score(entities: Pack['entities'], labels: Labels): Score {
  const labelled = new Set(labels.entities.map(key));
  const extractedNames = entities.map((e) => entityNames(e).map(key));
  const good = extractedNames.map((names) => names.some((n) => labelled.has(n)));
  const groups = new Map<string, number>();
  const groupName = new Map<number, string>();
  for (const [i, name] of labels.entities.entries()) {
    groups.set(key(name), i);
    groupName.set(i, name);
  }
  for (const [i, group] of (labels.sameAs ?? []).entries())
    for (const n of group) {
      groups.set(key(n), -1 - i);
      groupName.set(-1 - i, group[0] as string);
    }
  const found = new Set(extractedNames.flat());
  const all = new Set(groups.values());
  const hit = new Set([...groups].filter(([n]) => found.has(n)).map(([, g]) => g));
  return {
    precision: entities.length ? good.filter(Boolean).length / entities.length : 1,
    recall: hit.size / all.size,
    junk: entities.filter((_, i) => !good[i]).map((e) => e.name),
    missed: [...all].filter((g) => !hit.has(g)).map((g) => groupName.get(g) as string),
  };
}
