// Language tags as pages write them, made safe for Intl. Pages often write "en_US" or "EN", or
// something that is no tag at all, and Intl throws a RangeError on anything it cannot parse
// (new Intl.Segmenter('en_US') does): one bad <html lang> must not stop a card from opening.

/** Raw tag → canonical tag, or '' when Intl cannot read it. Pages repeat the same few tags. */
const canonical = new Map<string, string>();
const MAX_CACHED = 64;

/**
 * The canonical BCP 47 form of `tag` ("en_US" → "en-US", "EN" → "en"), or `fallback` when
 * it is missing, empty or not a tag Intl accepts.
 */
export function canonicalLang(tag: string | null | undefined, fallback = 'en'): string {
  if (typeof tag !== 'string') return fallback;
  let known = canonical.get(tag);
  if (known === undefined) {
    known = '';
    const cleaned = tag.trim().replaceAll('_', '-');
    if (cleaned) {
      try {
        known = Intl.getCanonicalLocales(cleaned)[0] ?? '';
      } catch {
        // RangeError: not a well-formed tag; the fallback stands in.
      }
    }
    if (canonical.size >= MAX_CACHED) canonical.clear();
    canonical.set(tag, known);
  }
  return known || fallback;
}

type Granularity = 'grapheme' | 'word' | 'sentence';
const segmenters = new Map<string, Intl.Segmenter>();

/**
 * A Segmenter for `lang` (any tag a page may write), shared per canonical tag and granularity;
 * null where the browser has no Intl.Segmenter.
 */
export function segmenter(lang: string | null | undefined, granularity: Granularity): Intl.Segmenter | null {
  if (typeof Intl.Segmenter !== 'function') return null;
  const locale = canonicalLang(lang);
  const key = `${granularity} ${locale}`;
  let found = segmenters.get(key);
  if (found === undefined) {
    found = new Intl.Segmenter(locale, { granularity });
    if (segmenters.size >= MAX_CACHED) segmenters.clear();
    segmenters.set(key, found);
  }
  return found;
}
