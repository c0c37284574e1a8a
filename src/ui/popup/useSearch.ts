import { useEffect, useState } from 'preact/hooks';
import { type SearchResult, sendMessage } from '@/src/messaging/protocol';

const DEBOUNCE_MS = 150;
const LIMIT = 20;

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; query: string; results: SearchResult[] }
  | { status: 'error'; message: string };

/** Searches the knowledge base as the user types, once typing pauses; a stale answer is dropped. */
export function useSearch(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  useEffect(() => {
    const trimmed = query.trim();
    if (!trimmed) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState((current) => (current.status === 'done' ? current : { status: 'searching' }));
    const timer = setTimeout(() => {
      sendMessage('search', { query: trimmed, limit: LIMIT })
        .then((results) => live && setState({ status: 'done', query: trimmed, results }))
        .catch((error: Error) => live && setState({ status: 'error', message: error.message }));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  return state;
}
