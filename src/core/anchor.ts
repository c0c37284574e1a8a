// Quotes that find their way back: a W3C TextQuoteSelector (exact text with ~32 characters of
// context either side) made from a selection, and found again in a page's text later, even when
// the text around it changed a little. Pure: strings in, offsets out.

export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Characters of context kept either side of the quote. */
export const CONTEXT_CHARS = 32;
/** Occurrences of a short quote compared by their context; past this, the first ones win. */
const MAX_CANDIDATES = 2000;

/** The selector for `text.slice(start, end)`. */
export function quoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

/**
 * Where the quote is in `text`, or null when it is not there any more. The exact text must be
 * present (white space may differ); when it occurs more than once, the occurrence whose
 * surroundings are most like the prefix and suffix wins — similar, not equal, so an edit next to
 * the quote does not lose it.
 */
export function findQuote(text: string, selector: TextQuoteSelector): { start: number; end: number } | null {
  if (!selector.exact) return null;
  let found = occurrences(text, selector.exact).map((start) => ({
    start,
    end: start + selector.exact.length,
  }));
  if (found.length === 0) found = whitespaceTolerant(text, selector.exact);
  if (found.length <= 1) return found[0] ?? null;
  let best = found[0] as { start: number; end: number };
  let bestScore = -1;
  for (const hit of found.slice(0, MAX_CANDIDATES)) {
    const before = squash(text.slice(Math.max(0, hit.start - CONTEXT_CHARS * 2), hit.start));
    const after = squash(text.slice(hit.end, hit.end + CONTEXT_CHARS * 2));
    const prefix = squash(selector.prefix);
    const suffix = squash(selector.suffix);
    const score =
      similarity(prefix, before.slice(Math.max(0, before.length - prefix.length))) +
      similarity(suffix, after.slice(0, suffix.length));
    if (score > bestScore) {
      best = hit;
      bestScore = score;
    }
  }
  return best;
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

/** Occurrences when white space differs (a line break now, a space then): runs of it match runs. */
function whitespaceTolerant(text: string, exact: string): Array<{ start: number; end: number }> {
  const words = exact.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'g');
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How many characters two short strings share, edit-distance wise: length minus edits. */
export function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return Math.max(a.length, b.length) - (previous[b.length] ?? 0);
}

/** The page a note belongs to: its address without the #fragment (same page, another heading). */
export function pageAddress(url: string): string {
  const at = url.indexOf('#');
  return at === -1 ? url : url.slice(0, at);
}
