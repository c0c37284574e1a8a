// How long the user's own strings may be, in one place: the background clips to these when it
// writes a note or a My-knowledge source, and the backup reader checks (and repairs) the same
// numbers. A limit on one side only is how a backup Gloss made could be refused by Gloss.
// sourceTitle and sourceUrl are the pack format's own limits (src/core/pack.ts; a unit test keeps
// them in step), because My-knowledge sources are exported and imported as a pack.

export const LIMITS = {
  noteText: 100_000,
  quote: 20_000,
  pageUrl: 10_000,
  pageTitle: 10_000,
  entityName: 1_000,
  sourceTitle: 1_000,
  sourceUrl: 2_048,
} as const;

/** What a clipped text ends with, so a reader sees that something was cut. */
export const CLIP_MARK = '…';

/** The text, or its first max-1 characters and "…" (never a lone half of a surrogate pair). */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - CLIP_MARK.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + CLIP_MARK;
}

/**
 * An address that fits in max characters and still works: a "…" would make it a broken link (and
 * not an http(s) URL, which packs require), so instead the #fragment goes, then the ?query, then
 * path segments from the end — the result is the same page or a page above it on the same site.
 * Returns null when not even the origin fits (or it is not a URL): the caller drops the address.
 */
export function clipUrl(url: string, max: number): string | null {
  if (url.length <= max) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  parsed.hash = '';
  if (parsed.href.length <= max) return parsed.href;
  parsed.search = '';
  if (parsed.href.length <= max) return parsed.href;
  const segments = parsed.pathname.split('/');
  while (segments.length > 1) {
    segments.pop();
    parsed.pathname = `${segments.join('/')}/`;
    if (parsed.href.length <= max) return parsed.href;
  }
  return null;
}
