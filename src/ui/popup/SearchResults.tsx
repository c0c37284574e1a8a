import { type SearchResult, sendMessage } from '@/src/messaging/protocol';
import { typeLabel } from '../format';
import { useDebouncedQuery } from '../hooks/useDebouncedQuery';
import { type Live, useLive } from '../hooks/useLive';

const LIMIT = 20;

export interface SearchState {
  /** Typing has run ahead of the results shown. */
  searching: boolean;
  /** The answer to the last search sent: the query it was for, and its hits. */
  live: Live<{ query: string; results: SearchResult[] }>;
}

/** Searches the knowledge base and notes as the user types, once typing pauses; kept current. */
export function useSearch(typed: string): SearchState {
  const { query, pending } = useDebouncedQuery(typed);
  const live = useLive(
    async () => ({ query, results: query ? await sendMessage('search', { query, limit: LIMIT }) : [] }),
    [query],
    (change) => change.kind !== 'settings',
  );
  const stale = live.status === 'loading' || (live.status === 'ready' && live.data.query !== query);
  return { searching: pending || stale, live };
}

const KIND_LABEL: Record<SearchResult['kind'], string> = {
  entity: 'Also known as',
  fact: 'Fact',
  note: 'Note',
};

export interface SearchResultsProps {
  search: SearchState;
  onOpen(entityKey: string): void;
}

/** Search hits, one button each; a hit opens its entity's card. */
export function SearchResults({ search, onOpen }: SearchResultsProps) {
  const { live } = search;
  return (
    <section class="gloss-popup-section" aria-labelledby="gloss-results">
      <h2 id="gloss-results" class="gloss-section-heading">
        Search results
      </h2>
      <div role="status" class="gloss-muted">
        {search.searching && 'Searching…'}
        {!search.searching &&
          live.status === 'ready' &&
          live.data.results.length === 0 &&
          `Nothing in your knowledge base or notes matches “${live.data.query}”.`}
        {live.status === 'error' && <span class="gloss-error">Search failed: {live.message}</span>}
      </div>
      {live.status === 'ready' && live.data.results.length > 0 && (
        <ul class="gloss-list" data-testid="search-results">
          {live.data.results.map((result, index) => (
            <li key={`${result.kind}:${result.entityKey}:${index}`}>
              <button
                type="button"
                class="gloss-popup-item gloss-popup-result"
                data-entity-key={result.entityKey}
                onClick={() => onOpen(result.entityKey)}
              >
                <span class="gloss-popup-result-head">
                  <bdi class="gloss-popup-item-name">{result.entityName}</bdi>
                  {result.entityType && <span class="gloss-type">{typeLabel(result.entityType)}</span>}
                </span>
                {result.kind !== 'entity' || result.snippet !== result.entityName ? (
                  <span class="gloss-snippet">
                    <span class="gloss-popup-kind">{KIND_LABEL[result.kind]}: </span>
                    <bdi>{result.snippet}</bdi>
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
