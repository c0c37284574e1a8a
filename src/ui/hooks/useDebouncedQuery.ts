import { useEffect, useState } from 'preact/hooks';

/** Long enough to skip the keys of a word typed at speed, short enough to feel immediate. */
export const QUERY_DEBOUNCE_MS = 150;

/**
 * What the user typed, trimmed, once typing pauses: searches key off this so a word typed fast is
 * one request, not one per key. `pending` is true while the typed text is ahead of the query.
 */
export function useDebouncedQuery(
  typed: string,
  delay = QUERY_DEBOUNCE_MS,
): { query: string; pending: boolean } {
  const wanted = typed.trim();
  const [query, setQuery] = useState(wanted);
  useEffect(() => {
    // Clearing the box needs no wait: it shows what was there before the search.
    if (wanted === '') {
      setQuery('');
      return;
    }
    const timer = setTimeout(() => setQuery(wanted), delay);
    return () => clearTimeout(timer);
  }, [wanted, delay]);
  return { query, pending: query !== wanted };
}
